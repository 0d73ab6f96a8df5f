import { z } from 'zod/mini';
import type { NoteFrameParams } from './note-frame';

// The content script's side of the note frame. zod/mini and no annotation schema: this module is
// bundled into the content script, which must stay small.

export const NOTE_FRAME_PATH = '/note.html';

export function noteFrameHash(params: NoteFrameParams): string {
  return `#${encodeURIComponent(JSON.stringify(params))}`;
}

/** The tag every frame message carries, so the content script ignores the page's own messages. */
export const NOTE_FRAME_SOURCE = 'sourcemark-note-frame';

export type NoteFrameEvent =
  | { source: typeof NOTE_FRAME_SOURCE; type: 'changed'; id: string }
  | { source: typeof NOTE_FRAME_SOURCE; type: 'close' };

export const NoteFrameEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ source: z.literal(NOTE_FRAME_SOURCE), type: z.literal('changed'), id: z.uuid() }),
  z.strictObject({ source: z.literal(NOTE_FRAME_SOURCE), type: z.literal('close') }),
]);

/** The frame's fixed size: it never tells the page how long a note is. */
export const NOTE_FRAME_WIDTH = 340;
export const NOTE_FRAME_HEIGHT = 236;
