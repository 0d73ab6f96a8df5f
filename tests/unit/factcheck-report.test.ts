/**
 * The article audit as Markdown and as HTML. Most of these tests feed it hostile text, as a page
 * or an import could: the HTML is parsed by two DOM implementations and must hold no script, no
 * event handler and no link but to a web address, while every hostile string still reads as the
 * literal text it is.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { auditHtml, escapeHtml } from '@/components/factcheck/report-html';
import { auditMarkdown } from '@/components/factcheck/report-markdown';
import type { ArticleAudit, AuditClaim } from '@/components/factcheck/report';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';

// jsdom ships no types (see tests/support/doms.ts): the shape used is declared here.
const jsdomSpecifier = 'jsdom';
const { JSDOM } = (await import(jsdomSpecifier)) as { JSDOM: new (html: string) => { window: { document: Document } } };

const PARSERS: [string, (html: string) => Document][] = [
  ['happy-dom', (html) => new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document],
  ['jsdom', (html) => new JSDOM(html).window.document],
];

const HOSTILE = {
  title: '</title><script>window.__xss=1</script>美俄乌会谈 [点我](javascript:alert(1))',
  account: '"><img src=x onerror=alert(1)>史政先锋',
  platform: "网易号' onmouseover='alert(1)",
  statement: '</style><script>window.__xss=1</script>\n特别声明：以上内容为自媒体平台“网易号”用户上传并发布',
  sentence: '<script>window.__xss=1</script>据悉，<!-- 内部人士 --> 称 [x](javascript:alert(1)) 已成定局。',
  reason: '<b onclick="alert(1)">来源模糊</b> <!--',
  note: '我的笔记 </p><script>alert(1)</script>\n第二行 [链接](javascript:alert(1))',
  quote: '引文 <![CDATA[ ]]> --> <!-- `code` *强调* # 标题',
  tag: '<b>标签</b>',
};

const EVIDENCE = [
  'https://example.com/report?a=1&b="2"&c=<3>',
  'javascript:alert(1)',
  ' JAVASCRIPT:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'http://evidence.example/路径',
];

function claim(over: Partial<AuditClaim> = {}): AuditClaim {
  return { index: 1, category: 'vague', sentence: '据悉，有关方面表示。', reason: '没有说出消息来自哪里。', verdict: null, note: '', evidence: [], ...over };
}

function audit(over: Partial<ArticleAudit> = {}): ArticleAudit {
  return {
    lang: 'en',
    article: {
      url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html',
      title: '美俄乌会谈无果而终',
      account: '史政先锋',
      platform: 'NetEase Hao',
      statement: null,
    },
    snapshot: { taken: '2026-02-01T08:00:00.000Z', sha256: 'b43bb440608d1071b1c008ac77d19ffa8fee5ca8e8c31019925c23fdd0cda5e7' },
    claims: [],
    highlights: [],
    generated: new Date('2026-02-02T09:30:00.000Z'),
    ...over,
  };
}

const hostileAudit = (lang: ArticleAudit['lang']): ArticleAudit =>
  audit({
    lang,
    article: { url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html?x="><script>', title: HOSTILE.title, account: HOSTILE.account, platform: HOSTILE.platform, statement: HOSTILE.statement },
    claims: [
      claim({ index: 1, sentence: HOSTILE.sentence, reason: HOSTILE.reason, verdict: 'false', note: HOSTILE.note, evidence: EVIDENCE }),
      ...XSS_PAYLOADS.map((p, i) => claim({ index: i + 2, category: 'statistic', sentence: p.payload, reason: p.payload, note: p.payload, evidence: [p.payload] })),
    ],
    highlights: [
      { quote: HOSTILE.quote, note: HOSTILE.note, tags: [HOSTILE.tag, ...XSS_PAYLOADS.map((p) => p.payload)], color: 'yellow', verdict: 'misleading', evidence: EVIDENCE },
      ...XSS_PAYLOADS.map((p) => ({ quote: p.payload, note: p.payload, tags: [], color: 'pink' as const })),
    ],
  });

const allElements = (doc: Document): Element[] => Array.from(doc.querySelectorAll('*'));

describe.each(PARSERS)('the HTML audit, parsed by %s', (_name, parse) => {
  it('is a standalone document: doctype, charset, language, the CSP and nothing it loads', () => {
    const doc = parse(auditHtml(audit({ lang: 'zh' })));
    expect(doc.doctype?.name).toBe('html');
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, base, form, frame').length).toBe(0);
    expect(parse(auditHtml(audit({ lang: 'en' }))).documentElement.getAttribute('lang')).toBe('en');
  });

  it('has no script, no event handler and no link but to a web address, whatever the page and the notes hold', () => {
    for (const lang of ['zh', 'en'] as const) {
      const doc = parse(auditHtml(hostileAudit(lang)));
      expect(doc.querySelectorAll('script').length).toBe(0);
      expect(doc.querySelectorAll('img, iframe, object, embed, svg, math, base, form, input, button, textarea, noscript, template, meta[http-equiv="refresh"]').length).toBe(0);
      expect(doc.querySelectorAll('style').length).toBe(1);
      for (const el of allElements(doc)) {
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name, `${el.localName}[${attr.name}]`).not.toMatch(/^on/i);
          expect(attr.value, `${el.localName}[${attr.name}]`).not.toMatch(/^\s*(javascript|vbscript|data):/i);
        }
      }
      const links = Array.from(doc.querySelectorAll('a'));
      expect(links.length).toBeGreaterThan(0);
      for (const a of links) {
        expect(new URL(a.getAttribute('href') ?? '').protocol).toMatch(/^https?:$/);
        expect(a.getAttribute('rel')).toBe('noreferrer noopener');
      }
      // No comment was opened by the page's `<!--` either.
      const comments = doc.createTreeWalker(doc.body, 128 /* NodeFilter.SHOW_COMMENT */);
      expect(comments.nextNode()).toBeNull();
    }
  });

  it('reads every hostile string as the literal text it is', () => {
    const a = hostileAudit('en');
    const doc = parse(auditHtml(a));
    const body = doc.body.textContent ?? '';
    for (const s of [HOSTILE.account, HOSTILE.platform, HOSTILE.sentence, HOSTILE.reason, HOSTILE.note, HOSTILE.quote, HOSTILE.tag, ...EVIDENCE]) expect(body).toContain(s);
    for (const p of XSS_PAYLOADS) expect(body, p.label).toContain(p.payload);
    expect(doc.querySelector('h1')?.textContent).toBe(`Audit: ${HOSTILE.title}`);
    expect(doc.title).toBe(`Audit: ${HOSTILE.title}`);
    expect(doc.querySelector('.statement blockquote')?.textContent).toBe(HOSTILE.statement);
  });

  it('links evidence that is a web address and shows the rest as text, saying why', () => {
    const doc = parse(auditHtml(audit({ claims: [claim({ evidence: EVIDENCE })] })));
    const items = Array.from(doc.querySelectorAll('.evidence li'));
    expect(items.map((li) => li.querySelector('a') !== null)).toEqual([true, false, false, false, false, true]);
    expect(items[1]?.textContent).toBe('javascript:alert(1) (not a web address, not linked)');
    expect(items[0]?.querySelector('a')?.textContent).toBe(EVIDENCE[0]);
  });

  it('writes out the category and the verdict of every claim, not only their colour', () => {
    const doc = parse(
      auditHtml(
        audit({
          lang: 'zh',
          claims: [claim({ index: 3, verdict: 'false' }), claim({ index: 7, category: 'statistic', sentence: '约500架。', verdict: null })],
        }),
      ),
    );
    const items = Array.from(doc.querySelectorAll('li.claim'));
    expect(items.map((li) => li.querySelector('.label-row')?.textContent)).toEqual(['3来源模糊✗ 不实', '7无出处数字未判定']);
    expect(doc.querySelector('.tally')?.textContent).toBe('按类别：来源模糊 1、无出处数字 1');
  });
});

