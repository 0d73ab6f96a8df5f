import type { PlatformEntry } from './types';

/**
 * 搜狐号. Every `/a/<articleId>_<mediaId>` page is an account's upload, on www., the channel hosts
 * and m. alike (platforms.md, html 2022 and capture 2026).
 */
export const sohu: PlatformEntry = {
  id: 'sohu',
  page: 'sohu-hao',
  names: { portal: { zh: '搜狐', en: 'Sohu' }, product: { zh: '搜狐号', en: 'Sohu Hao' } },
  urls: [{ host: '*.sohu.com', path: /^\/a\/\d+_\d+$/, kind: 'self-media', match: '/a/*' }],
  statements: [
    // 声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。 (2026: 平台声明：…)
    // Older (saved real HTML): 声明：本文由入驻搜狐号的作者撰写，除搜狐官方账号外，观点仅代表作者本人，不代表搜狐立场。
    { lang: 'zh', pieces: ['搜狐号', /系信息发布平台|仅提供信息存储(?:空间)?服务|入驻搜狐号的作者撰写/] },
  ],
  printsStatement: true,
  role: 'stores',
  selectors: {
    title: ['.text-title h1', 'h1.title-info-title', '.article-title h1'],
    account: ['#user-info h4 a', '#user-info .user-name', 'a[href*="mp.sohu.com/profile"]'],
    body: ['article.article#mp-editor', 'article.article', '#mp-editor'],
    // #news-time[data-val] (platforms.md, saved real HTML 2022).
    date: ['#news-time', '.article-info .time'],
    // Right after </article> (platforms.md: html 2022, capture 2026).
    statement: ['div.statement'],
  },
  evidence: {
    selfMedia: [{ name: 'account-link', selector: 'a[href*="mp.sohu.com/profile"]' }],
    editorial: [],
  },
};
