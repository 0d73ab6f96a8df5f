import { describe, expect, it } from 'vitest';
import { findStatementElements, isStatementText } from '@/components/recognition/disclaimer';
import { normalizeText } from '@/components/recognition/normalize';

const ZH_LIVE =
  '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。';
const ZH_COPY =
  '特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台"网易号"用户上传并发布,本平台仅提供信息存储服务。';
const EN =
  'Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.';

function doc(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

describe('normalizeText', () => {
  it('folds full-width punctuation, curly quotes and spacing so live and copied text compare equal', () => {
    expect(normalizeText(ZH_LIVE)).toBe(normalizeText(ZH_COPY));
    expect(normalizeText('  a\u3000\u00a0 b\n\tc ')).toBe('a b c');
  });
});

describe('isStatementText', () => {
  it.each([
    [ZH_LIVE, 'zh'],
    [ZH_COPY, 'zh'],
    [`特别声明 ： 以上内容为自媒体平台 “网易号” 用户上传并发布 ， 本平台仅提供信息存储服务 。`, 'zh'],
    [EN, 'en'],
    [EN.toUpperCase(), 'en'],
    ['声明：个人原创，仅供参考', null],
    ['平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。', null],
    ['网易号是网易的自媒体平台。', null],
  ])('%s → %s', (text, lang) => {
    expect(isStatementText(text)).toBe(lang);
  });
});

describe('findStatementElements', () => {
  it('finds the two paragraphs of the desktop block and leaves the ad out', () => {
    const d = doc(`<div class="post_body"><p>正文</p></div>
      <div class="post_statement"><p>${ZH_LIVE}</p><p>${EN}</p>
      <div class="_ad"><a href="#ad">广告 立即下载</a></div></div>`);
    const found = findStatementElements(d.body);
    expect(found.map((e) => e.textContent)).toEqual([ZH_LIVE, EN]);
    expect(found.every((e) => e.tagName === 'P')).toBe(true);
  });

  it('finds the statement by text where there is no post_statement class (mobile)', () => {
    const d = doc(`<section class="article-body"><p>正文</p></section>
      <footer class="article-footer"><p class="s-statement">${ZH_LIVE}</p></footer>`);
    expect(findStatementElements(d.body).map((e) => e.className)).toEqual(['s-statement']);
  });

  it('finds a statement split by inline markup', () => {
    const d = doc(`<p id="s">特别声明：以上内容为自媒体平台<b>“网易号”</b>用户上传并发布，本平台<span>仅提供信息存储服务</span>。</p>`);
    expect(findStatementElements(d.body).map((e) => e.id)).toEqual(['s']);
  });

  it("does not take the author's own 声明 inside the body for the platform's", () => {
    const d = doc(`<div class="post_body"><p>正文</p><p>声明：个人原创，仅供参考</p></div>`);
    expect(findStatementElements(d.body)).toEqual([]);
  });

  it('does not mark a whole article that merely quotes the statement in a long paragraph', () => {
    const long = '这是一段很长的正文。'.repeat(60);
    const d = doc(`<div id="whole">${long}特别声明：以上内容为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。${long}</div>`);
    expect(findStatementElements(d.body)).toEqual([]);
  });

  it('keeps one element when both languages share it', () => {
    const d = doc(`<div id="both">${ZH_LIVE} ${EN}</div>`);
    expect(findStatementElements(d.body).map((e) => e.id)).toEqual(['both']);
  });

  it('finds nothing on a page without the statement', () => {
    expect(findStatementElements(doc('<p>新华社北京1月25日电</p>').body)).toEqual([]);
  });
});
