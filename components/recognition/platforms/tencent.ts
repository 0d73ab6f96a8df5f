import type { PlatformEntry } from './types';

/** Tencent's article ids: date, A (article) or V (video), five characters, 00. */
const ID = '\\d{8}[AV][0-9A-Z]{5}00';

/**
 * 企鹅号 / 腾讯新闻 creators. Creators and Tencent's newsroom share one URL shape, so only the page
 * tells: the creator statement (capture 2025, and two older scraped wordings).
 */
export const tencent: PlatformEntry = {
  id: 'tencent',
  page: 'tencent-creator',
  names: { portal: { zh: '腾讯新闻', en: 'Tencent News' }, product: { zh: '企鹅号', en: 'Tencent creator' } },
  urls: [
    { host: 'news.qq.com', path: new RegExp(`^/rain/a/${ID}$`), kind: 'either', match: '/rain/a/*' },
    { host: 'new.qq.com', path: new RegExp(`^/rain/a/${ID}$`), kind: 'either', match: '/rain/a/*' },
    { host: 'view.inews.qq.com', path: new RegExp(`^/a/${ID}$`), kind: 'either', match: '/a/*' },
  ],
  statements: [
    // 免责声明：本内容来自腾讯平台创作者，不代表腾讯新闻或腾讯网的观点和立场。
    // Older: 本文来自腾讯新闻客户端创作者 / 自媒体，不代表腾讯新闻的观点和立场。
    { lang: 'zh', pieces: ['不代表腾讯', /腾讯(?:平台|新闻客户端)(?:创作者|自媒体)/] },
  ],
  printsStatement: true,
  role: 'disowns',
  selectors: {
    title: ['.content-article h1', '.article-title h1', 'h1'],
    account: ['.media-info a[href*="/omn/author/"]', 'a[href*="/omn/author/"]'],
    body: ['.content-article', '#ArticleContent', '.rich_media_content'],
    // The capture shows the time just before "发布于<place>", its element unknown: a guess, as the seed's classes are.
    date: ['.media-meta .time', '.media-info .time'],
    // Where it prints its statement is not known (platforms.md): the page's text is searched.
    statement: [],
  },
  evidence: {
    selfMedia: [],
    // The newsroom's own reports name a source and an editor (责任编辑) at the end.
    editorial: [{ name: 'editor-line', selector: 'p, span', text: /责任编辑[:：]/ }],
  },
};
