import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSIONS, SourcemarkDB } from '@/storage/db/db';
import { readFirstScreen } from '@/storage/db/first-screen';
import { pagesNewestFirst } from '@/storage/db/queries';
import { readSettings } from '@/storage/db/settings';
import { makeLibrary } from '../bench/popup-data';
import { sampleAnnotation } from '../support/sample-annotation';
import type { Annotation } from '@/storage/model/annotation';
import { pageSummary, type PageList } from '@/storage/db/page-summary';

const id = (n: number) => `0b6f3c2e-8f1a-4c47-9a5e-${n.toString(16).padStart(12, '0')}`;

/**
 * The first screen's pages straight from the records, apart from the pages table: each page's
 * newest record (by time, then the higher id) and count, pages in that record's order.
 */
function fromRecords(records: readonly Annotation[], limit: number): PageList {
  const newer = (a: Annotation, b: Annotation) => a.updated > b.updated || (a.updated === b.updated && a.id > b.id);
  const pages = new Map<string, { newest: Annotation; count: number }>();
  for (const a of records) {
    const p = pages.get(a.pageKey);
    if (!p) pages.set(a.pageKey, { newest: a, count: 1 });
    else {
      p.count++;
      if (newer(a, p.newest)) p.newest = a;
    }
  }
  const sorted = [...pages.values()].sort((x, y) => (newer(x.newest, y.newest) ? -1 : 1));
  return { pages: sorted.slice(0, limit).map((p) => pageSummary(p.newest, p.count)), more: sorted.length > limit };
}

describe('readFirstScreen (the popup first script’s read, without Dexie)', () => {
  let name: string;
  let db: SourcemarkDB;
  beforeEach(async () => {
    name = `first-screen-${Math.random()}`;
    db = new SourcemarkDB(name);
    await db.open();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers what pagesNewestFirst and readSettings answer, over a library of 300 pages', async () => {
    await db.annotations.bulkPut(makeLibrary(300, 4));
    await db.settings.put({ key: 'language', value: 'en' });
    const answer = await readFirstScreen(20, name);
    expect(answer).toEqual({ language: (await readSettings(db)).language, pages: await pagesNewestFirst(db, { limit: 20 }) });
    expect(answer?.language).toBe('en');
    expect(answer?.pages.pages).toHaveLength(20);
    expect(answer?.pages.more).toBe(true);
  });

  it('orders pages whose newest changes are at the same instant as Dexie does (by id, highest first)', async () => {
    const at = '2026-03-01T00:00:00.000Z';
    await db.annotations.bulkPut(
      [1, 2, 3, 4].map((n) => sampleAnnotation({ id: id(n), pageKey: `example.com/${n}`, url: `https://example.com/${n}`, updated: at })),
    );
    const answer = await readFirstScreen(3, name);
    expect(answer?.pages).toEqual(await pagesNewestFirst(db, { limit: 3 }));
    expect(answer?.pages.pages.map((p) => p.pageKey)).toEqual(['example.com/4', 'example.com/3', 'example.com/2']);
  });

  it('reads the newest pages with their counts in one request where the browser can read an index backwards', async () => {
    const library = makeLibrary(300, 4);
    await db.annotations.bulkPut(library);
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const count = vi.spyOn(IDBIndex.prototype, 'count');
    const answer = await readFirstScreen(20, name);
    expect(getAll).toHaveBeenCalledTimes(1);
    expect(count).not.toHaveBeenCalled();
    expect(answer?.pages).toEqual(await pagesNewestFirst(db, { limit: 20 }));
    expect(answer?.pages).toEqual(fromRecords(library, 20));
  });

  it('orders pages whose newest changes tie by the newest annotation’s id, as a walk of the annotations finds them', async () => {
    const at = '2026-03-01T00:00:00.000Z';
    // 100 changes at one instant on two pages, then older pages.
    const tied = Array.from({ length: 100 }, (_, n) =>
      sampleAnnotation({ id: id(n + 10), pageKey: `example.com/${n % 7 === 0 ? 'b' : 'a'}`, url: 'https://example.com/', updated: at }),
    );
    const older = [1, 2, 3].map((n) =>
      sampleAnnotation({ id: id(n), pageKey: `example.com/${n}`, url: `https://example.com/${n}`, updated: `2026-02-0${n}T00:00:00.000Z` }),
    );
    await db.annotations.bulkPut([...tied, ...older]);
    const answer = await readFirstScreen(3, name);
    expect(answer?.pages).toEqual(await pagesNewestFirst(db, { limit: 3 }));
    expect(answer?.pages).toEqual(fromRecords([...tied, ...older], 3));
    expect(answer?.pages.pages.map((p) => [p.pageKey, p.count])).toEqual([
      ['example.com/a', 85],
      ['example.com/b', 15],
      ['example.com/3', 1],
    ]);
    expect(answer?.pages.more).toBe(true);
  });

  it('walks the pages with a cursor where the browser cannot read an index backwards in one request', async () => {
    const library = makeLibrary(300, 4);
    await db.annotations.bulkPut(library);
    const proto = IDBIndex.prototype as { getAllRecords?: unknown };
    const had = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
    delete proto.getAllRecords;
    try {
      const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
      const answer = await readFirstScreen(20, name);
      expect(getAll).not.toHaveBeenCalled();
      expect(answer?.pages).toEqual(fromRecords(library, 20));
      expect(answer?.pages.pages).toHaveLength(20);
    } finally {
      if (had) Object.defineProperty(proto, 'getAllRecords', had);
    }
  });

  it('answers null for a database from before the pages table, which the popup’s Dexie then upgrades', async () => {
    const old = `first-screen-v5-${Math.random()}`;
    const v5 = new SourcemarkDB(old, SCHEMA_VERSIONS.filter((v) => v.version <= 5));
    await v5.annotations.bulkPut(makeLibrary(3, 2));
    v5.close();
    expect(await readFirstScreen(20, old)).toBeNull();
  });

  it('reads a library smaller than a screen as complete, and an empty one as empty', async () => {
    expect((await readFirstScreen(20, name))?.pages).toEqual({ pages: [], more: false });
    await db.annotations.bulkPut(makeLibrary(3, 2));
    const answer = await readFirstScreen(20, name);
    expect(answer?.pages).toEqual(await pagesNewestFirst(db, { limit: 20 }));
    expect(answer?.pages.pages.map((p) => p.count)).toEqual([2, 2, 2]);
    expect(answer?.pages.more).toBe(false);
  });

  it('reads a language setting of another shape as "auto", as readSettings does', async () => {
    await db.settings.put({ key: 'language', value: 'klingon' });
    expect((await readFirstScreen(20, name))?.language).toBe('auto');
    expect((await readSettings(db)).language).toBe('auto');
  });

  it('answers null for a database that does not exist, and does not create it', async () => {
    const missing = `first-screen-missing-${Math.random()}`;
    expect(await readFirstScreen(20, missing)).toBeNull();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain(name);
    expect(names).not.toContain(missing);
  });
});
