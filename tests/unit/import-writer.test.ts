import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/storage/model/annotation';
import { SourcemarkDB } from '@/storage/db/db';
import { parseImportFile } from '@/storage/formats/import';
import { previewImport, writeImport } from '@/storage/db/import-writer';
import { makeLibrary } from '../bench/popup-data';
import { sampleAnnotation } from '../support/sample-annotation';

const fixture = (name: string): string =>
  readFileSync(resolve(__dirname, '../fixtures/hypothesis-import', name), 'utf8');
const NOW = new Date('2026-03-01T00:00:00.000Z');

function parsed(name: string) {
  const r = parseImportFile(fixture(name), { now: NOW, fallbackUri: 'https://example.com/minimal' });
  if (!r.ok) throw new Error(r.error);
  return r;
}

async function snapshot(db: SourcemarkDB): Promise<Annotation[]> {
  return db.annotations.orderBy('id').toArray();
}

describe('import writer', () => {
  let db: SourcemarkDB;
  beforeEach(() => {
    db = new SourcemarkDB(`import-${Math.random()}`);
  });

  it('previews new, present, changed and invalid items without writing', async () => {
    const [a, b, c] = makeLibrary(1, 3);
    await db.annotations.bulkPut([a!, { ...b!, note: 'my older note' }]);
    const before = await snapshot(db);
    const invalid = [{ index: 3, path: 'rows[3].target', message: 'no quote' }];
    const preview = await previewImport(db, [a!, b!, c!], invalid);
    expect(preview).toEqual({ new: [c!.id], present: [a!.id], changed: [b!.id], invalid });
    expect(await snapshot(db)).toEqual(before);
  });

  it('treats a stored record with its keys in another order as the same', async () => {
    const a = sampleAnnotation();
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Annotation;
    await db.annotations.put(reordered);
    expect((await previewImport(db, [a])).present).toEqual([a.id]);
  });

  it('skip mode adds new ones and keeps what is stored', async () => {
    const [a, b] = makeLibrary(1, 2);
    await db.annotations.put({ ...a!, note: 'mine' });
    const out = await writeImport(db, [a!, b!], 'skip');
    expect(out).toMatchObject({ added: 1, updated: 0, unchanged: 1 });
    expect((await db.annotations.get(a!.id))!.note).toBe('mine');
    expect(await db.annotations.count()).toBe(2);
  });

  it('update mode replaces changed ones; ids are never doubled, even repeated in the input', async () => {
    const [a, b] = makeLibrary(1, 2);
    await db.annotations.put({ ...a!, note: 'mine' });
    const out = await writeImport(db, [a!, b!, { ...b!, note: 'second copy' }], 'update');
    expect(out).toMatchObject({ added: 1, updated: 1, unchanged: 1, pageKeys: [a!.pageKey] });
    expect((await db.annotations.get(a!.id))!.note).toBe(a!.note);
    expect((await db.annotations.get(b!.id))!.note).toBe(b!.note);
    expect(await db.annotations.count()).toBe(2);
    // Importing the same set again changes nothing.
    expect(await writeImport(db, [a!, b!], 'update')).toMatchObject({ added: 0, updated: 0, unchanged: 2, pageKeys: [] });
    expect(await db.annotations.count()).toBe(2);
  });

  it('writes all or nothing: one failing put rolls back the whole import', async () => {
    const existing = sampleAnnotation();
    await db.annotations.put(existing);
    const before = await snapshot(db);
    const incoming = makeLibrary(3, 400); // 1,200: more than one write chunk
    const doomed = incoming[1100]!.id;
    db.annotations.hook('creating', (_key, obj: Annotation) => {
      if (obj.id === doomed) throw new Error('disk full');
    });
    const progress: number[] = [];
    await expect(writeImport(db, incoming, 'update', { onProgress: (n) => progress.push(n) })).rejects.toThrow();
    expect(progress).toContain(1000); // earlier chunks were written inside the transaction…
    expect(await snapshot(db)).toEqual(before); // …and rolled back
  });

  it('refuses a record the schema refuses, before writing any', async () => {
    const [a] = makeLibrary(1, 1);
    const bad = { ...sampleAnnotation(), color: 'red' } as unknown as Annotation;
    await expect(writeImport(db, [a!, bad], 'skip')).rejects.toThrow();
    expect(await db.annotations.count()).toBe(0);
  });

  it.each(['wikipedia-regression-testing.json', 'mixed.json', 'minimal.json'])(
    'imports the Hypothesis fixture %s, and importing it again adds nothing',
    async (name) => {
      const r = parsed(name);
      const first = await previewImport(db, r.annotations, r.invalid);
      expect(first.new).toHaveLength(r.annotations.length);
      expect(first.invalid).toEqual(r.invalid);
      const out = await writeImport(db, r.annotations, 'skip');
      expect(out.added).toBe(r.annotations.length);
      expect(await db.annotations.count()).toBe(r.annotations.length);

      const again = parsed(name);
      const second = await previewImport(db, again.annotations, again.invalid);
      expect(second).toMatchObject({ new: [], changed: [], present: again.annotations.map((a) => a.id) });
      await writeImport(db, again.annotations, 'update');
      expect(await db.annotations.count()).toBe(r.annotations.length);
    },
  );

  it('lists the rows of mixed.json that cannot be imported', () => {
    const r = parsed('mixed.json');
    expect(r.invalid.length).toBeGreaterThan(0);
    expect(r.invalid.every((i) => i.path.startsWith('rows['))).toBe(true);
  });
});

describe('import writer with many records', () => {
  it('classifies and writes a large import the same way (chunked reads instead of per-id gets)', async () => {
    const db = new SourcemarkDB(`import-big-${Math.random()}`);
    const library = makeLibrary(30, 20); // 600 records
    await db.annotations.bulkPut(library.slice(0, 300));
    await db.annotations.put({ ...library[5]!, note: 'edited here' });
    const preview = await previewImport(db, library);
    expect([preview.new.length, preview.present.length, preview.changed]).toEqual([300, 299, [library[5]!.id]]);
    expect(await writeImport(db, library, 'update')).toMatchObject({ added: 300, updated: 1, unchanged: 299 });
    expect(await db.annotations.count()).toBe(600);
  });
});
