/**
 * What recognition decides about a page, in the names the page attribute, the popup, the seed
 * list and the README share.
 */

/** The portals Sourcemark knows; one entry each in components/recognition/platforms/. */
export const PLATFORM_IDS = ['netease', 'sohu', 'tencent', 'baidu', 'sina', 'ifeng', '36kr', 'thepaper', 'wechat'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

/**
 * Each platform's self-media product: the value of `data-sourcemark-page` on its articles. A
 * public contract (README), so names never change: `netease-hao` predates the others.
 */
export const SELF_MEDIA_PAGES = [
  'netease-hao',
  'sohu-hao',
  'tencent-creator',
  'baijiahao',
  'sina-kandian',
  'ifeng-dafeng',
  '36kr',
  'thepaper-paike',
  'wechat-mp',
] as const;
export type SelfMediaPage = (typeof SELF_MEDIA_PAGES)[number];

/**
 * `self-media`: a user upload the platform only stores. `editorial`: the portal's own newsroom.
 * `unknown`: not a platform Sourcemark knows, or one of its pages that says neither.
 */
export const PAGE_KINDS = ['self-media', 'editorial', 'unknown'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
