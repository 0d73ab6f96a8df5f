// The content script's side of the note frame: constants only, so that neither zod nor the
// annotation schema is bundled into the content script (the messages are in ./protocol.ts).

export const NOTE_FRAME_PATH = '/note.html';

/** The frame's fixed size: it never tells the page how long a note is. */
export const NOTE_FRAME_WIDTH = 340;
export const NOTE_FRAME_HEIGHT = 236;
