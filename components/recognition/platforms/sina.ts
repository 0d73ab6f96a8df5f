import type { PlatformEntry } from './types';

/**
 * 新浪看点 / 新浪号 (k.sina.com.cn, k.sina.cn). The newsroom lives elsewhere (news.sina.com.cn and
 * the channel hosts), with no notice.
 */
export const sina: PlatformEntry = {
  id: 'sina',
  page: 'sina-kandian',
  names: { portal: { zh: '新浪', en: 'Sina' }, product: { zh: '新浪看点', en: 'Sina Kandian' } },
  urls: [
    // article_<uid>_<id>: the id is lower-case letters and digits (not only hex).
    { host: 'k.sina.com.cn', path: /^\/article_\d+_[0-9a-z]+\.html$/, kind: 'self-media', match: '/article_*' },
    { host: 'k.sina.cn', path: /^\/article_\d+_[0-9a-z]+\.html$/, kind: 'self-media', match: '/article_*' },
    { host: '*.sina.com.cn', path: /\/doc-i[a-z0-9]+\.shtml$/, kind: 'editorial' },
  ],
  statements: [
    // 特别声明：以上文章内容仅代表作者本人观点，不代表新浪网观点或立场。如有关于作品内容、版权或其它问题请于作品发表后的30日内与新浪网联系。
    { lang: 'zh', pieces: ['不代表新浪网', /仅代表作者本人观点/] },
  ],
  printsStatement: true,
  role: 'disowns',
  selectors: {
    // The page's markup is not in the notes; these are the classes Sina's article pages share
    // (guess, see seeds/README.md). The statement is found by its text either way.
    title: ['h1.main-title', 'h1.art_tit_h1', '.article-title h1'],
    account: ['.date-source .source', 'a[href*="mediaDocList"]', '.art_tit_info .weibo_user'],
    body: ['#article', '#artibody', '.article-body', '.art_content'],
    // The same guess as the account: .date-source holds both (see seeds/README.md).
    date: ['.date-source .date', '.date-source'],
    // platforms.md: a scraper's regex over real pages.
    statement: ['div.article-notice'],
  },
  evidence: { selfMedia: [], editorial: [] },
};
