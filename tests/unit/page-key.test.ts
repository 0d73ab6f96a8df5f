import { describe, expect, it } from 'vitest';
import { isTrackingParam, pageKey, registrableDomain, siteOf } from '@/storage/model/page-key';

const ID = 'JH5K2E6T0519QIKK';

describe('pageKey: one NetEase article, one key', () => {
  it.each([
    `https://m.163.com/dy/article/${ID}.html`,
    `https://www.163.com/dy/article/${ID}.html`,
    `https://www.163.com/dy/article/${ID}_pdya11y.html`,
    `https://c.m.163.com/news/a/${ID}.html`,
    `https://3g.163.com/dy/article/${ID}.html`,
    `https://m.163.com/touch/article.html?docid=${ID}`,
    `http://www.163.com/news/article/${ID}.html`,
    `https://news.163.com/24/0101/10/${ID}.html`,
    `https://c.m.163.com/news/a/${ID}.html?spss=newsapp&from=timeline&isappinstalled=0`,
    `https://www.163.com/dy/article/${ID}.html#comments`,
  ])('%s', (url) => {
    expect(pageKey(url)).toBe(`163.com/article/${ID}`);
  });

  it.each([
    [`https://www.163.com/dy/article/${ID.toLowerCase()}.html`, 'lower-case is not a docid'],
    ['https://www.163.com/dy/article/ABC.html', 'too short'],
    ['https://www.163.com/v/video/VJN5B3T6L.html', 'video id'],
  ])('%s is not collapsed (%s)', (url) => {
    expect(pageKey(url)).not.toMatch(/^163\.com\/article\//);
  });
});

describe('pageKey: normalisation', () => {
  it.each([
    // scheme and www/m labels
    ['http://example.com/a', 'example.com/a'],
    ['https://WWW.Example.COM/a', 'example.com/a'],
    ['https://m.example.com/a', 'example.com/a'],
    ['https://www.m.example.com/a', 'example.com/a'],
    ['https://en.m.wikipedia.org/wiki/Regression_testing', 'en.wikipedia.org/wiki/Regression_testing'],
    ['https://m.com/a', 'm.com/a'],
    ['https://www.sina.com.cn/a', 'sina.com.cn/a'],
    ['https://news.sina.com.cn/a', 'news.sina.com.cn/a'],
    ['https://example.com.:443/a', 'example.com/a'],
    ['http://localhost:8080/a', 'localhost:8080/a'],
    ['http://127.0.0.1/a', '127.0.0.1/a'],
    // fragments
    ['https://example.com/a#section-2', 'example.com/a'],
    ['https://example.com/app#!/post/7', 'example.com/app#!/post/7'],
    ['https://example.com/app#/post/7', 'example.com/app#/post/7'],
    // query: tracking removed, rest sorted
    ['https://example.com/a?utm_source=x&utm_medium=y', 'example.com/a'],
    ['https://example.com/a?b=2&a=1', 'example.com/a?a=1&b=2'],
    ['https://example.com/a?a=2&a=1', 'example.com/a?a=1&a=2'],
    ['https://example.com/a?id=5&spm=a2c4g&from=groupmessage&f=wx', 'example.com/a?id=5'],
    ['https://example.com/a?id=5&share_token=q&shareId=9&s=abc&scene=1&timestamp=17', 'example.com/a?id=5'],
    ['https://example.com/a?id=5&UTM_Source=x&clickfrom=w&spss=np', 'example.com/a?id=5'],
    ['https://example.com/a?id=5&fbclid=x&gclid=y&spm_id_from=333', 'example.com/a?id=5'],
    ['https://github.com/o/r/blob/x?ref=main', 'github.com/o/r/blob/x?ref=main'],
    ['https://example.com/a?q=a%20b', 'example.com/a?q=a+b'],
    ['https://example.com/a?q=a+b', 'example.com/a?q=a+b'],
    ['https://example.com/a?', 'example.com/a'],
    ['https://example.com', 'example.com/'],
    // WeChat: the article is __biz/mid/idx/sn; share noise goes
    [
      'https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=ab&scene=21&from=timeline&isappinstalled=0#wechat_redirect',
      'mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=26&sn=ab',
    ],
    // other schemes keep their scheme, lose the fragment
    ['file:///home/me/paper.html#p3', 'file:///home/me/paper.html'],
    ['urn:x-pdf:6f9d3b', 'urn:x-pdf:6f9d3b'],
  ])('%s → %s', (url, key) => {
    expect(pageKey(url)).toBe(key);
  });
});

describe('pageKey: canonical', () => {
  it.each([
    ['same site is honoured', 'https://m.example.com/a?x=1', 'https://www.example.com/article/1', 'example.com/article/1'],
    ['relative canonical resolves against the page', 'https://example.com/a?p=1', '/a', 'example.com/a'],
    ['subdomain of the same site', 'https://m.sohu.com/a/1', 'https://www.sohu.com/a/1', 'sohu.com/a/1'],
    ['three-label suffix, same site', 'https://m.sina.com.cn/x', 'https://news.sina.com.cn/x', 'news.sina.com.cn/x'],
    ['three-label suffix, other site', 'https://news.sina.com.cn/x', 'https://news.sohu.com.cn/x', 'news.sina.com.cn/x'],
    ['co.uk sites differ', 'https://www.bbc.co.uk/news/1', 'https://www.evil.co.uk/news/1', 'bbc.co.uk/news/1'],
    ['other site is ignored', 'https://www.163.com/dy/article/X', 'https://evil.example/x', '163.com/dy/article/X'],
    ['NetEase canonical to www', `https://c.m.163.com/news/a/${ID}.html`, `https://www.163.com/dy/article/${ID}.html`, `163.com/article/${ID}`],
    ['invalid canonical is ignored', 'https://example.com/a', 'http://[bad', 'example.com/a'],
    ['non-http canonical is ignored', 'https://example.com/a', 'javascript:alert(1)', 'example.com/a'],
    ['empty canonical is ignored', 'https://example.com/a', '', 'example.com/a'],
    ['null canonical is ignored', 'https://example.com/a', null, 'example.com/a'],
  ])('%s', (_why, url, canonical, key) => {
    expect(pageKey(url, canonical)).toBe(key);
  });
});

describe('pageKey: invalid URLs throw a clear Error', () => {
  it.each(['', 'not a url', '/relative/path', 'http://', 'https://exa mple.com/'])('%j', (url) => {
    expect(() => pageKey(url)).toThrow(/pageKey: not a valid absolute URL/);
  });
});

describe('siteOf and registrableDomain', () => {
  it.each([
    ['https://www.163.com/dy/article/X.html', '163.com'],
    ['https://c.m.163.com/news/a/X.html', 'c.163.com'],
    ['https://news.163.com/a', 'news.163.com'],
    ['https://en.m.wikipedia.org/wiki/X', 'en.wikipedia.org'],
    ['http://localhost:3000/', 'localhost'],
    ['file:///tmp/a.html', ''],
  ])('siteOf(%s) = %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each([
    ['a.b.example.com', 'example.com'],
    ['news.sina.com.cn', 'sina.com.cn'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['example.com', 'example.com'],
    ['localhost', 'localhost'],
    ['10.0.0.1', '10.0.0.1'],
    ['[::1]', '[::1]'],
  ])('registrableDomain(%s) = %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it('siteOf throws on an invalid URL', () => {
    expect(() => siteOf('nope')).toThrow(/not a valid absolute URL/);
  });

  it.each([
    ['utm_campaign', true],
    ['shareId', true],
    ['isappinstalled', true],
    ['id', false],
    ['ref', false],
    ['page', false],
  ])('isTrackingParam(%s) = %s', (name, tracking) => {
    expect(isTrackingParam(name)).toBe(tracking);
  });
});
