/**
 * Upper bounds of stored fields. They keep a hostile or corrupt import from filling the disk and
 * are far above anything a reader writes (a note of 100k characters is a long essay). Zod-free,
 * so the content scripts can clip to them without bundling the schemas.
 */
export const MAX_QUOTE = 20_000;
export const MAX_CONTEXT = 2_000;
export const MAX_NOTE = 100_000;
export const MAX_TAGS = 64;
export const MAX_TAG = 200;
export const MAX_URL = 4_096;
export const MAX_TITLE = 2_000;
