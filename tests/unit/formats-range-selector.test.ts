import { describe, expect, it } from 'vitest';
import type { Annotation, RangeSelector } from '@/storage/model/annotation';
import { fromJsonLd, toJsonLd } from '@/storage/formats/jsonld';
import { fromHypothesis } from '@/storage/formats/hypothesis';
import { checkSelector } from '@/storage/formats/selectors';
import { toW3cRange } from '@/storage/formats/range-selector';

/** RangeSelector: stored as Hypothesis writes it, exported as the W3C model defines it. */

const RANGE: RangeSelector = {
  type: 'RangeSelector',
  startContainer: '/div[1]/p[2]',
  startOffset: 7,
  endContainer: '/div[1]/p[4]',
  endOffset: 12,
};

function annotation(selectors: Annotation['selectors']): Annotation {
  return {
    id: '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    pageKey: 'example.com/post',
    url: 'https://example.com/post',
    title: '',
    site: 'example.com',
    selectors,
    color: 'yellow',
    note: '',
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
  };
}

describe('RangeSelector export', () => {
  it('writes each end as an XPathSelector refined by a zero-length TextPositionSelector', () => {
    expect(toW3cRange(RANGE)).toEqual({
      type: 'RangeSelector',
      startSelector: {
        type: 'XPathSelector',
        value: '/div[1]/p[2]',
        refinedBy: { type: 'TextPositionSelector', start: 7, end: 7 },
      },
      endSelector: {
        type: 'XPathSelector',
        value: '/div[1]/p[4]',
        refinedBy: { type: 'TextPositionSelector', start: 12, end: 12 },
      },
    });
  });

  it('never writes the Hypothesis keys into a JSON-LD export', () => {
    const doc = toJsonLd([annotation([{ type: 'TextQuoteSelector', exact: 'x' }, RANGE])]);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/startContainer|startOffset|endContainer|endOffset/);
    expect(doc.first!.items[0]!.target.selector[1]).toEqual(toW3cRange(RANGE));
  });

  it('comes back as the stored shape, in its place among the selectors', () => {
    const a = annotation([RANGE, { type: 'TextQuoteSelector', exact: 'x' }, { type: 'TextPositionSelector', start: 1, end: 2 }]);
    expect(fromJsonLd(toJsonLd([a]))).toStrictEqual({ ok: true, format: 'sourcemark-jsonld', annotations: [a], invalid: [] });
  });
});

describe('RangeSelector import', () => {
  it.each([
    ['the stored (Hypothesis) shape', RANGE, RANGE],
    ['the W3C shape', toW3cRange(RANGE), RANGE],
    [
      'a refining TextPositionSelector that spans text: its start is the point',
      {
        type: 'RangeSelector',
        startSelector: { type: 'XPathSelector', value: '/p[1]', refinedBy: { type: 'TextPositionSelector', start: 3, end: 9 } },
        endSelector: { type: 'XPathSelector', value: '/p[2]', refinedBy: { type: 'TextPositionSelector', start: 4, end: 4 } },
      },
      { type: 'RangeSelector', startContainer: '/p[1]', startOffset: 3, endContainer: '/p[2]', endOffset: 4 },
    ],
    [
      'XPathSelectors without refinedBy: the beginning of each element',
      { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[1]' }, endSelector: { type: 'XPathSelector', value: '/p[3]' } },
      { type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[3]', endOffset: 0 },
    ],
  ])('reads %s', (_name, raw, stored) => {
    expect(checkSelector(raw, 'selector[0]')).toEqual({ ok: true, selector: stored });
  });

  it.each([
    [
      'an end of another selector kind (it is dropped by lenient importers)',
      { type: 'RangeSelector', startSelector: { type: 'CssSelector', value: 'p' }, endSelector: { type: 'XPathSelector', value: '/p' } },
      true,
      'selector[0].startSelector.type: a RangeSelector end of type "CssSelector" cannot be stored',
    ],
    [
      'a missing end',
      { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p' } },
      false,
      'selector[0].endSelector: missing (expected object)',
    ],
    [
      'a negative offset',
      {
        type: 'RangeSelector',
        startSelector: { type: 'XPathSelector', value: '/p', refinedBy: { type: 'TextPositionSelector', start: -1, end: 0 } },
        endSelector: { type: 'XPathSelector', value: '/p' },
      },
      false,
      'selector[0].startSelector.refinedBy.start: Too small',
    ],
    [
      'both spellings at once',
      { ...RANGE, startSelector: toW3cRange(RANGE).startSelector, endSelector: toW3cRange(RANGE).endSelector },
      false,
      'selector[0]: Unrecognized keys: "startContainer"',
    ],
  ])('refuses %s, saying where', (_name, raw, unknownType, message) => {
    const c = checkSelector(raw, 'selector[0]');
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(`${c.path}: ${c.message}`).toContain(message);
      expect(c.unknownType).toBe(unknownType);
    }
  });

  it('a Hypothesis row keeps its quote when a W3C range end cannot be stored', () => {
    const r = fromHypothesis({
      rows: [
        {
          id: 'abc',
          uri: 'https://example.com/post',
          target: [
            {
              source: 'https://example.com/post',
              selector: [
                { type: 'RangeSelector', startSelector: { type: 'CssSelector', value: 'p' }, endSelector: { type: 'CssSelector', value: 'p' } },
                { type: 'TextQuoteSelector', exact: 'quoted' },
              ],
            },
          ],
        },
      ],
    });
    expect(r.ok && r.annotations[0]!.selectors).toEqual([{ type: 'TextQuoteSelector', exact: 'quoted' }]);
  });
});
