import { describe, expect, it } from 'vitest';
import { isBuiltInOrigin } from '@/components/recognition/built-in-sites';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { HAO_URL_MATCHES, recognisePage, urlShape, type PageSignals } from '@/components/recognition/page-kind';

const ID = 'KKG7R2LD0525KQ8M';

describe('urlShape', () => {
  it.each([
    [`https://www.163.com/dy/article/${ID}.html`, 'hao'],
    [`https://www.163.com/dy/article/${ID}.html?f=post2020_dy_recommends`, 'hao'],
    [`https://www.163.com/dy/article/${ID}_pdya11y.html`, 'hao'],
    [`http://www.163.com/dy/article/${ID}.html#comments`, 'hao'],
    [`https://m.163.com/dy/article/${ID}.html`, 'hao'],
    [`https://www.163.com/news/article/KKF0J8SD000189FH.html`, 'editorial'],
    [`https://www.163.com/sports/article/KKF0J8SD000589FH.html`, 'editorial'],
    [`https://www.163.com/news/article/KKF0J8SD000189FH_pa11y.html`, 'editorial'],
    [`https://m.163.com/news/article/KKF0J8SD000189FH.html`, 'editorial'],
    [`https://news.163.com/26/0125/03/${ID}.html`, 'editorial'],
    [`https://c.m.163.com/news/a/${ID}.html`, 'ambiguous'],
    [`https://c.m.163.com/news/a/${ID}.html?spss=newsapp`, 'ambiguous'],
    [`https://3g.163.com/dy/article/${ID}.html`, 'ambiguous'],
    [`https://3g.163.com/news/article/${ID}.html`, 'ambiguous'],
    [`https://m.163.com/touch/article.html?docid=${ID}`, 'ambiguous'],
    [`https://m.163.com/touch/article.html?docid=short`, 'not-netease'],
    [`https://www.163.com/dy/article/${ID.toLowerCase()}.html`, 'not-netease'],
    [`https://www.163.com/dy/article/${ID}X.html`, 'not-netease'],
    [`https://www.163.com/dy/media/T1603594732083.html`, 'not-netease'],
    [`https://www.163.com/`, 'not-netease'],
    [`https://www.163.com.evil.example/dy/article/${ID}.html`, 'not-netease'],
    [`https://evil163.com/dy/article/${ID}.html`, 'not-netease'],
    [`https://www.sohu.com/a/1042019748_100247297`, 'not-netease'],
    [`file:///dy/article/${ID}.html`, 'not-netease'],
    ['not a url', 'not-netease'],
  ])('%s is %s', (url, shape) => {
    expect(urlShape(url)).toBe(shape);
  });
});

describe('HAO_URL_MATCHES (where the claim detector script is injected)', () => {
  const patterns = HAO_URL_MATCHES.map((p) => new MatchPattern(p));
  const injected = (url: string) => patterns.some((p) => p.includes(url));
  const table = [
    `https://www.163.com/dy/article/${ID}.html`,
    `https://www.163.com/dy/article/${ID}_pdya11y.html?f=post2020_dy_recommends`,
    `https://m.163.com/dy/article/${ID}.html`,
    `https://c.m.163.com/news/a/${ID}.html?spss=newsapp`,
    `https://3g.163.com/dy/article/${ID}.html`,
    `https://3g.163.com/news/article/${ID}.html`,
    `https://3g.163.com/news/a/${ID}.html`,
    `https://3g.163.com/touch/article.html?docid=${ID}`,
    `https://m.163.com/touch/article.html?docid=${ID}`,
    `https://www.163.com/news/article/KKF0J8SD000189FH.html`,
    `https://m.163.com/news/article/KKF0J8SD000189FH.html`,
    `https://news.163.com/26/0125/03/${ID}.html`,
    `https://www.163.com/`,
    `https://www.sohu.com/a/1042019748_100247297`,
  ];

  it.each([`http://m.163.com/dy/article/${ID}.html`, `http://www.163.com/dy/article/${ID}.html`, `http://3g.163.com/touch/article.html?docid=${ID}`])(
    'leaves out %s: content scripts match https only, however urlShape reads the address',
    (url) => {
      expect(injected(url)).toBe(false);
    },
  );

  it.each(table.filter((u) => ['hao', 'ambiguous'].includes(urlShape(u))))(
    'covers %s, where a 网易号 article can be',
    (url) => {
      expect(injected(url)).toBe(true);
    },
  );

  it.each([
    `https://www.163.com/news/article/KKF0J8SD000189FH.html`,
    `https://m.163.com/news/article/KKF0J8SD000189FH.html`,
    `https://news.163.com/26/0125/03/${ID}.html`,
    `https://www.163.com/`,
    `https://www.sohu.com/a/1042019748_100247297`,
  ])('leaves out %s, an editorial page or another site', (url) => {
    expect(injected(url)).toBe(false);
  });
});