describe('the HTML audit', () => {
  it('prints well: a print style that keeps items whole and headings with their text', () => {
    const html = auditHtml(audit());
    const print = /@media print \{[\s\S]*\n\}/.exec(html)?.[0] ?? '';
    expect(print).toContain('break-inside: avoid');
    expect(print).toContain('break-after: avoid');
  });

  it('names the snapshot it was made from, or says there was none', () => {
    const withShot = auditHtml(audit());
    expect(withShot).toContain('taken 2026-02-01 08:00 UTC, SHA-256 <code>b43bb440608d1071b1c008ac77d19ffa8fee5ca8e8c31019925c23fdd0cda5e7</code>');
    expect(auditHtml(audit({ snapshot: null }))).toContain('No snapshot of the text was taken');
  });

  it('escapes &, <, >, " and \'', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

/** Undoes Markdown backslash escapes: what a reader sees of escaped text. */
const unescapeMd = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The text of a `>` block, as a reader sees it. */
const quoted = (block: string) =>
  block
    .split('\n')
    .map((l) => unescapeMd(l.replace(/^> ?/, '')))
    .join('\n');

describe('the Markdown audit', () => {
  it('lays out the article, the claims with their verdicts, and the highlights', () => {
    const md = auditMarkdown(
      audit({
        article: { url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html', title: '美俄乌会谈无果而终', account: '史政先锋', platform: 'NetEase Hao', statement: '特别声明：以上内容为用户上传。' },
        claims: [claim({ verdict: 'false', note: '新华社没有这样报道。', evidence: ['https://www.xinhuanet.com/'] }), claim({ index: 4, category: 'statistic', sentence: '约500架。' })],
        highlights: [{ quote: '世界很可能陷入巨震中', note: '危言耸听', tags: ['标题党', 'two words'], color: 'yellow' }],
      }),
    );
    expect(md).toBe(`# Audit: 美俄乌会谈无果而终

- Address: <https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html>
- Account: 史政先锋
- Platform: NetEase Hao
- Text snapshot: taken 2026-02-01 08:00 UTC, SHA-256 b43bb440608d1071b1c008ac77d19ffa8fee5ca8e8c31019925c23fdd0cda5e7
- Generated: 2026-02-02 09:30 UTC

**Platform statement**

> 特别声明：以上内容为用户上传。

## Claims without a source (2)

- By category: Vague source 1, Unsourced number 1
- Your verdicts: ✗ False 1, Not assessed 1

### 1. Vague source · ✗ False

> 据悉，有关方面表示。

Why it is marked: 没有说出消息来自哪里。

**Note**

新华社没有这样报道。

**Evidence**

- <https://www.xinhuanet.com/>

### 4. Unsourced number · Not assessed

> 约500架。

Why it is marked: 没有说出消息来自哪里。

## Highlights and notes (1)

### Yellow

> 世界很可能陷入巨震中

危言耸听

#标题党 #two-words

---

*Made by Sourcemark. Marks come from wording rules, not from checking facts; the verdicts and notes are the reader’s own.*
`);
  });

  it('speaks Chinese when asked, and says when nothing was marked', () => {
    const md = auditMarkdown(audit({ lang: 'zh', snapshot: null }));
    expect(md).toContain('# 核查记录：美俄乌会谈无果而终');
    expect(md).toContain('- 正文快照：未保存正文快照');
    expect(md).toContain('## 无出处的说法（0 处）\n\nSourcemark 没有在这篇文章里标出无出处的说法。');
  });

  it('escapes page text so it makes no link, tag, comment or heading, and it still reads the same', () => {
    const a = hostileAudit('en');
    // The reader's notes and tags go through as written (as in the highlights export): leave
    // them out here to see the page's text alone.
    a.claims = a.claims.map((c) => ({ ...c, note: '' }));
    a.highlights = a.highlights.map((h) => ({ ...h, note: '', tags: [] }));
    const md = auditMarkdown(a);
    // No `<` opens anything but an autolink to a web address.
    expect(md).not.toMatch(/(?<!\\)<(?!https?:\/\/)/);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/<(?:https?:\/\/)[^>]*[\s<"]/);
    for (const line of md.split('\n')) expect(line).not.toMatch(/^<|^\s*<!--/);
    expect(md).toContain(`# Audit: ${'</title><script>window.__xss=1</script>美俄乌会谈 [点我](javascript:alert(1))'.replace(/[\\`*_[\]<>#~$|]/g, '\\$&')}`);
    // The claim sentence, quoted, reads back as the page's text.
    const first = md.split('### 1. ')[1]!.split('\n\n')[1]!;
    expect(quoted(first)).toBe(HOSTILE.sentence);
    const statement = md.split('**Platform statement**\n\n')[1]!.split('\n\n')[0]!;
    expect(quoted(statement)).toBe(HOSTILE.statement);
  });

  it('links evidence only when it is a web address', () => {
    const md = auditMarkdown(audit({ claims: [claim({ evidence: EVIDENCE })] }));
    const list = md.split('**Evidence**\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(list).toEqual([
      '- <https://example.com/report?a=1&b=%222%22&c=%3C3%3E>',
      '- javascript:alert(1) (not a web address, not linked)',
      '- JAVASCRIPT:alert(1) (not a web address, not linked)',
      '- data:text/html,\\<script\\>alert(1)\\</script\\> (not a web address, not linked)',
      '- vbscript:msgbox(1) (not a web address, not linked)',
      '- <http://evidence.example/%E8%B7%AF%E5%BE%84>',
    ]);
  });

  it("keeps the reader's own notes as written, Markdown and all", () => {
    const md = auditMarkdown(audit({ claims: [claim({ note: '见 [新华社](https://www.xinhuanet.com/) 的**原文**。\n\n- 一\n- 二' })] }));
    expect(md).toContain('**Note**\n\n见 [新华社](https://www.xinhuanet.com/) 的**原文**。\n\n- 一\n- 二');
  });
});
