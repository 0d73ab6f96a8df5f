import { hasOnlyKeys, isObjectLike, isUuid } from './strict-checks';
import type { NoteFrameEvent } from './note-frame';
import { NOTE_FRAME_SOURCE } from './note-frame-protocol';

/**
 * NoteFrameEventSchema.safeParse for the content script, without zod: the event as a fresh
 * object, or null when the schema would reject it. The page can post messages too, so this is
 * strict; tests/unit/message-guards.test.ts keeps it in step with the schema.
 */
export function readNoteFrameEvent(raw: unknown): NoteFrameEvent | null {
  if (!isObjectLike(raw) || raw.source !== NOTE_FRAME_SOURCE) return null;
  switch (raw.type) {
    case 'close':
      return hasOnlyKeys(raw, ['source', 'type']) ? { source: NOTE_FRAME_SOURCE, type: 'close' } : null;
    case 'changed': {
      const id = raw.id;
      return hasOnlyKeys(raw, ['source', 'type', 'id']) && isUuid(id)
        ? { source: NOTE_FRAME_SOURCE, type: 'changed', id }
        : null;
    }
    default:
      return null;
  }
}
