import { describe, expect, it, vi } from 'vitest';
import { LibraryIndex, newestFirst, type SearchFilter } from '@/components/listing/library-index';
import { groupLibrary, headingOf, pageRows, resultRows, type ListRow } from '@/components/listing/list-rows';
import { fixedOffsets, offsetsOf, rowHeights, visibleRows } from '@/components/listing/windowing';
import { DigestLibrary, LibraryGrouper, libraryOf } from '@/components/listing/digest-library';
import { buildDigest, digestRowOf, rowsOf as shardRows, shardOf, type DigestRow } from '@/storage/db/digest';
import { byPageOrder, searchIn } from '@/storage/db/queries';
import type { Annotation } from '@/storage/model/annotation';
import { idFor, makeLibrary } from '../bench/popup-data';
import { sampleAnnotation } from '../support/sample-annotation';

const kinds = (rows: readonly ListRow[]) => rows.map((r) => (r.kind === 'page' ? `P ${r.page.pageKey}` : `  ${r.annotation.id}`));

describe('windowing', () => {
  it('places each row after the ones before it', () => {
    expect([...offsetsOf([10, 20, 30])]).toEqual([0, 10, 30, 60]);
    expect([...fixedOffsets(3, 25)]).toEqual([0, 25, 50, 75]);
  });

  it('renders the rows that overlap the view, and overscan more on each side', () => {
    const offsets = fixedOffsets(100, 50);
    // 600 px seen from 1,000 px down: rows 20 (1,000–1,050) to 31 (1,550–1,600).
    expect(visibleRows(offsets, 1000, 600, 0)).toEqual({ start: 20, end: 32, before: 1000, after: 5000 - 1600 });
    expect(visibleRows(offsets, 1000, 600, 3)).toEqual({ start: 17, end: 35, before: 850, after: 5000 - 1750 });
  });

  it('counts a row cut by the top edge of the view as seen', () => {
    const w = visibleRows(fixedOffsets(100, 50), 1025, 100, 0);
    expect([w.start, w.end]).toEqual([20, 23]);
  });

  it('keeps overscan inside the list at both ends', () => {
    const offsets = fixedOffsets(10, 50);
    expect(visibleRows(offsets, 0, 120, 5)).toMatchObject({ start: 0, end: 8, before: 0 });
    expect(visibleRows(offsets, 400, 200, 5)).toMatchObject({ start: 3, end: 10, after: 0 });
  });

  it('renders nothing for an empty list and stays in bounds when scrolled past the end', () => {
    expect(visibleRows(offsetsOf([]), 0, 600, 4)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
    const w = visibleRows(fixedOffsets(10, 50), 10_000, 600, 2);
    expect(w.end).toBe(10);
    expect(w.start).toBeLessThanOrEqual(w.end);
    expect(w.before + w.after).toBeLessThanOrEqual(500);
  });

  it('uses measured heights where it has them and estimates elsewhere', () => {
    const rows = ['a', 'b', 'c'];
    const heights = rowHeights(rows, (r) => r, new Map([['b', 120]]), () => 40);
    expect(heights).toEqual([40, 120, 40]);
    // With b measured taller, a view starting at 150 px is in b, not c.
    expect(visibleRows(offsetsOf(heights), 150, 1, 0).start).toBe(1);
  });

  it('gives every row its estimate while nothing is measured, without asking for keys', () => {
    const keyOf = vi.fn((r: string) => r);
    expect(rowHeights(['a', 'b'], keyOf, new Map(), (r) => (r === 'a' ? 50 : 90))).toEqual([50, 90]);
    expect(keyOf).not.toHaveBeenCalled();
  });
});

/** The library as the popup holds it: the search digest's rows. */
const rowsOf = (list: readonly Annotation[]): DigestRow[] => list.map(digestRowOf);

describe('list rows', () => {
  const records = makeLibrary(5, 3);
  const lib = rowsOf(records);

  it('groups the library into pages, the most recently changed first, each in reading order', () => {
    const { pages, byPage } = groupLibrary(lib);
    expect(pages).toHaveLength(5);
    const latest = (key: string) => [...lib].filter((a) => a.pageKey === key).sort(newestFirst)[0]!.updated;
    for (let i = 1; i < pages.length; i++) expect(pages[i - 1]!.updated >= pages[i]!.updated).toBe(true);
    for (const p of pages) {
      expect(p.updated).toBe(latest(p.pageKey));
      expect(p.count).toBe(3);
      const list = byPage.get(p.pageKey)!;
      // The reading order of the whole records (by their selectors' positions).
      expect(list.map((a) => a.id)).toEqual(records.filter((a) => a.pageKey === p.pageKey).sort(byPageOrder).map((a) => a.id));
    }
  });

  it('takes a page title from its latest annotation (pages get retitled)', () => {
    const old = sampleAnnotation({ title: '旧标题', updated: '2026-01-01T00:00:00.000Z' });
    const fresh = sampleAnnotation({ id: idFor(9, 9), title: '新标题', updated: '2026-02-01T00:00:00.000Z' });
    expect(groupLibrary(rowsOf([fresh, old])).pages.map((p) => [p.title, p.count])).toEqual([['新标题', 2]]);
  });

  it('lists closed pages as headings only and an open page with its annotations', () => {
    const { pages, byPage } = groupLibrary(lib);
    const open = pages[1]!.pageKey;
    const rows = pageRows(pages, byPage, new Set([open]));
    expect(rows).toHaveLength(5 + 3);
    expect(kinds(rows).slice(1, 5)).toEqual([`P ${open}`, ...byPage.get(open)!.map((a) => `  ${a.id}`)]);
    expect(rows.filter((r) => r.kind === 'page' && r.open).map((r) => r.key)).toEqual([`p:${open}`]);
  });

  it('shows an open page as a heading until its annotations are read', () => {
    const { pages } = groupLibrary(lib);
    const rows = pageRows(pages, null, new Set([pages[0]!.pageKey]));
    expect(rows.map((r) => r.kind)).toEqual(['page', 'page', 'page', 'page', 'page']);
    expect(rows[0]).toMatchObject({ open: true });
  });

  it('puts results under their pages, pages in the order of their newest match, matches newest first', () => {
    const a = sampleAnnotation({ id: idFor(1, 1), pageKey: 'x', updated: '2026-03-03T00:00:00.000Z' });
    const b = sampleAnnotation({ id: idFor(2, 1), pageKey: 'y', updated: '2026-03-02T00:00:00.000Z' });
    const c = sampleAnnotation({ id: idFor(1, 2), pageKey: 'x', updated: '2026-03-01T00:00:00.000Z' });
    expect(kinds(resultRows(rowsOf([a, b, c])))).toEqual(['P x', `  ${a.id}`, `  ${c.id}`, 'P y', `  ${b.id}`]);
    expect(kinds(resultRows(rowsOf([a, b, c]), new Set(['x'])))).toEqual(['P x', 'P y', `  ${b.id}`]);
  });

  it("finds the heading of a row's page", () => {
    const rows = resultRows(rowsOf(makeLibrary(3, 4).sort(newestFirst)));
    const pageOf = (r: ListRow) => (r.kind === 'page' ? r.page.pageKey : r.pageKey);
    expect(rows.filter((r) => r.kind === 'page')).toHaveLength(3);
    rows.forEach((row, i) => {
      const heading = rows[headingOf(rows, i)]!;
      expect(heading.kind).toBe('page');
      expect(pageOf(heading)).toBe(pageOf(row));
    });
  });
});

/** The index over a library, as the popup makes it: from the digest's shards. */
const indexOf = (list: readonly Annotation[]) => new LibraryIndex(new DigestLibrary().read(buildDigest(list)));

describe('library index', () => {
  const records = makeLibrary(200, 10);
  const filters: SearchFilter[] = [
    { query: '据知情', colors: [], tag: null },
    { query: 'MINISTER said', colors: [], tag: null },
    { query: '（17-3）', colors: [], tag: null },
    { query: '数据 显示', colors: ['yellow', 'blue'], tag: null },
    { query: '', colors: ['green'], tag: null },
    { query: '', colors: [], tag: '地缘' },
    { query: '来源', colors: ['pink'], tag: 'todo' },
    { query: '不存在的词', colors: [], tag: null },
  ];
  // What the database search finds over the whole records.
  const expected = (f: SearchFilter) => searchIn(records, f.query, { colors: f.colors, tag: f.tag ?? undefined, limit: records.length });
  const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);

  it('finds what the database search finds, in the same order, with the same total', () => {
    const index = indexOf(records);
    expect(index.size).toBe(2000);
    for (const f of filters) {
      const r = index.search(f);
      expect(r.total, f.query).toBe(expected(f).total);
      expect(ids(r.annotations), f.query).toEqual(ids(expected(f).annotations));
    }
    expect(filters.filter((f) => expected(f).total > 0).length).toBeGreaterThan(4);
  });

  it('gives the same answers when each search narrows or widens the one before', () => {
    const index = indexOf(records);
    for (const query of ['数', '数据', '数据显示', '数据', '据知', '据知情', 'mini', 'minister', '']) {
      const f = { query, colors: [], tag: null };
      expect(ids(index.search(f).annotations), query).toEqual(ids(expected(f).annotations));
    }
  });

  it('does not narrow across a change of filters', () => {
    const index = indexOf(records);
    index.search({ query: '来源', colors: ['pink'], tag: null });
    const f: SearchFilter = { query: '来源？', colors: [], tag: null };
    expect(index.search(f).total).toBe(expected(f).total);
    expect(expected(f).total).toBeGreaterThan(0);
  });

  it('maps a hit in a shard\'s texts to its own annotation, and never matches across two', () => {
    // Two annotations in one shard, whose texts follow one another in the shard's text.
    const [idA, idB] = Array.from({ length: 100 }, (_, i) => idFor(0, i)).filter((id, _, all) => shardOf(id) === shardOf(all[0]!));
    const quote = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];
    const a = sampleAnnotation({ id: idA!, note: '', tags: [], title: '', selectors: quote('结尾') });
    const b = sampleAnnotation({ id: idB!, note: '', tags: [], title: '', selectors: quote('开头') });
    const index = indexOf([a, b]);
    expect(ids(index.search({ query: '尾', colors: [], tag: null }).annotations)).toEqual([a.id]);
    expect(ids(index.search({ query: '开头', colors: [], tag: null }).annotations)).toEqual([b.id]);
    expect(index.search({ query: '尾开', colors: [], tag: null }).total).toBe(0);
    expect(index.search({ query: '尾 开', colors: [], tag: null }).total).toBe(0);
  });

  it('matches a tag exactly, not a tag that holds it, and colours by name', () => {
    const a = sampleAnnotation({ id: idFor(0, 1), tags: ['地缘政治'], color: 'green' });
    const b = sampleAnnotation({ id: idFor(0, 2), tags: ['x', '地缘'], color: 'pink' });
    const index = indexOf([a, b]);
    expect(ids(index.search({ query: '', colors: [], tag: '地缘' }).annotations)).toEqual([b.id]);
    expect(ids(index.search({ query: '', colors: ['green'], tag: null }).annotations)).toEqual([a.id]);
    expect(index.search({ query: '', colors: ['green'], tag: '地缘' }).total).toBe(0);
  });

  it('gives whole rows for its matches, as the digest holds them', () => {
    const index = indexOf(records);
    const found = index.search(filters[0]!).annotations;
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) expect(row).toEqual(digestRowOf(records.find((a) => a.id === row.id)!));
  });

  it('orders times written with an offset or without milliseconds as the database search does, as strings', () => {
    const stamps = ['2026-01-01T08:00:00+08:00', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.500Z', '2026-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'];
    const list = stamps.map((updated, i) => sampleAnnotation({ id: idFor(9, i), updated, pageKey: `p${i % 2}` }));
    const f: SearchFilter = { query: '', colors: ['yellow'], tag: null };
    const want = searchIn(list, '', { colors: ['yellow'], limit: list.length });
    expect(ids(indexOf(list).search(f).annotations)).toEqual(ids(want.annotations));
    expect(want.total).toBe(6);
    // Pages in the order of their newest annotation, by the same comparison.
    const grouped = libraryOf(new DigestLibrary().read(buildDigest(list)));
    expect(grouped.pages.map((p) => p.pageKey)).toEqual(groupLibrary(rowsOf(list)).pages.map((p) => p.pageKey));
  });

  it('sees an edited note', () => {
    const a = sampleAnnotation({ note: '第一版笔记' });
    expect(indexOf([a]).search({ query: '第二版', colors: [], tag: null }).total).toBe(0);
    const edited = { ...a, note: '第二版笔记' };
    expect(indexOf([edited]).search({ query: '第二版', colors: [], tag: null }).total).toBe(1);
  });
});

