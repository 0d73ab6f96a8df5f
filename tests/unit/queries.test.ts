import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/storage/model/annotation';
import { SourcemarkDB } from '@/storage/db/db';
import { annotationsForPage, pagesNewestFirst, readAll, search, searchIn, searchTerms, tags, type SearchOptions } from '@/storage/db/queries';
import { sampleAnnotation } from '../support/sample-annotation';
import { idFor, makeLibrary } from '../bench/popup-data';

const id = (n: number) => `0b6f3c2e-8f1a-4c47-9a5e-${n.toString(16).padStart(12, '0')}`;

function on(page: string, n: number, over: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({
    id: id(n),
    pageKey: `example.com/${page}`,
    url: `https://example.com/${page}`,
    title: `Page ${page}`,
    site: 'example.com',
    ...over,
  });
}

const quote = (exact: string, start?: number): Annotation['selectors'] => [
  { type: 'TextQuoteSelector', exact },
  ...(start === undefined ? [] : [{ type: 'TextPositionSelector' as const, start, end: start + exact.length }]),
];

describe('queries', () => {
  let db: SourcemarkDB;
  beforeEach(() => {
    db = new SourcemarkDB(`queries-${Math.random()}`);
  });

  describe('pagesNewestFirst', () => {
    it('groups by page, newest change first, with the count and the latest title', async () => {
      await db.annotations.bulkPut([
        on('a', 1, { updated: '2026-01-01T00:00:00.000Z', title: 'old title' }),
        on('b', 2, { updated: '2026-01-02T00:00:00.000Z' }),
        on('a', 3, { updated: '2026-01-03T00:00:00.000Z', title: 'new title' }),
        on('c', 4, { updated: '2026-01-01T12:00:00.000Z' }),
        on('a', 5, { updated: '2025-12-01T00:00:00.000Z' }),
      ]);
      const { pages, more } = await pagesNewestFirst(db);
      expect(more).toBe(false);
      expect(pages.map((p) => [p.pageKey, p.count, p.title, p.updated])).toEqual([
        ['example.com/a', 3, 'new title', '2026-01-03T00:00:00.000Z'],
        ['example.com/b', 1, 'Page b', '2026-01-02T00:00:00.000Z'],
        ['example.com/c', 1, 'Page c', '2026-01-01T12:00:00.000Z'],
      ]);
      expect(pages[0]).toMatchObject({ site: 'example.com', url: 'https://example.com/a' });
    });

    it('pages through 1,000 pages without repeating or skipping one', async () => {
      await db.annotations.bulkPut(makeLibrary(1000, 3));
      const seen: string[] = [];
      let offset = 0;
      for (;;) {
        const { pages, more } = await pagesNewestFirst(db, { offset, limit: 50 });
        seen.push(...pages.map((p) => p.pageKey));
        expect(pages.every((p) => p.count === 3)).toBe(true);
        offset += 50;
        if (!more) break;
      }
      expect(seen).toHaveLength(1000);
      expect(new Set(seen).size).toBe(1000);
    });

    it('is empty for an empty database', async () => {
      expect(await pagesNewestFirst(db)).toEqual({ pages: [], more: false });
    });
  });

  it('lists a page in reading order: position, then creation; unpositioned last', async () => {
    await db.annotations.bulkPut([
      on('a', 1, { selectors: quote('third', 300), created: '2026-01-01T00:00:00.000Z' }),
      on('a', 2, { selectors: quote('no position, older'), created: '2026-01-01T00:00:00.000Z' }),
      on('a', 3, { selectors: quote('first', 10), created: '2026-01-05T00:00:00.000Z' }),
      on('a', 4, { selectors: quote('second', 10), created: '2026-01-06T00:00:00.000Z' }),
      on('a', 5, { selectors: quote('no position, newer'), created: '2026-01-09T00:00:00.000Z' }),
      on('b', 6, { selectors: quote('other page', 0) }),
    ]);
    const list = await annotationsForPage(db, 'example.com/a');
    expect(list.map((a) => a.selectors[0]!.type === 'TextQuoteSelector' && a.selectors[0]!.exact)).toEqual([
      'first',
      'second',
      'third',
      'no position, older',
      'no position, newer',
    ]);
  });

  it('lists every tag once, from the index', async () => {
    await db.annotations.bulkPut([on('a', 1, { tags: ['经济', 'todo'] }), on('b', 2, { tags: ['todo'] }), on('c', 3, { tags: [] })]);
    expect(await tags(db)).toEqual(['todo', '经济']);
  });

  describe('search', () => {
    beforeEach(async () => {
      await db.annotations.bulkPut([
        on('a', 1, {
          selectors: quote('可以确定所谓美俄阿拉斯加密约', 5),
          note: '来源？',
          tags: ['地缘'],
          color: 'yellow',
          updated: '2026-01-01T00:00:00.000Z',
        }),
        on('b', 2, {
          selectors: quote('The Minister said the deal was done', 0),
          note: '',
          tags: [],
          color: 'green',
          title: '美俄会谈',
          updated: '2026-01-03T00:00:00.000Z',
        }),
        on('c', 3, {
          selectors: quote('出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。', 0),
          note: 'needs a SOURCE',
          tags: ['地缘', 'todo'],
          color: 'blue',
          updated: '2026-01-02T00:00:00.000Z',
        }),
      ]);
    });
    const ids = async (q: string, opts = {}) => (await search(db, q, opts)).annotations.map((a) => a.id);

    it.each([
      ['a Chinese substring of a quote, without word spaces', '阿拉斯加', [id(3), id(1)]],
      ['a Chinese substring in the middle of a quote', '美俄阿拉', [id(1)]],
      ['Latin text ignoring case', 'minister SAID', [id(2)]],
      ['a note', '来源', [id(1)]],
      ['a note ignoring case', 'source', [id(3)]],
      ['a title', '会谈', [id(2)]],
      ['a tag', 'todo', [id(3)]],
      ['full-width punctuation against ASCII on the page', '原因，川普', [id(3)]],
      ['several terms, all required, in any field', '阿拉斯加 todo', [id(3)]],
      ['nothing', '不存在的词', []],
    ])('finds %s', async (_what, q, expected) => {
      expect(await ids(q)).toEqual(expected);
    });

    it('does not match across two fields', async () => {
      // note '来源？' + title 'Page a': '？\nPage' must not make '？page' match.
      expect(await ids('？page')).toEqual([]);
    });

    it('filters by colour and by tag through their indexes', async () => {
      expect(await ids('', { colors: ['yellow', 'blue'] })).toEqual([id(3), id(1)]);
      expect(await ids('阿拉斯加', { colors: ['blue'] })).toEqual([id(3)]);
      expect(await ids('', { tag: '地缘' })).toEqual([id(3), id(1)]);
      expect(await ids('', { tag: '地缘', colors: ['yellow'] })).toEqual([id(1)]);
      expect(await ids('', { tag: 'nope' })).toEqual([]);
    });

    it('returns at most `limit`, newest first, and counts them all', async () => {
      const r = await search(db, '', { limit: 2 });
      expect(r.annotations.map((a) => a.id)).toEqual([id(2), id(3)]);
      expect(r.total).toBe(3);
    });

    it('stops when its signal is aborted', async () => {
      const ctl = new AbortController();
      ctl.abort();
      await expect(search(db, '阿拉斯加', { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('sees an edit, even one that kept the update stamp (the folded text is cached)', async () => {
      expect(await ids('改过的笔记')).toEqual([]);
      const a = (await db.annotations.get(id(1)))!;
      await db.annotations.put({ ...a, note: '改过的笔记' });
      expect(await ids('改过的笔记')).toEqual([id(1)]);
      expect(await ids('来源')).toEqual([]);
    });
  });

  it('searches in memory exactly as it searches the database: same matches, order and totals', async () => {
    await db.annotations.bulkPut(makeLibrary(200, 10));
    const all = await readAll(db);
    expect(all).toHaveLength(2000);
    const cases: Array<[string, SearchOptions]> = [
      ['', {}],
      ['', { limit: 7 }],
      ['据知情', {}],
      ['MINISTER said', { limit: 50 }],
      ['（17-3）', {}],
      ['数据 显示', { colors: ['yellow', 'blue'] }],
      ['', { colors: ['green'] }],
      ['', { tag: '地缘' }],
      ['来源', { tag: 'todo', colors: ['pink'] }],
      ['不存在的词', {}],
    ];
    for (const [q, opts] of cases) {
      const inDb = await search(db, q, opts);
      const inMemory = searchIn(all, q, opts);
      expect(inMemory.total, q).toBe(inDb.total);
      expect(inMemory.annotations.map((a) => a.id), q).toEqual(inDb.annotations.map((a) => a.id));
    }
  });

  it('reads records in chunks across 10,000 annotations and still finds one', async () => {
    await db.annotations.bulkPut(makeLibrary(1000, 10));
    const r = await search(db, '（417-3）', { chunk: 700 });
    expect(r.annotations.map((a) => a.id)).toEqual([idFor(417, 3)]);
  });

  it('splits a query into folded terms', () => {
    expect(searchTerms('  ＡＢＣ  美俄\u3000Deal ')).toEqual(['abc', '美俄', 'deal']);
  });
});
