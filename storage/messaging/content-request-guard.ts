import { COLORS } from '../model/colors';
import { LANGUAGES } from '../model/settings-defaults';
import type { Settings } from '../model/settings';
import type { ContentRequest, NoteFrameEvent } from './protocol';
import { CHANGES, NOTE_FRAME_SOURCE } from './protocol-constants';
import { isVerdict } from '@/components/vocabulary/verdicts';

/*
 * How the content script checks what reaches it, without bundling zod. Declaring these messages
 * with `zod/mini` instead was measured (wxt build, gzip -9 of the content script):
 * 29,623 bytes today, 35,271 with zod/mini, +5,648, over the 3 KB we allow the content script for
 * it. So the two channels are checked as strictly as each one needs:
 *
 *  - window `postMessage` (readNoteFrameEvent): any web page can post to it, so that guard is
 *    strict, accepting exactly what NoteFrameEventSchema accepts (tests/unit/message-guards.test.ts
 *    holds the two to each other).
 *  - runtime messages (readContentRequest): only the extension's own contexts can send a tab's
 *    content script one (`tabs.sendMessage`; no `externally_connectable`, and a page's scripts have
 *    no `browser.runtime`), and the sender validates with ContentRequestSchema (send-to-tab.ts).
 *    So it is a type switch with shape checks of the fields the content script uses, no mirror.
 */

/** What z.object takes for an object: arrays, null and functions are not. */
function isObjectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * z.strictObject's unknown-key check. Like zod it walks `for...in`, so an inherited enumerable
 * key counts too; messages that crossed a boundary (structured clone) have none anyway.
 */
function hasOnlyKeys(v: object, keys: readonly string[]): boolean {
  for (const key in v) if (!keys.includes(key)) return false;
  return true;
}

function isChange(v: unknown): v is (typeof CHANGES)[number] {
  return (CHANGES as readonly unknown[]).includes(v);
}

/**
 * A runtime message from the background or the popup as the request it names, with the fields the
 * content script reads (and only those), or null when it is not one. Not a mirror of
 * ContentRequestSchema: see above for why the sender's check is the full one.
 */
export function readContentRequest(raw: unknown): ContentRequest | null {
  if (!isObjectLike(raw)) return null;
  const { type, id, pageKey, change, settings, index, step, verdict } = raw;
  switch (type) {
    case 'content.highlightSelection':
    case 'content.noteSelection':
    case 'content.status':
    case 'content.outline':
    case 'annotations.reload':
      return { type };
    case 'content.revealClaim':
      return isIndex(index) ? { type, index } : null;
    case 'content.stepClaim':
      return step === 1 || step === -1 ? { type, step } : null;
    case 'content.assessClaim':
      return isIndex(index) && isVerdict(verdict) ? { type, index, verdict } : null;
    case 'content.reveal':
      return typeof id === 'string' ? { type, id } : null;
    case 'annotations.changed':
      return typeof pageKey === 'string' && typeof id === 'string' && isChange(change)
        ? { type, pageKey, id, change }
        : null;
    case 'settings.changed':
      return isSettings(settings) ? { type, settings } : null;
    default:
      return null;
  }
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isSettings(v: unknown): v is Settings {
  return (
    isObjectLike(v) &&
    typeof v.claimsEnabled === 'boolean' &&
    typeof v.bannerEnabled === 'boolean' &&
    (COLORS as readonly unknown[]).includes(v.defaultColor) &&
    (LANGUAGES as readonly unknown[]).includes(v.language) &&
    typeof v.weeklyBackup === 'boolean' &&
    typeof v.ledgerEnabled === 'boolean'
  );
}

/**
 * NoteFrameEventSchema.safeParse, without zod. The page can post messages too, so this is strict;
 * the caller also checks that the message came from its own frame's window.
 */
export function readNoteFrameEvent(raw: unknown): NoteFrameEvent | null {
  if (!isObjectLike(raw) || raw.source !== NOTE_FRAME_SOURCE || raw.type !== 'close') return null;
  return hasOnlyKeys(raw, ['source', 'type']) ? { source: NOTE_FRAME_SOURCE, type: 'close' } : null;
}