describe('the library from the digest', () => {
  const records = makeLibrary(20, 5);

  it('lists what grouping the whole records lists', () => {
    const lib = libraryOf(new DigestLibrary().read(buildDigest(records)));
    const direct = groupLibrary(rowsOf(records));
    expect(lib.pages).toEqual(direct.pages);
    expect(lib.size).toBe(100);
    for (const [pageKey, list] of direct.byPage) expect(lib.byPage.get(pageKey), pageKey).toEqual(list);
    expect(lib.byPage.has('no-such-page')).toBe(false);
    expect(lib.byPage.get('no-such-page')).toBeUndefined();
  });

  it('groups a shard at a time when asked to stop after each, and the slices add up to the whole', () => {
    const corpus = new DigestLibrary().read(buildDigest(records));
    const grouper = new LibraryGrouper(corpus);
    let steps = 1;
    let lib = grouper.step(() => 0);
    for (; !lib; steps++) lib = grouper.step(() => 0);
    expect(steps).toBe(33); // 32 shards, then the pages
    expect(grouper.finish()).toBe(lib);
    expect(lib.pages).toEqual(libraryOf(corpus).pages);
  });

  it('gives back the same corpus when no shard changed, and a new one when one did', () => {
    const unpacker = new DigestLibrary();
    const shards = buildDigest(records);
    const first = unpacker.read(shards);
    expect(unpacker.read(shards.map((s) => ({ ...s })))).toBe(first);
    const edited = new Set(shardRows(shards[3]!).map((r) => r.id));
    const changed = buildDigest(records.map((a) => (edited.has(a.id) ? { ...a, note: '改过' } : a))).map((s, i) => (i === 3 ? { ...s, rev: 1 } : s));
    const next = unpacker.read(changed);
    expect(next).not.toBe(first);
    const grouped = libraryOf(next);
    const notes = grouped.pages.flatMap((p) => grouped.byPage.get(p.pageKey)!.filter((a) => a.note === '改过'));
    expect(notes).toHaveLength(edited.size);
    expect(edited.size).toBeGreaterThan(0);
  });
});
