import type { PlatformEntry } from './types';

/**
 * 澎湃号 (thepaper.cn). Accounts' articles and the newsroom's share `newsDetail_forward_<id>`; the
 * statement (capture text) tells them apart.
 */
export const thepaper: PlatformEntry = {
  id: 'thepaper',
  page: 'thepaper-paike',
  names: { portal: { zh: '澎湃新闻', en: 'The Paper' }, product: { zh: '澎湃号', en: 'Paike (The Paper)' } },
  urls: [
    { host: 'www.thepaper.cn', path: /^\/newsDetail_forward_\d+$/, kind: 'either', match: '/newsDetail_forward_*' },
    { host: 'm.thepaper.cn', path: /^\/newsDetail_forward_\d+$/, kind: 'either', match: '/newsDetail_forward_*' },
  ],
  statements: [
    // 本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。
    { lang: 'zh', pieces: ['上传并发布', '澎湃号', /仅提供信息发布平台/] },
  ],
  printsStatement: true,
  role: 'publishes',
  selectors: {
    title: ['h1[class*="index_title"]', 'h1.news_title', 'h1'],
    account: ['[class*="index_name"] a', '.name a', 'a[href*="/user_"]'],
    // Hashed CSS-module classes: index_cententWrap__Jv8jK inside index_cententWrapBox__….
    body: ['[class*="index_cententWrap__"]', '.news_txt', '.cententWrap'],
    // The header's first .ant-space-item (public scrapers: .index_left__… .ant-space-item); the next one is the place.
    date: ['[class*="index_left__"] .ant-space-item'],
    // Where it prints its statement is not known (platforms.md): the page's text is searched.
    statement: [],
  },
  evidence: {
    selfMedia: [{ name: 'paike-label', selector: 'a, span', text: /^澎湃号·\S{1,8}$/ }],
    editorial: [],
  },
};
