// Values the zod-free content script shares with ./protocol.ts, which re-exports them, so the
// two cannot drift: a literal in one place.

export const CHANGE_NAMES = ['created', 'updated', 'recoloured', 'deleted'] as const;
export const NOTE_FRAME_SOURCE_TAG = 'sourcemark-note-frame';
export const NOTE_HOST_SOURCE_TAG = 'sourcemark-note-host';