describe('recognisePage', () => {
  const hao = `https://www.163.com/dy/article/${ID}.html`;
  const share = `https://c.m.163.com/news/a/${ID}.html`;
  const editorial = 'https://www.163.com/news/article/KKF0J8SD000189FH.html';

  it('takes a 网易号 URL at its word when the page confirms it', () => {
    expect(recognisePage(hao, { statement: true, haoCrumb: true }).kind).toBe('netease-hao');
  });

  it('keeps the URL verdict when the page has not rendered its signals yet', () => {
    expect(recognisePage(hao, {}).kind).toBe('netease-hao');
  });

  it('is overruled by editorial marks with no self-media signal at a /dy/ URL', () => {
    expect(recognisePage(hao, { editorialMarks: true }).kind).toBe('netease-editorial');
  });

  it('is not overruled when the statement is there despite editorial-looking marks', () => {
    expect(recognisePage(hao, { editorialMarks: true, statement: true }).kind).toBe('netease-hao');
  });

  it('never calls an editorial URL 网易号, whatever the page says', () => {
    expect(recognisePage(editorial, { statement: true, haoCrumb: true }).kind).toBe('netease-editorial');
  });

  it.each<[string, PageSignals]>([
    ['the statement', { statement: true }],
    ['the breadcrumb', { haoCrumb: true }],
    ['an account link to /dy/media/', { mediaLink: true }],
    ['a title ending in _网易订阅', { title: '美俄乌会谈无果而终|俄罗斯_网易订阅' }],
  ])('lets %s decide on a share host', (_what, signals) => {
    expect(recognisePage(share, signals).kind).toBe('netease-hao');
  });

  it('reads an editorial article on a share host as editorial', () => {
    expect(recognisePage(share, { editorialMarks: true, title: '某新闻_手机网易网' }).kind).toBe('netease-editorial');
  });

  it('does not guess on a share host with no signals', () => {
    expect(recognisePage(share, {}).kind).toBe('other');
  });

  it('ignores other sites entirely, even with a copied statement', () => {
    expect(recognisePage('https://www.chinanews.com.cn/gj/2026/01-25/10561234.shtml', { statement: true }).kind).toBe(
      'other',
    );
  });

  it('gives its reasons', () => {
    expect(recognisePage(share, { statement: true, mediaLink: true }).reasons).toEqual([
      'url:ambiguous',
      'statement',
      'media-link',
    ]);
  });
});

describe('isBuiltInOrigin (NetEase patterns the manifest covers, not the reader’s grants)', () => {
  it.each([
    ['https://*.163.com/*', true],
    ['https://www.163.com/dy/article/*', true],
    ['https://3g.163.com/*', true],
    ['*://*.163.com/*', true],
    ['https://example.com/*', false],
    ['https://evil163.com/*', false],
    ['https://163.com.evil.example/*', false],
  ])('%s → %s', (pattern, builtIn) => {
    expect(isBuiltInOrigin(pattern)).toBe(builtIn);
  });
});
