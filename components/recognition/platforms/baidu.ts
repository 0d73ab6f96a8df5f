import type { PlatformEntry } from './types';

/**
 * 百家号. Every article at baijiahao.baidu.com/s?id= is an account's upload; current pages print no
 * statement (weak: one 2026 fixture), old ones (about 2018) did. Markup uses hashed CSS-module
 * class names that change between builds, so selectors match the stable part.
 */
export const baidu: PlatformEntry = {
  id: 'baidu',
  page: 'baijiahao',
  names: { portal: { zh: '百度', en: 'Baidu' }, product: { zh: '百家号', en: 'Baijiahao' } },
  urls: [{ host: 'baijiahao.baidu.com', path: /^\/s$/, query: { id: /^\d{15,20}$/ }, kind: 'self-media', match: '/s*' }],
  statements: [
    // 本文由百家号作者上传并发布，百家号仅提供信息发布平台。文章仅代表作者个人观点，不代表百度立场。
    { lang: 'zh', pieces: ['百家号', '上传并发布', /仅提供信息发布平台/] },
  ],
  printsStatement: false,
  role: 'publishes',
  selectors: {
    title: ['[class*="index-module_articleTitle"]', '.article-title h2', 'h2'],
    account: ['[class*="index-module_authorTxt"] [class*="index-module_authorName"]', '[class*="index-module_authorTxt"]', '.author-name'],
    body: ['[class*="index-module_articleWrap"]', '#ssr-content [class*="articleWrap"]', '.article-content'],
    // Hashed CSS-module classes like the other parts, matched by prefix (guess, see seeds/README.md).
    date: ['[class*="index-module_time"]', '[class*="index-module_articleSource"]'],
    // Current articles print none (platforms.md); older wordings are searched for in the page's text.
    statement: [],
  },
  evidence: { selfMedia: [], editorial: [] },
};
