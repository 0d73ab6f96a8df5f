import type { NoteFrameParams } from './note-frame';

// The content script's side of the note frame: constants only. The frame's messages are declared
// by NoteFrameEventSchema in ./note-frame and checked here by ./note-frame-event-guard, so that
// neither zod nor the annotation schema is bundled into the content script.

export const NOTE_FRAME_PATH = '/note.html';

export function noteFrameHash(params: NoteFrameParams): string {
  return `#${encodeURIComponent(JSON.stringify(params))}`;
}

/** The tag every frame message carries, so the content script ignores the page's own messages. */
export const NOTE_FRAME_SOURCE = 'sourcemark-note-frame';

/** The frame's fixed size: it never tells the page how long a note is. */
export const NOTE_FRAME_WIDTH = 340;
export const NOTE_FRAME_HEIGHT = 236;
