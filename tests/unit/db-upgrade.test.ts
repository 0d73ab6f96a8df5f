import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, SCHEMA_VERSIONS, SourcemarkDB } from '@/storage/db/db';
import { SCHEMA_VERSION } from '@/storage/db/schema-version';
import { DIGEST_SHARDS, buildDigest, contentOf, digestRowOf, shardOf } from '@/storage/db/digest';
import { sampleAnnotation } from '../support/sample-annotation';
import { buildPageRows } from '@/storage/db/page-row';

/**
 * The upgrade harness: for every schema version that has shipped, write a database exactly as
 * that release wrote it, then open it with the current code and check every record survived.
 * A new version only needs an entry in SCHEMA_VERSIONS (and, if records change shape, an
 * expectation below).
 */
const RECORDS = 10_000;

describe('database upgrades', () => {
  it('declares versions in increasing order, the last one current', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_VERSION).toBe(versions.at(-1));
    // The popup's first script reads the digest only under this number (no Dexie there).
    expect(SCHEMA_VERSION).toBe(CURRENT_VERSION);
  });

  for (const old of SCHEMA_VERSIONS) {
    it(`opens a database written by schema version ${old.version} with every record intact`, async () => {
      const name = `upgrade-from-${old.version}-${Math.random()}`;
      const written = new SourcemarkDB(name, SCHEMA_VERSIONS.filter((v) => v.version <= old.version));
      // 10,000 records, the order of a heavy reader's years of notes, written in one bulkPut.
      const records = Array.from({ length: RECORDS }, (_, i) =>
        sampleAnnotation({
          id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
          pageKey: `page-${i % 37}`,
          tags: i % 3 ? ['a', `t${i % 5}`] : [],
        }),
      );
      await written.annotations.bulkPut(records);
      await written.settings.put({ key: 'claims.enabled', value: false });
      written.close();

      const current = new SourcemarkDB(name);
      await current.open();
      expect(current.verno).toBe(CURRENT_VERSION);
      expect(await current.annotations.count()).toBe(RECORDS);
      expect(await current.annotations.orderBy('id').toArray()).toEqual(records);
      expect(await current.settings.get('claims.enabled')).toEqual({ key: 'claims.enabled', value: false });
      // Indexes of the current version answer queries on upgraded data.
      expect(await current.annotations.where('pageKey').equals('page-3').count()).toBe(
        records.filter((r) => r.pageKey === 'page-3').length,
      );
      expect(await current.annotations.where('tags').equals('t1').count()).toBe(
        records.filter((r) => r.tags.includes('t1')).length,
      );
      // The search digest says what the table says, whether the upgrade built it or writes kept it.
      expect((await current.digest.orderBy('shard').toArray()).map(contentOf)).toEqual(buildDigest(records).map(contentOf));
      // So do the page rows: 37 pages of about 270 annotations each.
      const pages = await current.pages.orderBy('pageKey').toArray();
      expect(pages).toHaveLength(37);
      expect(pages).toEqual(buildPageRows(records).sort((a, b) => (a.pageKey < b.pageKey ? -1 : 1)));
      current.close();
      await Dexie.delete(name);
    }, 60_000);
  }

  it('packs a digest that schema version 4 stored as one array per field', async () => {
    const name = `upgrade-digest-${Math.random()}`;
    const v4 = new SourcemarkDB(name, SCHEMA_VERSIONS.filter((v) => v.version <= 4));
    const records = Array.from({ length: 300 }, (_, i) =>
      sampleAnnotation({ id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, pageKey: `page-${i % 7}`, note: `笔记 ${i}` }),
    );
    await v4.annotations.bulkPut(records);
    // The shards as version 4 wrote them: rows by id, one array per field.
    const FIELDS = ['id', 'pageKey', 'title', 'site', 'url', 'updated', 'created', 'color', 'tags', 'quote', 'note', 'start', 'verdict', 'text'] as const;
    const legacy = Array.from({ length: DIGEST_SHARDS }, (_, shard) => {
      const rows = records.filter((a) => shardOf(a.id) === shard).map(digestRowOf).sort((a, b) => (a.id < b.id ? -1 : 1));
      return { shard, rev: 3, ...Object.fromEntries(FIELDS.map((f) => [f, rows.map((r) => r[f])])) };
    });
    await v4.digest.clear();
    await v4.table('digest').bulkPut(legacy);
    v4.close();

    const current = new SourcemarkDB(name);
    await current.open();
    expect((await current.digest.orderBy('shard').toArray()).map(contentOf)).toEqual(buildDigest(records).map(contentOf));
    current.close();
    await Dexie.delete(name);
  });

  it('makes every annotation written before sync existed a change of this device, for the first sync to send', async () => {
    const name = `upgrade-sync-${Math.random()}`;
    const v1 = new SourcemarkDB(name, SCHEMA_VERSIONS.filter((v) => v.version === 1));
    const records = [0, 1, 2].map((i) => sampleAnnotation({ id: `00000000-0000-4000-8000-00000000000${i}`, updated: `2026-01-0${i + 1}T00:00:00.000Z` }));
    await v1.annotations.bulkPut(records);
    v1.close();
    const current = new SourcemarkDB(name);
    const rows = await current.versions.orderBy('id').toArray();
    const dev = (await current.syncState.get('device'))?.value;
    expect(dev).toMatch(/^[0-9a-f]{16}$/);
    expect(rows.map((r) => [r.id, r.t, r.dev, r.deleted, r.gen])).toEqual(records.map((r) => [r.id, Date.parse(r.updated), dev, false, 0]));
    expect(new Set(rows.map((r) => r.seq)).size).toBe(3);
    expect((await current.syncState.get('seq'))?.value).toBe(3);
    current.close();
    await Dexie.delete(name);
  });
});
