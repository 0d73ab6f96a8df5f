import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { digestNow, digestRead, seedDigest } from '@/components/ui/popup/seeded-digest';
import { SourcemarkDB } from '@/storage/db/db';
import { buildDigest, contentOf } from '@/storage/db/digest';
import { makeLibrary } from '../bench/popup-data';

/** The App's side of the first script's digest read (components/ui/popup/seeded-digest.ts). */
describe('the seeded digest', () => {
  const names: string[] = [];
  afterEach(async () => {
    await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
  });
  async function stored() {
    const name = `seeded-${Math.random()}`;
    names.push(name);
    const db = new SourcemarkDB(name);
    const library = makeLibrary(30, 4);
    await db.annotations.bulkPut(library);
    return { db, library };
  }

  it('gives the App the first script’s read, once it is in, without reading again', async () => {
    const { db } = await stored();
    const shards = buildDigest(makeLibrary(2, 2));
    seedDigest(db, Promise.resolve(shards));
    expect(digestNow(db)).toBeUndefined();
    await Promise.resolve();
    expect(digestNow(db)).toBe(shards);
    expect(await digestRead(db)).toBe(shards);
  });

  it('reads the digest itself when the first script answered nothing (it did not run, or could not read)', async () => {
    const { db, library } = await stored();
    seedDigest(db, Promise.resolve(null));
    await Promise.resolve();
    expect(digestNow(db)).toBeUndefined();
    expect((await digestRead(db))?.map(contentOf)).toEqual(buildDigest(library).map(contentOf));
  });

  it('reads the digest itself for another database than the one seeded', async () => {
    const { db: seeded } = await stored();
    seedDigest(seeded, Promise.resolve(buildDigest(makeLibrary(2, 2))));
    const { db, library } = await stored();
    expect(digestNow(db)).toBeUndefined();
    expect((await digestRead(db))?.map(contentOf)).toEqual(buildDigest(library).map(contentOf));
  });
});
