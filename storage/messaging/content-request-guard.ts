import type { ContentRequest, NoteFrameEvent } from './protocol';
import { CHANGE_NAMES, NOTE_FRAME_SOURCE_TAG } from './protocol-constants';
import { hasOnlyKeys, isObjectLike, isUuid } from './strict-checks';

/**
 * ContentRequestSchema.safeParse for the content script, without zod: the request as a fresh
 * object, or null when the schema would reject it. Kept in step with the schema by
 * tests/unit/message-guards.test.ts.
 */
export function readContentRequest(raw: unknown): ContentRequest | null {
  if (!isObjectLike(raw)) return null;
  const type = raw.type;
  switch (type) {
    case 'content.highlightSelection':
    case 'content.noteSelection':
    case 'content.status':
    case 'annotations.reload':
      return hasOnlyKeys(raw, ['type']) ? { type } : null;
    case 'content.reveal': {
      const id = raw.id;
      return hasOnlyKeys(raw, ['type', 'id']) && isUuid(id) ? { type, id } : null;
    }
    case 'annotations.changed': {
      const { pageKey, id, change } = raw;
      const ok =
        hasOnlyKeys(raw, ['type', 'pageKey', 'id', 'change']) &&
        typeof pageKey === 'string' &&
        codePoints(pageKey) >= 1 &&
        codePoints(pageKey) <= 4096 &&
        isUuid(id) &&
        typeof change === 'string' &&
        (CHANGE_NAMES as readonly string[]).includes(change);
      return ok ? { type, pageKey, id, change: change as (typeof CHANGE_NAMES)[number] } : null;
    }
    default:
      return null;
  }
}

/**
 * A string's length as zod's `.min`/`.max` measure it (zod 4.6): in code points, a surrogate pair
 * counting once and a lone surrogate as itself. `.length` counts UTF-16 units, so a page key of
 * 2,049 emoji (4,098 units) was refused here while the schema accepted it.
 */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * NoteFrameEventSchema.safeParse, without zod. The page can post messages too, so this is strict;
 * the caller also checks that the message came from its own frame's window.
 */
export function readNoteFrameEvent(raw: unknown): NoteFrameEvent | null {
  if (!isObjectLike(raw) || raw.source !== NOTE_FRAME_SOURCE_TAG || raw.type !== 'close') return null;
  return hasOnlyKeys(raw, ['source', 'type']) ? { source: NOTE_FRAME_SOURCE_TAG, type: 'close' } : null;
}
