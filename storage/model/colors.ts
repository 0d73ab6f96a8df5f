/**
 * Colours offered by the toolbar; the first is the default. Stable: exported files carry them.
 * Kept apart from the zod schemas so the content script can import it without bundling zod.
 */
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];
