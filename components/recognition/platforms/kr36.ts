import type { PlatformEntry } from './types';

/**
 * 36氪. Authors' and reposted accounts' articles share `/p/<id>` with the newsroom's; the statement
 * (scraped text) tells them apart. The "本文来自微信公众号…经授权发布" line inside the body names
 * where the article comes from; it is not the platform's statement.
 */
export const kr36: PlatformEntry = {
  id: '36kr',
  page: '36kr',
  names: { portal: { zh: '36氪', en: '36Kr' }, product: { zh: '36氪', en: '36Kr' } },
  urls: [
    { host: 'www.36kr.com', path: /^\/p\/\d+$/, kind: 'either', match: '/p/*' },
    { host: '36kr.com', path: /^\/p\/\d+$/, kind: 'either', match: '/p/*' },
    { host: 'm.36kr.com', path: /^\/p\/\d+$/, kind: 'either', match: '/p/*' },
  ],
  statements: [
    // 该文观点仅代表作者本人，36氪平台仅提供信息存储空间服务。
    { lang: 'zh', pieces: ['信息存储', '36氪平台', /仅提供信息存储(?:空间)?服务/] },
  ],
  printsStatement: true,
  role: 'stores',
  selectors: {
    title: ['h1.article-title', '.article-title h1', 'h1'],
    account: ['.title-icon-item.item-a a', '.article-title-icon a', 'a[href*="/user/"]'],
    body: ['.articleDetailContent', '.article-content', '.common-width.content'],
    // The author line's time item (guess next to the scrapers' .title-icon-item.item-a).
    date: ['.title-icon-item.item-time'],
    // Where it prints its statement is not known (platforms.md): the page's text is searched.
    statement: [],
  },
  evidence: { selfMedia: [], editorial: [] },
};
