import { describe, expect, it } from 'vitest';
import { TextIndex } from '@/components/anchoring';
import { highlightRange } from '@/components/marking/highlighter';
import { paintInOrder, paintOrder, type Span } from '@/components/marking/paint-order';
import { rng } from '../fixtures/anchoring-pages';
import { DOMS } from '../support/doms';

const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

describe('paintOrder', () => {
  it('paints spans that overlap nothing last-first, then the overlapping ones in saved order', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 40, end: 50 },
      { start: 10, end: 20 },
      { start: 15, end: 30 },
      { start: 20, end: 25 }, // touches 10–20: touching is not overlapping, but 15–30 covers it
      { start: 5, end: 8 }, // touches 0–5 only
    ];
    expect(paintOrder(spans)).toEqual({ alone: [1, 5, 0], overlapping: [2, 3, 4] });
  });

  it('splits random spans into those overlapping none and those overlapping some other', () => {
    const rand = rng(5);
    for (let t = 0; t < 300; t++) {
      const spans = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => {
        const start = Math.floor(rand() * 100);
        return { start, end: start + 1 + Math.floor(rand() * 15) };
      });
      const { alone, overlapping } = paintOrder(spans);
      expect([...alone, ...overlapping].sort((a, b) => a - b)).toEqual(spans.map((_, i) => i));
      for (const i of alone) expect(spans.some((s, j) => j !== i && overlap(s, spans[i]!))).toBe(false);
      for (const i of overlapping) expect(spans.some((s, j) => j !== i && overlap(s, spans[i]!))).toBe(true);
      expect(alone.map((i) => spans[i]!.start)).toEqual(alone.map((i) => spans[i]!.start).sort((a, b) => b - a));
      expect(overlapping).toEqual([...overlapping].sort((a, b) => a - b));
    }
  });
});

describe.each(DOMS)('paintInOrder (%s)', (_name, make) => {
  const BODY =
    '<main id="root"><p>第一段：<b>特朗普</b>宣布了新的关税政策，引发市场震荡。</p>\n' +
    '<p>第二段：据<a href="#">知情人士</a>透露，谈判将在下周继续进行。</p>\n' +
    '<p>第三段：分析人士认为，这一决定<em>将影响全球</em>供应链。</p></main>';

  it('marks exactly the words of every span, overlapping or not, from one walk where it can', () => {
    const rand = rng(11);
    for (let t = 0; t < 40; t++) {
      const doc = make(BODY);
      const root = doc.getElementById('root')!;
      const text = new TextIndex(root).text;
      const spans = Array.from({ length: 1 + Math.floor(rand() * 8) }, (_, id) => {
        const start = Math.floor(rand() * (text.length - 2));
        const end = Math.min(text.length, start + 1 + Math.floor(rand() * 12));
        return { id, start, end };
      }).filter((s) => text.slice(s.start, s.end).trim() !== '');
      const marked = new Map<number, string>();
      paintInOrder(root, spans, (span, range) => {
        const handle = highlightRange(range, { 'data-sourcemark': 'highlight' });
        marked.set(span.id, handle.elements.map((e) => e.textContent).join(''));
      });
      for (const s of spans) {
        expect(marked.get(s.id)?.replace(/\s/g, ''), `${t}: ${s.start}-${s.end}`).toBe(text.slice(s.start, s.end).replace(/\s/g, ''));
      }
      // The page's text is unchanged.
      expect(new TextIndex(root).text).toBe(text);
    }
  });
});
