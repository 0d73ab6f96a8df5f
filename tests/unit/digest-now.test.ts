import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, SCHEMA_VERSIONS, SourcemarkDB } from '@/storage/db/db';
import { buildDigest, contentOf } from '@/storage/db/digest';
import { askDigest, readDigestNow } from '@/storage/db/digest-now';
import { makeLibrary } from '../bench/popup-data';

/** The popup's plain read of the search digest, before Dexie is open. */
describe('readDigestNow', () => {
  const names: string[] = [];
  const fresh = () => {
    const name = `digest-now-${Math.random()}`;
    names.push(name);
    return name;
  };
  afterEach(async () => {
    await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
  });

  it('reads the digest Dexie keeps, shard for shard', async () => {
    const name = fresh();
    const db = new SourcemarkDB(name);
    const library = makeLibrary(30, 4);
    await db.annotations.bulkPut(library);
    db.close();
    const shards = await readDigestNow(name, CURRENT_VERSION);
    expect(shards?.map(contentOf)).toEqual(buildDigest(library).map(contentOf));
  });

  it('has nothing to take until the database answered, then the same shards on every take', async () => {
    const name = fresh();
    const db = new SourcemarkDB(name);
    const library = makeLibrary(30, 4);
    await db.annotations.bulkPut(library);
    db.close();
    const asked = askDigest(name, CURRENT_VERSION);
    expect(asked.take()).toBeUndefined();
    await asked.answered;
    const shards = asked.take();
    expect(shards?.map(contentOf)).toEqual(buildDigest(library).map(contentOf));
    expect(asked.take()).toBe(shards);
  });

  it('reads nothing from a database of an older version, whose digest is in another form', async () => {
    const name = fresh();
    const old = new SourcemarkDB(name, SCHEMA_VERSIONS.filter((v) => v.version < CURRENT_VERSION));
    await old.annotations.bulkPut(makeLibrary(3, 2));
    old.close();
    expect(await readDigestNow(name, CURRENT_VERSION)).toBeNull();
    // Nor does it stand in the way of the upgrade.
    const current = new SourcemarkDB(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_VERSION);
    current.close();
  });

  it('creates no database when there is none', async () => {
    const name = fresh();
    expect(await readDigestNow(name, CURRENT_VERSION)).toBeNull();
    expect(await Dexie.exists(name)).toBe(false);
  });
});
