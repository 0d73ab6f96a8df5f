import { describe, expect, it } from 'vitest';
import { articleGone, showsDeletionNotice } from '@/components/factcheck/gone';
import { readArticle } from '@/components/factcheck/snapshot';
import { recognise } from '@/components/recognition/recognise';
import type { SeedPage } from '../e2e/harness';
import { parseSeed, readSeed, seedEntries } from '../support/seed-docs';

const page = (body: string, title = '') =>
  new DOMParser().parseFromString(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'text/html');

/** Portal chrome that a deletion page keeps: a long navigation bar and footer. */
const CHROME = {
  nav: `<div class="ntes_nav_wrap">${Array.from({ length: 40 }, (_, i) => `<a href="/c${i}">频道${i}</a>`).join(' ')}</div>`,
  footer: '<div class="N-nav-bottom">© 1997-2026 网易公司版权所有 About NetEase | 公司简介 | 联系方法 | 招聘信息 | 客户服务 | 隐私政策 | 广告服务 | 网站地图 | 意见反馈 | 不良信息举报</div>',
};

const seed = seedEntries<SeedPage>().find((s) => s.file === 'netease-hao-desktop.html')!;
const bodyTextOf = (doc: Document) => readArticle(doc, seed.url, recognise(doc, seed.url)).paragraphs.join('\n');

describe('articleGone', () => {
  it('says gone when the server answers 404 or 410, whatever the page shows', () => {
    const doc = parseSeed(readSeed(seed.file));
    expect(articleGone({ status: 404, doc, bodyText: bodyTextOf(doc) })).toEqual({ gone: true, why: '404' });
    expect(articleGone({ status: 410, doc, bodyText: '' })).toEqual({ gone: true, why: '404' });
  });

  it('says the seed article is there, with or without a status', () => {
    const doc = parseSeed(readSeed(seed.file));
    expect(articleGone({ status: 200, doc, bodyText: bodyTextOf(doc) })).toEqual({ gone: false });
    expect(articleGone({ status: null, doc, bodyText: bodyTextOf(doc) })).toEqual({ gone: false });
  });

  it.each([
    ['内容已删除', `<div class="post_main"><p class="tip">该内容已删除</p><a href="/">返回首页</a></div>`],
    ['该内容已被删除', `<div class="error"><h2>抱歉</h2><p>该内容已被删除</p></div>`],
    ['文章不存在', `<div class="error">文章不存在或已下线</div>`],
    ['抱歉，您访问的页面不存在', `<div class="err404"><p>抱歉，您访问的页面不存在</p><p><a href="/">返回网易首页</a></p></div>`],
    ['WeChat, deleted by its account', `<div class="weui-msg"><p class="weui-msg__title">该内容已被发布者删除</p><p>微信公众平台运营中心</p></div>`],
    ['WeChat, removed after complaints', `<div class="weui-msg"><p class="weui-msg__title">此内容因违规无法查看</p><p>接相关投诉，此内容违反《即时通信工具公众信息服务发展管理暂行规定》</p></div>`],
    ['split by inline markup and spaced out', `<p>该内容<b>已被 发布者</b>删除</p>`],
    ['half-width punctuation', `<p>抱歉,您访问的页面不存在!</p>`],
  ])('says a short page printing "%s" is a deleted article, amid the portal’s chrome', (_what, notice) => {
    const doc = page(`${CHROME.nav}${notice}${CHROME.footer}`);
    expect(articleGone({ status: 200, doc, bodyText: '' })).toEqual({ gone: true, why: 'deleted-page' });
  });

  it('reads the notice in the tab’s title too', () => {
    expect(articleGone({ status: null, doc: page(CHROME.nav, '该页面不存在'), bodyText: '' })).toEqual({ gone: true, why: 'deleted-page' });
  });

  it('does not take a long article quoting a deletion notice for a deleted one', () => {
    const doc = parseSeed(readSeed(seed.file));
    const quote = doc.createElement('p');
    quote.textContent = '有网友发现，原帖已显示“内容已删除”，页面不存在。';
    doc.querySelector('div.post_body')?.appendChild(quote);
    const bodyText = bodyTextOf(doc);
    expect(bodyText).toContain('内容已删除');
    expect(articleGone({ status: 200, doc, bodyText })).toEqual({ gone: false });
  });

  it('does not take a notice inside a long block of text for the page’s own notice', () => {
    const long = `${'这是一段很长的正文。'.repeat(30)}据说原帖内容已删除。`;
    expect(showsDeletionNotice(page(`<div>${long}</div>`))).toBe(false);
  });

  it('passes over notice words in scripts, styles and Sourcemark’s own UI: an empty body is then only empty', () => {
    const doc = page(
      `<script>var msg = "该内容已被发布者删除";</script><style>.x::after{content:"页面不存在"}</style>` +
        `<div data-sourcemark-ui="banner">内容已删除</div><div class="post_body"></div>`,
    );
    expect(showsDeletionNotice(doc)).toBe(false);
    expect(articleGone({ status: 200, doc, bodyText: '  \n ' })).toEqual({ gone: true, why: 'empty-body' });
  });

  it('says a page whose article body holds no text is gone, even with a 200', () => {
    const doc = parseSeed(readSeed(seed.file));
    doc.querySelector('div.post_body')?.replaceChildren();
    expect(articleGone({ status: 200, doc, bodyText: bodyTextOf(doc) })).toEqual({ gone: true, why: 'empty-body' });
  });

  it('does not count server errors as gone: they pass', () => {
    const doc = parseSeed(readSeed(seed.file));
    expect(articleGone({ status: 503, doc, bodyText: bodyTextOf(doc) })).toEqual({ gone: false });
  });
});
