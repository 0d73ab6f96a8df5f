import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as anchoring from '@/components/anchoring';
import { Anchorer, TextIndex } from '@/components/anchoring';
import { editDistance } from '@/components/anchoring/edit-distance';
import { stripSpace } from '@/components/anchoring/text-index';
import type { Selector, TextQuoteSelector } from '@/storage/model/annotation';
import { SelectorSchema } from '@/storage/model/annotation';
import { FIXTURES, renderPage, rng, seedBlocks, synthBlocks } from '../fixtures/anchoring-pages';
import { loadPage, shiftPosition, trimmed, withoutPosition } from './anchoring-helpers';

const quoteOf = (s: Selector[]): TextQuoteSelector =>
  s.find((x): x is TextQuoteSelector => x.type === 'TextQuoteSelector')!;

function html(body: string): string {
  return `<!doctype html><html><head><title>t</title></head><body><main id="root">${body}</main></body></html>`;
}

describe('TextIndex', () => {
  it('concatenates page text and skips script, style, noscript, template and our UI hosts', () => {
    const root = loadPage(
      html(
        '<p>甲乙<script>var x = "脚本";</script>丙</p><style>p{}</style><noscript>无脚本</noscript>' +
          '<template><p>模板</p></template><div data-sourcemark-ui=""><b>工具栏</b></div>' +
          '<p>丁<mark data-sourcemark="highlight">戊己</mark><span data-sourcemark="claim">庚</span></p>',
      ),
    );
    expect(new TextIndex(root).text).toBe('甲乙丙丁戊己庚');
  });

  it('maps offsets to points and back, preferring the next node at a start and the previous at an end', () => {
    const root = loadPage(html('<p>ab</p><p>cd</p>'));
    const index = new TextIndex(root);
    const [p1, p2] = Array.from(root.querySelectorAll('p'));
    expect(index.pointAt(2, 'start')).toEqual({ node: p2!.firstChild, offset: 0 });
    expect(index.pointAt(2, 'end')).toEqual({ node: p1!.firstChild, offset: 2 });
    expect(index.offsetOf(p2!, 0)).toBe(2);
    expect(index.offsetOf(p1!, 1)).toBe(2);
    expect(index.offsetOf(root, 0)).toBe(0);
    expect(index.offsetOf(root, root.childNodes.length)).toBe(4);
    expect(index.rangeOf(1, 3)!.toString()).toBe('bc');
  });

  it('finds every occurrence, overlapping ones included, with and without the gram table', () => {
    const root = loadPage(html('<p>啊啊啊 啊</p><p>甲乙丙甲乙丙</p>'));
    const index = new TextIndex(root);
    expect(index.findAll('啊啊')).toEqual([0, 1, 2]);
    expect(index.findAll('甲乙丙')).toEqual([4, 7]);
    index.gramTable();
    expect(index.findAll('啊啊啊')).toEqual([0, 1]);
    expect(index.findAll('甲乙丙')).toEqual([4, 7]);
    expect(index.findAll('乙丙甲乙')).toEqual([5]);
  });
});

describe('editDistance', () => {
  it('agrees with the textbook dynamic programme, including patterns over 32 characters', () => {
    const dp = (a: string, b: string): number => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
          next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        row = next;
      }
      return row[b.length]!;
    };
    const rand = rng(42);
    const word = (n: number, alphabet: string) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let t = 0; t < 2000; t++) {
      const a = word(Math.floor(rand() * 40), 'ab乙丙');
      const b = word(Math.floor(rand() * 40), 'abc乙');
      expect(editDistance(a, b)).toBe(dp(a, b));
    }
  });
});

