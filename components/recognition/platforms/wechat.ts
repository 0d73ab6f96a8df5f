import type { PlatformEntry } from './types';

/**
 * 微信公众号. Every article is an account's own publication and none carries a statement. Page ids
 * (`#activity-name`, `#js_name`, `#js_content`) are long-known and used by every scraper.
 */
export const wechat: PlatformEntry = {
  id: 'wechat',
  page: 'wechat-mp',
  names: { portal: { zh: '微信', en: 'WeChat' }, product: { zh: '公众号', en: 'WeChat Official Account' } },
  urls: [
    { host: 'mp.weixin.qq.com', path: /^\/s\/[\w-]{10,}$/, kind: 'self-media', match: '/s*' },
    { host: 'mp.weixin.qq.com', path: /^\/s$/, query: { __biz: /^[\w=]+$/ }, kind: 'self-media', match: '/s*' },
  ],
  statements: [],
  printsStatement: false,
  role: 'publishes',
  selectors: {
    title: ['#activity-name', 'h1.rich_media_title'],
    account: ['#js_name', '.rich_media_meta_nickname a'],
    body: ['#js_content', '.rich_media_content'],
    // #publish_time, long-known like the other ids (platforms.md, scrapers).
    date: ['#publish_time'],
    // It prints none (platforms.md).
    statement: [],
  },
  evidence: { selfMedia: [], editorial: [] },
};
