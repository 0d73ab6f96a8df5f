import { afterEach, describe, expect, it } from 'vitest';
import type { Version } from '@/components/sync/versions';
import type { SourcemarkDB } from '@/storage/db/db';
import { DIGEST_SHARDS, buildDigest, contentOf, digestRowOf, rowsOf, shardOf, type DigestShard } from '@/storage/db/digest';
import { haystackOf } from '@/storage/db/queries';
import { COLORS, type Annotation } from '@/storage/model/annotation';
import { sampleAnnotation } from '../support/sample-annotation';
import { draft, harness, uuid, type Harness } from './background-harness';

/**
 * The search digest says exactly what the annotations table says, whichever way the table was
 * written: after any sequence of writes through every path of the writer (and direct Dexie
 * writes), the stored shards equal the shards built from the table as it is.
 */

/** Stored shards without the empty ones (a new database has none until something is written). */
async function storedDigest(db: SourcemarkDB): Promise<Omit<DigestShard, 'rev'>[]> {
  return (await db.digest.orderBy('shard').toArray()).filter((s) => s.count > 0).map(contentOf);
}

async function expectedDigest(db: SourcemarkDB): Promise<Omit<DigestShard, 'rev'>[]> {
  return buildDigest(await db.annotations.toArray()).filter((s) => s.count > 0).map(contentOf);
}

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const WORDS = ['密约', 'Alaska', 'ＡＢＣ', 'note', '来源？', 'Ünïcode', 'ﬁne', ''];

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('the search digest', () => {
  it('puts every id in one stable shard of 32', () => {
    expect(shardOf(uuid(1))).toBe(shardOf(uuid(1)));
    const used = new Set(Array.from({ length: 1000 }, (_, i) => shardOf(uuid(i))));
    expect(used.size).toBe(DIGEST_SHARDS);
    expect(Math.max(...used)).toBe(DIGEST_SHARDS - 1);
  });

  it('holds what the list shows and the folded text a search looks in, not the selectors', () => {
    const a = sampleAnnotation({ note: 'ＡＢＣ Note', tags: ['地缘', 'X'], assessment: { verdict: 'false', evidence: ['https://example.com/'] } });
    const [row] = rowsOf(buildDigest([a])[shardOf(a.id)]!);
    expect(row).toEqual({
      id: a.id,
      pageKey: a.pageKey,
      title: a.title,
      site: a.site,
      url: a.url,
      updated: a.updated,
      created: a.created,
      color: a.color,
      tags: ['地缘', 'X'],
      quote: '可以确定所谓美俄阿拉斯加密约',
      note: 'ＡＢＣ Note',
      start: 120,
      verdict: 'false',
      text: haystackOf(a),
    });
    expect(JSON.stringify(buildDigest([a]))).not.toContain('媒体“漏风”');
  });

  it.each([1, 2, 3, 4, 5])('equals the digest built from the table after random writes through every path (seed %i)', async (seed) => {
    const r = random(seed);
    h = harness();
    const { db, writer } = h;
    const deleted: Annotation[] = [];
    let n = 1000;
    const some = async () => {
      const ids = (await db.annotations.toCollection().primaryKeys()) as string[];
      return ids.length ? (await db.annotations.get(r.pick(ids)))! : null;
    };
    const fresh = () =>
      sampleAnnotation({
        id: uuid(n++),
        pageKey: `example.com/${r.int(5)}`,
        note: r.pick(WORDS),
        tags: r.next() < 0.5 ? [r.pick(WORDS) || 't'] : [],
        color: r.pick(COLORS),
        updated: new Date(Date.UTC(2026, 0, 1 + r.int(60))).toISOString(),
      });
    for (let step = 0; step < 60; step++) {
      const op = r.int(100);
      if (op < 25) {
        await writer.create(draft({ note: r.pick(WORDS), color: r.pick(COLORS) }), { pageKey: `example.com/${r.int(5)}`, url: `https://example.com/${r.int(5)}` });
      } else if (op < 40) {
        const a = await some();
        if (a) await writer.update(a.id, r.next() < 0.5 ? { note: r.pick(WORDS) } : { color: r.pick(COLORS), tags: [r.pick(WORDS) || 'x'] });
      } else if (op < 52) {
        const a = await some();
        if (a && (await writer.delete(a.id))) deleted.push(a);
      } else if (op < 60) {
        // Undo: the deleted record, whole, as the popup sends it back.
        const a = deleted.pop();
        if (a) await writer.save(a);
      } else if (op < 72) {
        const a = await some();
        const batch = [fresh(), fresh(), ...(a ? [{ ...a, note: `${a.note} imported` }] : [])];
        await writer.importWrite(batch, r.next() < 0.5 ? 'update' : 'skip');
      } else if (op < 90) {
        const a = await some();
        const versions: Version[] = [];
        const remote = fresh();
        versions.push({ id: remote.id, pageKey: remote.pageKey, gen: 0, t: 9e12, dev: 'ffffffffffffffff', deleted: false, prev: null, annotation: remote });
        if (a) {
          versions.push(
            r.next() < 0.5
              ? { id: a.id, pageKey: a.pageKey, gen: 5, t: 9e12, dev: 'ffffffffffffffff', deleted: true, prev: null }
              : { id: a.id, pageKey: a.pageKey, gen: 5, t: 9e12, dev: 'ffffffffffffffff', deleted: false, prev: null, annotation: { ...a, note: 'from another device' } },
          );
        }
        await writer.applySync(versions);
      } else if (op < 95) {
        // A direct Dexie write, as tests and future code may make: the digest follows it too.
        await db.annotations.bulkPut([fresh(), fresh()]);
      } else {
        await writer.deleteAll();
      }
      expect(await storedDigest(db)).toEqual(await expectedDigest(db));
    }
    expect(await db.annotations.count()).toBeGreaterThan(0);
  });

  it('counts each rewrite of a shard, so that a reader can skip the shards it already has', async () => {
    h = harness();
    const a = sampleAnnotation({ id: uuid(1) });
    await h.db.annotations.put(a);
    await h.writer.update(a.id, { note: 'again' });
    const shard = await h.db.digest.get(shardOf(a.id));
    expect(shard?.rev).toBe(2);
    expect(rowsOf(shard!).map((r) => r.note)).toEqual(['again']);
  });

  it('changes neither the table nor the digest when a write fails half-way', async () => {
    h = harness();
    const { db, writer } = h;
    await writer.importWrite([sampleAnnotation({ id: uuid(1) })], 'skip');
    const before = await storedDigest(db);
    const bad = { ...sampleAnnotation({ id: uuid(2) }), color: 'plaid' } as unknown as Annotation;
    await expect(writer.importWrite([sampleAnnotation({ id: uuid(3) }), bad], 'skip')).rejects.toThrow();
    expect(await db.annotations.count()).toBe(1);
    expect(await storedDigest(db)).toEqual(before);
    expect(before.flatMap((s) => rowsOf({ ...s, rev: 0 }).map((r) => r.id))).toEqual([uuid(1)]);
  });

  it('builds a row exactly as the shard stores it', () => {
    const a = sampleAnnotation({ selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }] });
    expect(rowsOf(buildDigest([a])[shardOf(a.id)]!)).toEqual([digestRowOf(a)]);
    expect(digestRowOf(a).start).toBeNull();
  });
});