describe('describe', () => {
  it('gives a quote with 32 non-whitespace characters of context each side, and a position', () => {
    const root = loadPage(renderPage(seedBlocks()));
    const index = new TextIndex(root);
    const at = index.text.indexOf('谈判事关全球2026的和平与安宁');
    const selectors = anchoring.describe(root, index.rangeOf(at, at + 16)!);
    expect(selectors).toHaveLength(2);
    for (const s of selectors) expect(SelectorSchema.safeParse(s).success).toBe(true);
    const q = quoteOf(selectors);
    expect(q.exact).toBe('谈判事关全球2026的和平与安宁');
    expect(stripSpace(q.prefix!)).toHaveLength(anchoring.CONTEXT_CHARS);
    expect(stripSpace(q.suffix!)).toHaveLength(anchoring.CONTEXT_CHARS);
    expect(q.prefix!.endsWith('换取莫斯科停止无差别的战略轰炸。\n      ')).toBe(true);
    expect(selectors[1]).toEqual({ type: 'TextPositionSelector', start: at, end: at + 16 });
  });

  it('returns [] for a collapsed range, whitespace only, text outside the root, or only script and UI text', () => {
    const root = loadPage(
      html('<p>正文</p>\n  <script>脚本</script><div data-sourcemark-ui=""><b>按钮</b></div>') +
        '<footer>页脚</footer>',
    );
    const doc = root.ownerDocument;
    const r = doc.createRange();
    const p = root.querySelector('p')!;
    r.setStart(p.firstChild!, 1);
    expect(anchoring.describe(root, r)).toEqual([]);
    r.setStart(p, 1);
    r.setEnd(root.querySelector('script')!.firstChild!, 1);
    expect(anchoring.describe(root, r)).toEqual([]);
    r.selectNodeContents(doc.querySelector('footer')!);
    expect(anchoring.describe(root, r)).toEqual([]);
    r.selectNodeContents(root.querySelector('[data-sourcemark-ui] b')!);
    expect(anchoring.describe(root, r)).toEqual([]);
  });

  it('trims whitespace at the ends of a selection and leaves out empty context at the text edges', () => {
    const root = loadPage(html('<p>  甲乙丙  </p>'));
    const r = root.ownerDocument.createRange();
    r.selectNodeContents(root);
    expect(anchoring.describe(root, r)).toEqual([
      { type: 'TextQuoteSelector', exact: '甲乙丙' },
      { type: 'TextPositionSelector', start: 2, end: 5 },
    ]);
  });

  it('describes ranges across elements, inside <b>, and with element boundary points', () => {
    const root = loadPage(
      html('<p id="a">第一段<b>加粗文字</b>结尾。</p>\n<p id="b">第二段开头,<i>斜体</i>。</p>'),
    );
    const doc = root.ownerDocument;
    const a = doc.getElementById('a')!;
    const b = doc.getElementById('b')!;
    const bold = a.querySelector('b')!.firstChild as Text;
    const r = doc.createRange();

    r.setStart(bold, 2);
    r.setEnd(b.firstChild!, 3);
    let q = quoteOf(anchoring.describe(root, r));
    expect(q.exact).toBe('文字结尾。\n第二段');
    expect(anchoring.anchor(root, anchoring.describe(root, r))!.toString()).toBe('文字结尾。\n第二段');

    r.setStart(bold, 0);
    r.setEnd(bold, 4);
    q = quoteOf(anchoring.describe(root, r));
    expect(q).toMatchObject({ exact: '加粗文字', prefix: '第一段', suffix: '结尾。\n第二段开头,斜体。' });

    r.setStart(a, 1); // before <b>
    r.setEnd(b, b.childNodes.length); // after the last child of #b
    q = quoteOf(anchoring.describe(root, r));
    expect(q.exact).toBe('加粗文字结尾。\n第二段开头,斜体。');

    r.setStart(root, 0);
    r.setEnd(a, 1);
    expect(quoteOf(anchoring.describe(root, r)).exact).toBe('第一段');
  });
});

