import { describe, expect, it } from 'vitest';
import { highlightRange, type HighlightHandle } from '@/components/marking/highlighter';
import { blockTexts } from '@/components/marking/text-ranges';

// Checked in happy-dom and jsdom, each in a fresh window that is not the global one (see
// tests/support/doms.ts for why happy-dom needs a Window per page).
import { DOMS } from '../support/doms';

/** Sentence-ish pieces: up to and including 。！？.!? or the end of a paragraph. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^。！？.!?\n]+[。！？.!?]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const ARTICLE = `
  <div class="post_body">
    <p>　　据<a href="#">知情人士</a>透露，该公司今年利润<b>将增长300%</b>。专家表示，这一趋势<em>必然</em>持续。</p>
    <p>Some   English text, with  <i>odd</i>
       spacing. And a second sentence!</p>
    <div>
      <p>嵌套段落一。</p>
      <p>嵌套段落二？是的。</p>
    </div>
    <script>var claims = "不是正文。";</script>
    <sourcemark-ui data-sourcemark-ui="banner"><p>Sourcemark 横幅</p></sourcemark-ui>
    <ul>
      <li>列表一：数据显示，失业率为5.2%。</li>
      <li>列表二。</li>
    </ul>
    <table><tbody><tr><td>单元格一。</td><td>单元格二。</td></tr></tbody></table>
    <p>最后一段<br>换行之后。</p>
  </div>`;

const ARTICLE_TEXT = [
  '据知情人士透露，该公司今年利润将增长300%。专家表示，这一趋势必然持续。',
  'Some English text, with odd spacing. And a second sentence!',
  '嵌套段落一。',
  '嵌套段落二？是的。',
  '列表一：数据显示，失业率为5.2%。',
  '列表二。',
  '单元格一。',
  '单元格二。',
  '最后一段',
  '换行之后。',
].join('\n');

/** Node identity, not structural equality: another Text node with the same data is wrong. */
function expectPoint(point: { node: Text; offset: number } | null, node: Node | null | undefined, offset: number) {
  expect(point).not.toBeNull();
  expect(point!.node).toBe(node);
  expect(point!.offset).toBe(offset);
}

function countTexts(root: Node): number {
  let n = root.nodeType === 3 ? 1 : 0;
  for (let c = root.firstChild; c; c = c.nextSibling) n += countTexts(c);
  return n;
}

/** What the DOM text of a range reads as once layout whitespace is collapsed like the block text. */
const collapse = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ');

