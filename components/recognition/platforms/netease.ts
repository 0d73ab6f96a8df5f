import type { PlatformEntry } from './types';

/** NetEase's article ids: 16 of [A-Z0-9], as its own redirect script matches them (netease.md S1). */
const ID = '[A-Z0-9]{16}';

/**
 * 网易号. Evidence: shared/notes/netease.md (S-numbers) and platforms.md. Desktop and m.163.com
 * `/dy/article/` URLs are self-media only; the app's share hosts carry both kinds.
 */
export const netease: PlatformEntry = {
  id: 'netease',
  page: 'netease-hao',
  names: { portal: { zh: '网易', en: 'NetEase' }, product: { zh: '网易号', en: 'NetEase Hao' } },
  urls: [
    { host: 'www.163.com', path: new RegExp(`^/dy/article/${ID}(?:_\\w+)?\\.html$`), kind: 'self-media', match: '/dy/article/*' },
    { host: 'm.163.com', path: new RegExp(`^/dy/article/${ID}(?:_\\w+)?\\.html$`), kind: 'self-media', match: '/dy/article/*' },
    // The mobile reader's /dy/ pages (platforms.md: 3g.163.com/dy/article and article_v2).
    { host: '3g.163.com', path: new RegExp(`^/dy/article(?:_v2)?/${ID}\\.html$`), kind: 'self-media', match: '/dy/*' },
    { host: 'www.163.com', path: new RegExp(`^/[a-z0-9]+/article/${ID}(?:_\\w+)?\\.html$`), kind: 'editorial' },
    { host: 'm.163.com', path: new RegExp(`^/[a-z0-9]+/article/${ID}(?:_\\w+)?\\.html$`), kind: 'editorial' },
    // The touch reader and the app's share pages serve both kinds under one address.
    { host: 'm.163.com', path: /^\/touch\/article\.html$/, query: { docid: new RegExp(`^${ID}$`) }, kind: 'either', match: '/touch/article.html*' },
    { host: 'c.m.163.com', path: new RegExp(`^/news/a/${ID}\\.html$`), kind: 'either', match: '/news/a/*' },
    { host: '3g.163.com', path: new RegExp(`^/[a-z0-9]+/article/${ID}\\.html$`), kind: 'either', match: '/*/article/*' },
    { host: '3g.163.com', path: new RegExp(`^/news/a/${ID}\\.html$`), kind: 'either', match: '/news/a/*' },
    { host: '3g.163.com', path: /^\/touch\/article\.html$/, query: { docid: new RegExp(`^${ID}$`) }, kind: 'either', match: '/touch/article.html*' },
    // Old editorial channels: news.163.com/26/0125/03/<ID>.html.
    { host: '*.163.com', path: new RegExp(`^/\\d{2}/\\d{4}/\\d{2}/${ID}\\.html$`), kind: 'editorial' },
  ],
  statements: [
    // Current (2023–2026): 特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。
    // Older (2018–2019, still on old articles): 特别声明：本文为网易自媒体平台“网易号”作者上传并发布，仅代表该作者观点。网易仅提供信息发布平台。
    { lang: 'zh', pieces: ['网易号', '上传并发布', /仅提供信息(?:存储(?:空间)?服务|发布平台)/] },
    // Notice: The content above (…) is uploaded and posted by a user of NetEase Hao, … only provides information storage services.
    { lang: 'en', pieces: ['netease hao', 'uploaded and posted', 'information storage service'] },
  ],
  printsStatement: true,
  role: 'stores',
  selectors: {
    title: ['h1.post_title', 'h1.article-title'],
    account: [
      '.post_info a[href*="/dy/media/"]',
      '.post_wemedia_name a',
      'a.author-homePage .s-author',
      '.article-info .s-author',
      'a[href*="/dy/media/"]',
    ],
    body: ['div.post_body', 'section.article-body', '.article-body'],
    // Desktop: the time opens .post_info (netease.md S1, S5, S8; high). Mobile: .s-time time (S11, an editorial m. page; medium).
    date: ['.post_info', '.article-info .s-time time', '.s-time'],
    // Desktop: right after div.post_body (netease.md S4, platforms.md; high).
    statement: ['div.post_statement'],
  },
  evidence: {
    selfMedia: [
      { name: 'crumb', selector: '.post_crumb', text: /网易号/ },
      { name: 'account-link', selector: 'a[href*="/dy/media/"]' },
      { name: 'title', selector: 'title', text: /_网易订阅$/ },
    ],
    editorial: [
      { name: 'crumb', selector: '.post_crumb', text: /新闻中心/ },
      { name: 'source-line', selector: '.post_author' },
    ],
  },
};