describe('anchor', () => {
  it('round-trips many ranges of the seed article by position, and by quote when the position is stale', () => {
    const root = loadPage(renderPage(seedBlocks(), { inline: true }));
    const index = new TextIndex(root);
    const rand = rng(1);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const len = 1 + Math.floor(rand() * (i % 3 === 0 ? 400 : 40));
      const start = Math.floor(rand() * (index.text.length - len));
      const want = trimmed(index.text, start, start + len);
      const selectors = anchoring.describe(root, index.rangeOf(start, start + len)!);
      if (want.start === want.end) {
        expect(selectors).toEqual([]);
        continue;
      }
      checked++;
      const byPosition = anchoring.anchorDetailed(root, selectors);
      expect(byPosition).toMatchObject({ method: 'position', ...want });
      // The Range's own boundaries map back to the same text offsets. (Its toString() would also
      // include the script and UI text it may span, which the highlighter must skip.)
      const range = byPosition.range!;
      expect(index.offsetOf(range.startContainer, range.startOffset)).toBe(want.start);
      expect(index.offsetOf(range.endContainer, range.endOffset)).toBe(want.end);
      expect(range.startContainer.nodeType).toBe(3);
      expect(range.endContainer.nodeType).toBe(3);
      const byQuote = anchoring.anchorDetailed(root, shiftPosition(selectors, 37));
      expect(byQuote).toMatchObject({ method: 'quote', ...want });
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('needs a quote: a position alone is never trusted', () => {
    const root = loadPage(html('<p>甲乙丙丁</p>'));
    expect(anchoring.anchor(root, [{ type: 'TextPositionSelector', start: 0, end: 2 }])).toBeNull();
  });

  it('ignores a RangeSelector and anchors by the quote', () => {
    const root = loadPage(html('<p>One Two Three</p>'));
    const result = anchoring.anchorDetailed(root, [
      { type: 'RangeSelector', startContainer: '/p[9]', startOffset: 0, endContainer: '/p[9]', endOffset: 3 },
      { type: 'TextQuoteSelector', exact: 'Two', prefix: 'One ', suffix: ' Three' },
    ]);
    expect(result.method).toBe('quote');
    expect(result.range!.toString()).toBe('Two');
  });

  it('keeps whitespace an imported quote starts or ends with when the page has it there', () => {
    const root = loadPage(html('<p>One Two Three</p>'));
    const range = anchoring.anchor(root, [
      { type: 'TextQuoteSelector', exact: ' Two ', prefix: 'One', suffix: 'Three' },
    ]);
    expect(range!.toString()).toBe(' Two ');
  });

  it('still anchors after highlight wrappers split the text nodes', () => {
    const root = loadPage(html('<p>甲乙丙丁戊己庚辛壬癸</p>'));
    const index = new TextIndex(root);
    const selectors = anchoring.describe(root, index.rangeOf(3, 8)!);
    const p = root.querySelector('p')!;
    p.innerHTML = '甲乙<mark data-sourcemark="highlight">丙丁戊</mark>己庚辛壬癸';
    const result = anchoring.anchorDetailed(root, selectors);
    expect(result).toMatchObject({ method: 'position', start: 3, end: 8 });
    expect(result.range!.toString()).toBe('丁戊己庚辛');
  });

  it('chooses among repeats by context, and by position when the context is the same', () => {
    const root = loadPage(html('<p>甲说:会谈没有结果。</p><p>乙说:会谈没有结果。</p><p>甲说:会谈没有结果。</p>'));
    const exact = '会谈没有结果';
    const byContext = anchoring.anchorDetailed(root, [
      { type: 'TextQuoteSelector', exact, prefix: '乙说:', suffix: '。' },
    ]);
    expect(byContext).toMatchObject({ method: 'quote', start: 13 });
    const byPosition = anchoring.anchorDetailed(root, [
      { type: 'TextQuoteSelector', exact, prefix: '甲说:', suffix: '。' },
      { type: 'TextPositionSelector', start: 22, end: 28 },
    ]);
    expect(byPosition).toMatchObject({ method: 'quote', start: 23 });
  });

  it('prefers the quoted place with a typo fixed over the old words standing elsewhere', () => {
    const page = (a: string) =>
      html(`<p>第一段:甲方说,${a},大家都知道。</p>\n<p>第二段:乙方却说,美俄正在按照密约瓜分世界,没人相信。</p>`);
    let root = loadPage(page('美俄正在按照密约瓜分世界'));
    const index = new TextIndex(root);
    const at = index.text.indexOf('美俄正在按照密约瓜分世界');
    const selectors = anchoring.describe(root, index.rangeOf(at, at + 12)!);
    root = loadPage(page('美俄正在按照秘约瓜分世界'));
    const result = anchoring.anchorDetailed(root, withoutPosition(selectors));
    expect(result).toMatchObject({ method: 'fuzzy', start: at, end: at + 12 });
  });

  it('lets whitespace decide between places whose visible text is the same, and only that', () => {
    // The same 32 + 12 + 32 characters twice: the quote after a paragraph break, then before one.
    const before = '前文'.repeat(16);
    const after = '后话'.repeat(16);
    const page = (q: string) =>
      html(
        `<p>${before}</p>\n<p>${q}${after}</p>\n<p>中间隔开的一段文字。</p>\n` +
          `<p>${before}美俄正在按照密约瓜分世界</p>\n<p>${after}</p>`,
      );
    let root = loadPage(page('美俄正在按照密约瓜分世界'));
    const index = new TextIndex(root);
    const at = index.text.indexOf('美俄');
    const selectors = withoutPosition(anchoring.describe(root, index.rangeOf(at, at + 12)!));
    expect(anchoring.anchorDetailed(root, selectors)).toMatchObject({ method: 'quote', start: at });
    // With a character changed at the first place, the evidence points both ways: the exact
    // words (with the break elsewhere) or the break (with one edit). Neither is a safe guess.
    root = loadPage(page('美俄正在按照秘约瓜分世界'));
    expect(anchoring.anchor(root, selectors)).toBeNull();
  });

  it('leaves a bare repeated quote (no context, no position) an orphan rather than guess', () => {
    const root = loadPage(html('<p>会谈没有结果。会谈没有结果。</p>'));
    expect(anchoring.anchor(root, [{ type: 'TextQuoteSelector', exact: '会谈没有结果' }])).toBeNull();
    expect(anchoring.anchor(root, [{ type: 'TextQuoteSelector', exact: '会谈没有结果。会' }])).not.toBeNull();
  });

  it('does not anchor a short quote on the same words elsewhere when its context is gone', () => {
    const root = loadPage(html('<p>泽连斯基在达沃斯发表讲话,随后泽连斯基离开。</p>'));
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: '泽连斯基', prefix: '会谈结束以后,乌克兰总统', suffix: '对谈判评论:尚无法得出结论' },
      { type: 'TextPositionSelector', start: 40, end: 44 },
    ];
    expect(anchoring.anchor(root, selectors)).toBeNull();
  });
});

