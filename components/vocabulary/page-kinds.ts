/**
 * What recognition decides about a page. `netease-hao` is also the value of
 * `data-sourcemark-page` (see attributes.ts), and the popup and the seed list use the same names.
 */
export const PAGE_KINDS = ['netease-hao', 'netease-editorial', 'other'] as const;

export type PageKind = (typeof PAGE_KINDS)[number];
