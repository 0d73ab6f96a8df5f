import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationSchema, quoteOf } from '@/storage/model/annotation';
import { fromHypothesis, hypothesisUuid } from '@/storage/formats/hypothesis';
import { parseImportFile } from '@/storage/formats/import';

const dir = resolve(__dirname, '../fixtures/hypothesis-import');
const read = (name: string): string => readFileSync(resolve(dir, name), 'utf8');

describe('Hypothesis import: wikipedia-regression-testing.json', () => {
  const text = read('wikipedia-regression-testing.json');

  it('imports all 5 rows with their quotes, notes, title and page key', () => {
    const r = parseImportFile(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.format).toBe('hypothesis');
    expect(r.invalid).toEqual([]);
    expect(r.annotations).toHaveLength(5);
    expect(r.annotations.map((a) => quoteOf(a).exact.slice(0, 30))).toEqual([
      '11 November 2016',
      'Therefore, in most software de',
      'Also as a consequence of the i',
      'The purpose of regression test',
      'Regression testing',
    ]);
    expect(r.annotations.map((a) => a.note)).toEqual(['Footer', 'Body', 'Quote', 'Introduction', 'Heading']);
    for (const a of r.annotations) {
      expect(AnnotationSchema.parse(a)).toStrictEqual(a);
      expect(a.tags).toEqual([]);
      expect(a.color).toBe('yellow');
      expect(a.title).toBe('Regression testing - Wikipedia');
      expect(a.url).toBe('https://en.wikipedia.org/wiki/Regression_testing');
      expect(a.pageKey).toBe('en.wikipedia.org/wiki/Regression_testing');
      expect(a.site).toBe('en.wikipedia.org');
      expect(a.selectors.map((s) => s.type)).toEqual(['RangeSelector', 'TextPositionSelector', 'TextQuoteSelector']);
    }
    expect(r.annotations[0]!.created).toBe('2016-12-16T11:24:14.673Z');
    expect(r.annotations[0]!.selectors[2]).toEqual({
      type: 'TextQuoteSelector',
      exact: '11 November 2016',
      prefix: ' This page was last modified on ',
      suffix: ', at 05:56.\n\t\t\t\t\t\t\t\t\t\t\tText is a',
    });
  });

  it('gives the same ids on every import (re-import overwrites, never duplicates)', () => {
    const a = parseImportFile(text);
    const b = parseImportFile(text);
    if (!a.ok || !b.ok) throw new Error('import failed');
    expect(a.annotations.map((x) => x.id)).toEqual(b.annotations.map((x) => x.id));
    expect(a.annotations[0]!.id).toBe(hypothesisUuid('LOCXbsOCEeaQl6f6fQh87Q'));
    expect(new Set(a.annotations.map((x) => x.id)).size).toBe(5);
    expect(a).toStrictEqual(b);
  });
});

describe('Hypothesis import: minimal.json (no uri, no dates)', () => {
  it('is rejected without a fallback URL, naming the missing field', () => {
    const r = parseImportFile(read('minimal.json'));
    expect(r).toEqual({
      ok: false,
      error: 'rows[0].uri: missing: the row has neither uri nor target[].source (no valid annotation in this file: 1 of 1 item invalid)',
    });
  });

  it('imports with fallbackUri, dated `now`', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const r = parseImportFile(read('minimal.json'), { fallbackUri: 'http://localhost/minimal.html', now });
    if (!r.ok) throw new Error(r.error);
    expect(r.annotations).toHaveLength(1);
    const a = r.annotations[0]!;
    expect(quoteOf(a)).toEqual({ type: 'TextQuoteSelector', exact: 'Two', prefix: 'One ', suffix: ' Three\n' });
    expect(a.id).toBe(hypothesisUuid('test'));
    expect(a.created).toBe('2026-11-25T00:00:00.000Z');
    expect(a.updated).toBe(a.created);
    expect(a.note).toBe('');
    expect(a.title).toBe('');
    expect(a.pageKey).toBe('localhost/minimal.html');
  });
});

describe('Hypothesis import: mixed.json (tags, page notes, replies, unknown selectors)', () => {
  it('imports highlights and lists page notes and replies as invalid', () => {
    const r = parseImportFile(read('mixed.json'));
    if (!r.ok) throw new Error(r.error);
    expect(r.annotations).toHaveLength(2);
    const [first, second] = r.annotations;
    expect(first).toStrictEqual({
      id: hypothesisUuid('AbCdEfGhEeaQl6f6fQh87Q'),
      pageKey: '163.com/article/JH5K2E6T0519QIKK',
      url: 'https://m.163.com/dy/article/JH5K2E6T0519QIKK.html?spss=newsapp&from=timeline',
      title: '某网易号文章',
      site: '163.com',
      // FragmentSelector dropped: Sourcemark does not store it.
      selectors: [
        { type: 'TextPositionSelector', start: 120, end: 128 },
        { type: 'TextQuoteSelector', exact: '据知情人士透露', prefix: '。', suffix: '，' },
      ],
      color: 'yellow',
      note: '来源是什么？',
      tags: ['critical reading', '网易'],
      created: '2024-03-01T08:00:00.123Z',
      updated: '2024-03-02T09:30:00.000Z',
    });
    expect(second!.created).toBe('2024-03-31T16:00:00.000Z');
    expect(second!.updated).toBe(second!.created);
    expect(second!.note).toBe('');
    expect(second!.pageKey).toBe('example.com/post');
    expect(r.invalid).toEqual([
      { index: 1, path: 'rows[1].target[0]', message: expect.stringContaining('no TextQuoteSelector') },
      { index: 2, path: 'rows[2].target[0]', message: expect.stringContaining('page notes and replies') },
    ]);
  });

  it('reads the client export shape ({ annotations: [...] }) too', () => {
    const rows = (JSON.parse(read('wikipedia-regression-testing.json')) as { rows: unknown[] }).rows;
    const r = fromHypothesis({ export_date: '2024-01-01T00:00:00Z', client_version: '1.0', annotations: rows });
    expect(r.ok && r.annotations.length).toBe(5);
  });

  it('reports a broken known selector where it is', () => {
    const r = fromHypothesis({
      rows: [
        {
          id: 'x',
          uri: 'https://example.com/',
          target: [{ selector: [{ type: 'TextPositionSelector', start: 9, end: 3 }, { type: 'TextQuoteSelector', exact: 'a' }] }],
        },
        { id: 'y', uri: 'https://example.com/', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'b' }] }] },
      ],
    });
    expect(r).toEqual({
      ok: true,
      format: 'hypothesis',
      annotations: [expect.objectContaining({ id: hypothesisUuid('y') })],
      invalid: [{ index: 0, path: 'rows[0].target[0].selector[0]', message: 'end must not be before start' }],
    });
  });
});
