import { describe, expect, it } from 'vitest';
import { findPlatformStatement, findStatementElements } from '@/components/recognition/statement';
import { DOMS } from '../support/doms';

/** The statement is found the same in both test DOMs (jsdom, happy-dom). */

const ZH = '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。';
const EN = 'Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NETEASE HAO, which is a social media platform and only provides information storage services.';
const WORDINGS = [
  { lang: 'zh' as const, pieces: ['网易号', '上传并发布', /仅提供信息(?:存储(?:空间)?服务|发布平台)/] as const },
  { lang: 'en' as const, pieces: ['netease hao', 'uploaded and posted', 'information storage service'] as const },
];

describe.each(DOMS)('findStatementElements (%s)', (_, makeDoc) => {
  it('finds the statement in both languages, the English one in capitals, and not the nav that names the platform', () => {
    const d = makeDoc(`<nav><a href="#">网易号</a> <a href="#">NetEase Hao</a></nav><article><p>正文。</p></article>
      <div class="post_statement"><p id="zh">${ZH}</p><p id="en">${EN}</p></div>`);
    expect(findStatementElements(d.body, WORDINGS).map((e) => e.id)).toEqual(['zh', 'en']);
  });

  it('finds a wording whose first piece holds a quote mark', () => {
    const wordings = [{ lang: 'en' as const, pieces: ["sohu's platform", 'only stores'] as const }];
    const d = makeDoc(`<p id="s">Statement: SOHU'S PLATFORM only stores what users post.</p>`);
    expect(findStatementElements(d.body, wordings).map((e) => e.id)).toEqual(['s']);
  });
});

describe.each(DOMS)('findPlatformStatement (%s)', (_, makeDoc) => {
  const STATEMENT_AND_COPY = `<article><p>正文。</p></article>
    <div class="post_statement"><p id="zh">${ZH}</p><p id="en">${EN}</p></div>
    <div class="comments"><p id="quoted">${ZH}</p></div>`;

  it("takes the statement from the platform's statement element, not from a copy elsewhere on the page", () => {
    const d = makeDoc(STATEMENT_AND_COPY);
    expect(findPlatformStatement(d.body, WORDINGS, ['div.post_statement']).map((e) => e.id)).toEqual(['zh', 'en']);
    // The whole page's search finds the copy too: the element is what kept it out.
    expect(findStatementElements(d.body, WORDINGS).map((e) => e.id)).toEqual(['zh', 'en', 'quoted']);
  });

  it('searches the whole page when the element is not there, or holds no statement', () => {
    const elsewhere = `<article><p>正文。</p></article><footer><p id="zh">${ZH}</p></footer>`;
    expect(findPlatformStatement(makeDoc(elsewhere).body, WORDINGS, ['div.post_statement']).map((e) => e.id)).toEqual(['zh']);
    const placeholder = `<div class="post_statement"><p>声明：个人原创，仅供参考</p></div>${elsewhere}`;
    expect(findPlatformStatement(makeDoc(placeholder).body, WORDINGS, ['div.post_statement']).map((e) => e.id)).toEqual(['zh']);
  });

  it('tries each element in turn and takes the first that holds the statement, in every copy of it', () => {
    const d = makeDoc(`<div class="old"><p>声明</p></div><div class="s-statement"><p id="a">${ZH}</p></div>
      <div class="s-statement"><p id="b">${EN}</p></div><p id="elsewhere">${ZH}</p>`);
    expect(findPlatformStatement(d.body, WORDINGS, ['div.old', 'div.s-statement']).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('finds nothing for a platform without wordings, whatever its elements hold', () => {
    const d = makeDoc(STATEMENT_AND_COPY);
    expect(findPlatformStatement(d.body, [], ['div.post_statement'])).toEqual([]);
  });
});