describe('anchorAll on a 200,000-character page', () => {
  it('finds 500 saved quotes, all right, by position, by quote alone and with a stale position', () => {
    const root = loadPage(renderPage(synthBlocks(200_000, 7), { inline: true }));
    const index = new TextIndex(root);
    expect(index.text.length).toBeGreaterThan(200_000);
    const rand = rng(9);
    const saved = Array.from({ length: 500 }, () => {
      const len = 1 + Math.floor(rand() * 150);
      const start = Math.floor(rand() * (index.text.length - len));
      return { want: trimmed(index.text, start, start + len), selectors: anchoring.describeIn(index, index.rangeOf(start, start + len)!) };
    }).filter((s) => s.want.start < s.want.end);
    expect(saved.length).toBeGreaterThan(480);

    // Offsets through Anchorer.locate: happy-dom's Range setters walk the tree, which would make
    // this test slow without testing anything the smaller tests do not.
    for (const variant of [
      (s: Selector[]) => s,
      withoutPosition,
      (s: Selector[]) => shiftPosition(s, 1_000),
    ]) {
      const anchorer = new Anchorer(new TextIndex(root), () => true);
      const wrong = saved.filter(({ want, selectors }) => {
        const at = anchorer.locate(variant(selectors));
        return !at || at.start !== want.start || at.end !== want.end;
      });
      expect(wrong.map((w) => quoteOf(w.selectors).exact)).toEqual([]);
    }
    // And the public entry point, with Ranges, on a sample.
    const sample = saved.slice(0, 40);
    const results = anchoring.anchorAll(root, sample.map((s) => s.selectors));
    results.forEach((r, i) => {
      expect(r.range!.toString()).toBe(index.text.slice(sample[i]!.want.start, sample[i]!.want.end));
    });
  });
});

const SEEDS = join(FIXTURES, '..', '..', 'seeds');
const pagesJson = join(SEEDS, 'pages.json');
const seedPages: Array<{ file: string; bodySelector: string }> = existsSync(pagesJson)
  ? (JSON.parse(readFileSync(pagesJson, 'utf8')) as Array<{ file: string; bodySelector: string }>)
  : [];

describe.skipIf(seedPages.length === 0)('round trip on the seed pages (seeds/pages.json)', () => {
  it.each(seedPages.flatMap((p) => [{ ...p, root: 'body' }, { ...p, root: p.bodySelector }]))(
    '$file with root $root',
    ({ file, root: rootSelector }) => {
      const page = readFileSync(join(SEEDS, file), 'utf8');
      const root = loadPage(page, rootSelector);
      expect(root.matches(rootSelector)).toBe(true);
      const index = new TextIndex(root);
      const rand = rng(file.length);
      let checked = 0;
      for (let i = 0; i < 150; i++) {
        const len = 1 + Math.floor(rand() * 120);
        const start = Math.floor(rand() * Math.max(1, index.text.length - len));
        const want = trimmed(index.text, start, Math.min(index.text.length, start + len));
        if (want.start === want.end) continue;
        checked++;
        const selectors = anchoring.describe(root, index.rangeOf(start, start + len)!);
        expect(anchoring.anchorDetailed(root, selectors)).toMatchObject({ method: 'position', ...want });
        expect(anchoring.anchorDetailed(root, shiftPosition(selectors, 25))).toMatchObject(want);
      }
      expect(checked).toBeGreaterThan(50);
    },
  );
});
