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
        pageKey.length >= 1 &&
        pageKey.length <= 4096 &&
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
 * NoteFrameEventSchema.safeParse, without zod. The page can post messages too, so this is strict;
 * the caller also checks that the message came from its own frame's window.
 */
export function readNoteFrameEvent(raw: unknown): NoteFrameEvent | null {
  if (!isObjectLike(raw) || raw.source !== NOTE_FRAME_SOURCE_TAG || raw.type !== 'close') return null;
  return hasOnlyKeys(raw, ['source', 'type']) ? { source: NOTE_FRAME_SOURCE_TAG, type: 'close' } : null;
}