describe.each(DOMS)('blockTexts (%s)', (_name, makeDoc) => {
  const textOf = (body: string): string => blockTexts(makeDoc(body).body).text;

  it('joins block-level paragraphs with "\\n"', () => {
    expect(textOf('<p>a</p><p>b</p>')).toBe('a\nb');
    expect(textOf('<h1>Title</h1><p>body</p><blockquote>quote</blockquote><pre>code</pre>')).toBe(
      'Title\nbody\nquote\ncode',
    );
    expect(textOf('<section><article><h2>h</h2>p</article></section>')).toBe('h\np');
  });

  it('nests blocks without empty paragraphs', () => {
    expect(textOf('<div><p>a</p><p>b</p></div>')).toBe('a\nb');
    expect(textOf('<div>x<p>a</p>y</div>')).toBe('x\na\ny');
    expect(textOf('<div><div><div><p>deep</p></div></div></div><div></div><p></p><p>next</p>')).toBe('deep\nnext');
  });

  it('breaks paragraphs at <br>, and a run of <br> is one break', () => {
    expect(textOf('<p>one<br>two<br><br><br>three</p>')).toBe('one\ntwo\nthree');
    expect(textOf('<p><br>lead</p>')).toBe('lead');
  });

  it('does not split at inline elements', () => {
    expect(textOf('a<b>b</b>c')).toBe('abc');
    expect(textOf('<p>a<span><em>b</em></span><a href="#">c</a></p>')).toBe('abc');
  });

  it('ignores whitespace-only text between blocks and trims paragraph edges', () => {
    expect(textOf('\n  <p>\n    a\n  </p>\n  \n  <p>  b  </p>\n')).toBe('a\nb');
    // A Chinese first-line indent is layout too; inside a paragraph NBSP and U+3000 are kept.
    expect(textOf('<p>\u3000\u3000正文\u3000内容\u00a0 </p>')).toBe('正文\u3000内容');
  });

  it('collapses runs of spaces, tabs and newlines inside a paragraph to one space', () => {
    expect(textOf('<p>a  \n\t b <b> c</b></p>')).toBe('a b c');
    expect(textOf('<p>a \u00a0 b</p>')).toBe('a \u00a0 b');
  });

  it('keeps whitespace in <pre> and breaks it at newlines', () => {
    expect(textOf('<pre>line  one\n  line two\n\nthree</pre>')).toBe('line  one\nline two\nthree');
  });

  it('skips script, style, noscript, template and Sourcemark UI, but reads text inside Sourcemark marks', () => {
    const body =
      '<p>a<script>x()</script>b</p><style>p{}</style><noscript>js</noscript><template>t</template>' +
      '<div data-sourcemark-ui="card"><p>ui</p></div>' +
      '<p>c<sourcemark-mark data-sourcemark="highlight">d</sourcemark-mark>e</p>';
    expect(textOf(body)).toBe('ab\ncde');
  });

  it('reads any mix of content and whitespace kinds as CSS does: runs collapsed, paragraph edges trimmed, no-break spaces kept inside', () => {
    // A seeded generator: the same 300 paragraphs every run.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const ALPHABET = ['a', 'bc', '中', '文。', ' ', '  ', '\t', '\n', '\r', '\f', '\u00a0', '\u3000'];
    // One document for all of them (a jsdom document each took seconds in all): a fresh paragraph each time.
    const d = makeDoc('');
    for (let c = 0; c < 300; c++) {
      const parts = Array.from({ length: 1 + next(4) }, () => Array.from({ length: next(8) }, () => ALPHABET[next(ALPHABET.length)]).join(''));
      d.body.replaceChildren();
      const p = d.body.appendChild(d.createElement('p'));
      // Split over Text nodes and inline elements, as pages and earlier marks split text.
      parts.forEach((part, i) => (i % 2 ? p.appendChild(d.createElement('b')).append(part) : p.append(part)));
      const raw = parts.join('');
      const expected = raw.replace(/^[ \t\n\r\f\u00a0\u3000]+|[ \t\n\r\f\u00a0\u3000]+$/g, '').replace(/[ \t\n\r\f]+/g, ' ');
      expect(blockTexts(d.body).text, JSON.stringify(raw)).toBe(expected);
    }
  });

  it('reads a NetEase-style article as its paragraphs', () => {
    expect(textOf(ARTICLE)).toBe(ARTICLE_TEXT);
  });

  it('round-trips every sentence: rangeFor(s, e) reads text.slice(s, e)', () => {
    const doc = makeDoc(ARTICLE);
    const bt = blockTexts(doc.body);
    const found = sentences(bt.text);
    expect(found.length).toBe(14);
    for (const [s, e] of found) {
      const range = bt.rangeFor(s, e)!;
      // Collapsed layout whitespace reads as it is in the DOM; nothing else differs.
      expect(collapse(range.toString())).toBe(bt.text.slice(s, e));
    }
  });

  it('round-trips every substring of a paragraph', () => {
    const doc = makeDoc('<p>据<a href="#">知情人士</a>透露，<b>利润<i>将</i>增长</b>300%。</p><p>二<br>三</p>');
    const bt = blockTexts(doc.body);
    expect(bt.text).toBe('据知情人士透露，利润将增长300%。\n二\n三');
    for (let s = 0; s <= bt.text.length; s++) {
      for (let e = s; e <= bt.text.length; e++) {
        const slice = bt.text.slice(s, e);
        const got = bt.rangeFor(s, e)!.toString();
        if (!slice.includes('\n')) expect(got).toBe(slice);
        // Across a separator the range spans the blocks, and the "\n" is not in the DOM.
        else expect(got).toBe(slice.replace(/\n/g, ''));
      }
    }
  });

  it('spans the blocks when a range crosses a "\\n", and never starts or ends on the separator', () => {
    const doc = makeDoc('<p>first.</p>\n  <script>skipped()</script>\n<p>second.</p>');
    const bt = blockTexts(doc.body);
    expect(bt.text).toBe('first.\nsecond.');
    const across = bt.rangeFor(2, 10)!;
    expect(across.startContainer.parentNode).toBe(doc.querySelector('p'));
    expect(across.endContainer.parentNode).toBe(doc.querySelectorAll('p')[1]);
    // The DOM between the blocks (layout whitespace, a skipped script) is in the range.
    expect(across.toString().replace(/\s/g, '')).toBe('rst.skipped()sec');

    // A slice that starts or ends on the separator starts in the next block or ends in this one.
    const fromSep = bt.rangeFor(6, 9)!;
    expect(fromSep.toString()).toBe('se');
    expect(fromSep.startContainer.parentNode).toBe(doc.querySelectorAll('p')[1]);
    const toSep = bt.rangeFor(3, 7)!;
    expect(toSep.toString()).toBe('st.');
    expect(toSep.endContainer.parentNode).toBe(doc.querySelector('p'));
  });

  it('maps offsets to Text node points, separators to the end of the previous paragraph', () => {
    const doc = makeDoc('<p>ab<b>cd</b></p><p>ef</p>');
    const bt = blockTexts(doc.body);
    expect(bt.text).toBe('abcd\nef');
    const [p1, p2] = [...doc.querySelectorAll('p')];
    const bold = p1!.querySelector('b')!.firstChild;
    expectPoint(bt.map(0), p1!.firstChild, 0);
    expectPoint(bt.map(2), bold, 0);
    expectPoint(bt.map(4), bold, 2); // the "\n"
    expectPoint(bt.map(5), p2!.firstChild, 0);
    expectPoint(bt.map(7), p2!.firstChild, 2); // the end
    expect(bt.map(-1)).toBeNull();
    expect(bt.map(8)).toBeNull();
    expect(bt.map(1.5)).toBeNull();
  });

  it('maps a collapsed whitespace run to its first character', () => {
    const doc = makeDoc('<p>a \n  b</p>');
    const bt = blockTexts(doc.body);
    expect(bt.text).toBe('a b');
    const t = doc.querySelector('p')!.firstChild;
    expectPoint(bt.map(1), t, 1);
    expectPoint(bt.map(2), t, 5);
    expect(bt.rangeFor(0, 3)!.toString()).toBe('a \n  b');
  });

  it('returns null for bad offsets and for empty text, and a collapsed range for an empty slice', () => {
    const doc = makeDoc('<p>abc</p>');
    const bt = blockTexts(doc.body);
    expect(bt.rangeFor(-1, 2)).toBeNull();
    expect(bt.rangeFor(2, 1)).toBeNull();
    expect(bt.rangeFor(0, 4)).toBeNull();
    const empty = bt.rangeFor(1, 1)!;
    expect(empty.collapsed).toBe(true);
    expect(empty.startOffset).toBe(1);
    const none = blockTexts(makeDoc('<p> </p><script>x</script>').body);
    expect(none.text).toBe('');
    expect(none.map(0)).toBeNull();
    expect(none.rangeFor(0, 0)).toBeNull();
  });

  it('works on any root element, not only <body>', () => {
    const doc = makeDoc('<p>outside</p><article id="a"><p>in one</p><p>in two</p></article>');
    const bt = blockTexts(doc.getElementById('a')!);
    expect(bt.text).toBe('in one\nin two');
    expect(bt.rangeFor(3, 6)!.toString()).toBe('one');
  });

  it.each(['in order', 'in reverse'])(
    'keeps mapping right while the highlighter splits the nodes, marking sentences %s',
    (order) => {
      const doc = makeDoc(ARTICLE);
      const before = doc.body.innerHTML;
      const textCount = countTexts(doc.body);
      const bt = blockTexts(doc.body);
      const found = sentences(bt.text);
      if (order === 'in reverse') found.reverse();
      const handles: HighlightHandle[] = [];
      for (const [s, e] of found) {
        // Asked after earlier marks split the Text nodes this map was built on.
        const range = bt.rangeFor(s, e)!;
        const h = highlightRange(range, { 'data-sourcemark': 'claim', 'data-category': 'vague' });
        expect(collapse(h.elements.map((el) => el.textContent).join(''))).toBe(bt.text.slice(s, e));
        handles.push(h);
      }
      // A fresh map of the marked page reads the same text.
      expect(blockTexts(doc.body).text).toBe(bt.text);
      for (const h of handles.reverse()) h.remove();
      expect(doc.body.innerHTML).toBe(before);
      expect(countTexts(doc.body)).toBe(textCount);
    },
  );

  it('gives no point for a node merged away after a mark was removed; rebuild instead', () => {
    const doc = makeDoc('<p>abcdef</p>');
    const p = doc.querySelector('p')!;
    const h = highlightRange(blockTexts(doc.body).rangeFor(2, 4)!, { 'data-sourcemark': 'claim' });
    const marked = blockTexts(doc.body); // built on the split nodes
    h.remove();
    expect(marked.map(3)).toBeNull(); // "cd" was merged back into "abcdef"
    expectPoint(marked.map(1), p.firstChild, 1);
    expectPoint(blockTexts(doc.body).map(3), p.firstChild, 3);
  });
});
