import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcemarkDB } from '@/storage/db/db';
import { Writer } from '@/storage/db/writer';
import { readSeq } from '@/storage/db/journal';
import { sampleAnnotation } from '../support/sample-annotation';

/** Every write leaves a version behind it, in the same transaction (components/sync/versions.ts). */
describe('the journal of local changes', () => {
  let db: SourcemarkDB;
  let writer: Writer;
  let now = Date.UTC(2026, 11, 5, 9);
  let n = 0;
  beforeEach(() => {
    db = new SourcemarkDB(`journal-${Math.random()}`);
    writer = new Writer(db, () => undefined, { now: () => new Date(now), newId: () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}` });
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  const draft = { selectors: [{ type: 'TextQuoteSelector' as const, exact: 'q' }], color: 'yellow' as const, title: 't', note: '' };
  const page = { pageKey: 'example.com/a', url: 'https://example.com/a' };

  it('stamps a new highlight, its edit and its deletion, each newer than the last', async () => {
    const a = await writer.create(draft, page);
    const created = (await db.versions.get(a.id))!;
    expect(created).toMatchObject({ gen: 0, t: now, deleted: false, prev: null });
    await writer.update(a.id, { note: 'n' });
    const edited = (await db.versions.get(a.id))!;
    expect(edited.t).toBeGreaterThan(created.t);
    expect(edited.prev).toEqual({ gen: 0, t: created.t, dev: created.dev });
    await writer.delete(a.id);
    const gone = (await db.versions.get(a.id))!;
    expect(gone).toMatchObject({ gen: 1, deleted: true });
    expect(gone.seq).toBeGreaterThan(edited.seq);
    expect(await readSeq(db, 'seq')).toBe(gone.seq);
  });

  it('raises the lifecycle again when a deletion is undone', async () => {
    const a = await writer.create(draft, page);
    await writer.delete(a.id);
    await writer.save(a);
    expect(await db.versions.get(a.id)).toMatchObject({ gen: 2, deleted: false });
  });

  it('keeps a tombstone for every annotation that delete-all removed', async () => {
    const ids = [(await writer.create(draft, page)).id, (await writer.create(draft, page)).id];
    await writer.deleteAll();
    const rows = await db.versions.bulkGet(ids);
    expect(rows.map((r) => r?.deleted)).toEqual([true, true]);
  });

  it('journals what an import wrote and nothing it skipped', async () => {
    const kept = sampleAnnotation({ id: '00000000-0000-4000-8000-0000000000aa' });
    await writer.importWrite([kept], 'skip');
    const before = (await db.versions.get(kept.id))!;
    await writer.importWrite([{ ...kept, note: 'changed' }], 'skip');
    expect(await db.versions.get(kept.id)).toEqual(before);
    await writer.importWrite([{ ...kept, note: 'changed' }], 'update');
    expect((await db.versions.get(kept.id))!.seq).toBeGreaterThan(before.seq);
  });

  it('writes no version when the change itself fails', async () => {
    const a = await writer.create(draft, page);
    const before = await db.versions.toArray();
    await expect(writer.update(a.id, { note: 'x'.repeat(200_000) })).rejects.toThrow();
    expect(await db.versions.toArray()).toEqual(before);
  });
});
