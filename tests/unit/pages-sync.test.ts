import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcemarkDB } from '@/storage/db/db';
import { buildPageRows, pageRowOf, type PageRow } from '@/storage/db/page-row';
import type { Annotation } from '@/storage/model/annotation';
import { sampleAnnotation } from '../support/sample-annotation';

const id = (n: number) => `0b6f3c2e-8f1a-4c47-9a5e-${n.toString(16).padStart(12, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();

function note(n: number, page: string, minute: number, over: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({ id: id(n), pageKey: `example.com/${page}`, url: `https://example.com/${page}`, title: `${page} @${minute}`, updated: at(minute), ...over });
}

const byKey = (rows: PageRow[]) => [...rows].sort((a, b) => (a.pageKey < b.pageKey ? -1 : 1));

describe('pageRowOf', () => {
  it('takes the title, url and time of the newest note, and counts them all', () => {
    const row = pageRowOf([note(1, 'a', 5), note(2, 'a', 9, { title: 'retitled' }), note(3, 'a', 1)]);
    expect(row).toEqual({ pageKey: 'example.com/a', title: 'retitled', site: '163.com', url: 'https://example.com/a', updated: at(9), count: 3, newest: id(2) });
  });

  it('breaks a tie in time by the higher id, as the updated index read backwards does', () => {
    expect(pageRowOf([note(7, 'a', 3), note(9, 'a', 3), note(8, 'a', 3)])?.newest).toBe(id(9));
  });

  it('is null for a page with no notes', () => {
    expect(pageRowOf([])).toBeNull();
  });
});

describe('the pages table, kept by every write to the annotations', () => {
  let db: SourcemarkDB;
  const rows = async () => byKey(await db.pages.toArray());
  const rebuilt = async () => byKey(buildPageRows(await db.annotations.toArray()));

  beforeEach(async () => {
    db = new SourcemarkDB(`pages-sync-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('lists a page with its first note and counts each note added', async () => {
    await db.annotations.add(note(1, 'a', 1));
    expect(await rows()).toMatchObject([{ pageKey: 'example.com/a', count: 1, title: 'a @1' }]);
    await db.annotations.bulkAdd([note(2, 'a', 2), note(3, 'b', 3)]);
    expect(await rows()).toMatchObject([
      { pageKey: 'example.com/a', count: 2, title: 'a @2', newest: id(2) },
      { pageKey: 'example.com/b', count: 1 },
    ]);
  });

  it('follows an edit of the newest note and ignores none of an older one', async () => {
    await db.annotations.bulkPut([note(1, 'a', 1), note(2, 'a', 2)]);
    await db.annotations.update(id(2), { title: 'edited' });
    expect((await db.pages.get('example.com/a'))?.title).toBe('edited');
    // An older note edited later becomes the newest.
    await db.annotations.update(id(1), { updated: at(10), title: 'older, now newest' });
    expect(await db.pages.get('example.com/a')).toMatchObject({ title: 'older, now newest', updated: at(10), newest: id(1), count: 2 });
  });

  it('falls back to the next newest note when the newest is deleted, and drops the page with its last', async () => {
    await db.annotations.bulkPut([note(1, 'a', 1), note(2, 'a', 2), note(3, 'b', 3)]);
    await db.annotations.delete(id(2));
    expect(await db.pages.get('example.com/a')).toMatchObject({ count: 1, newest: id(1), title: 'a @1' });
    await db.annotations.delete(id(1));
    expect(await db.pages.get('example.com/a')).toBeUndefined();
    expect(await rows()).toEqual(await rebuilt());
  });

  it('moves a note between pages: both pages follow', async () => {
    await db.annotations.bulkPut([note(1, 'a', 1), note(2, 'a', 2), note(3, 'b', 3)]);
    await db.annotations.put(note(2, 'b', 2));
    expect(await db.pages.get('example.com/a')).toMatchObject({ count: 1, newest: id(1) });
    expect(await db.pages.get('example.com/b')).toMatchObject({ count: 2, newest: id(3) });
  });

  it('empties with the table, and follows a delete of a range of ids', async () => {
    await db.annotations.bulkPut(Array.from({ length: 40 }, (_, n) => note(n, `p${n % 4}`, n)));
    await db.annotations.where('id').between(id(0), id(10)).delete();
    expect(await rows()).toEqual(await rebuilt());
    expect((await rows()).map((r) => r.count)).toEqual([7, 7, 8, 8]);
    await db.annotations.clear();
    expect(await db.pages.count()).toBe(0);
  });

  it('follows a delete of every id below one (a range open at one end)', async () => {
    await db.annotations.bulkPut(Array.from({ length: 20 }, (_, n) => note(n, `p${n % 3}`, n)));
    await db.annotations.where('id').below(id(12)).delete();
    expect(await db.annotations.count()).toBe(8);
    expect(await rows()).toEqual(await rebuilt());
  });

  it('keeps nothing of a write that fails', async () => {
    await db.annotations.put(note(1, 'a', 1));
    await expect(
      db.transaction('rw', db.annotations, async () => {
        await db.annotations.put(note(2, 'a', 2, { title: 'never kept' }));
        throw new Error('the reader cancelled');
      }),
    ).rejects.toThrow('the reader cancelled');
    expect(await rows()).toMatchObject([{ count: 1, title: 'a @1' }]);
  });

  it('says what the table says after 300 random writes of every kind', async () => {
    // A fixed sequence (a small linear congruential generator), so that a failure can be replayed.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let step = 0; step < 300; step++) {
      const n = rand(60);
      const page = `p${rand(8)}`;
      // Few distinct minutes, so that ties in time are common.
      const minute = rand(20);
      switch (rand(5)) {
        case 0:
          await db.annotations.put(note(n, page, minute));
          break;
        case 1:
          await db.annotations.bulkPut([note(n, page, minute), note(n + 1, `p${rand(8)}`, minute), note(n + 2, page, rand(20))]);
          break;
        case 2:
          await db.annotations.delete(id(n));
          break;
        case 3:
          await db.annotations.update(id(n), { updated: at(minute), title: `t${step}` });
          break;
        default:
          await db.transaction('rw', db.annotations, async () => {
            await db.annotations.bulkDelete([id(n), id(rand(60))]);
            await db.annotations.put(note(rand(60), page, minute));
          });
      }
    }
    expect(await db.annotations.count()).toBeGreaterThan(20);
    expect(await rows()).toEqual(await rebuilt());
  });
});
