import { afterEach, describe, expect, it } from 'vitest';
import { compareStamps, type Stamp } from '@/components/sync/versions';
import { COLORS } from '@/storage/model/colors';
import type { Annotation } from '@/storage/model/annotation';
import { MemoryRemote } from '../support/memory-remote';
import { SyncDevice } from '../support/sync-device';

/**
 * The merge's promises, checked over random histories: three devices share one in-memory WebDAV
 * server; each creates, edits, recolours, deletes and undoes deletions, with clocks that disagree
 * by minutes, and syncs whenever the dice say. Afterwards every device syncs until nothing
 * moves, and then:
 *  - all three hold the same annotations and the same versions;
 *  - each annotation is the greatest version ever made of it (no change lost to an older one);
 *  - a deleted annotation is alive only if a restore was made after its last deletion (an old
 *    copy never brings it back).
 * Some syncs break half-way (a request fails, or the server acts and the answer is lost); the
 * promises hold all the same.
 */

/** A small deterministic generator (mulberry32): a failing seed can be run again. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Made {
  stamp: Stamp;
  record: Annotation | null;
  restore: boolean;
}

const devices: SyncDevice[] = [];
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
});

async function history(seed: number, steps: number, opts: { honourConditions: boolean }) {
  const random = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const remote = new MemoryRemote();
  remote.honourConditions = opts.honourConditions;
  // Clocks minutes apart: a device behind must still win with an edit made on top of another's.
  const ds = ['aaaa', 'bbbb', 'cccc'].map((n, i) => new SyncDevice(n, remote, undefined, Date.UTC(2026, 11, 5, 8) + i * 180_000 * (i % 2 ? -1 : 1)));
  devices.push(...ds);
  const made = new Map<string, Made[]>();
  let faults = 0;
  const deletedHere = new Map<SyncDevice, Annotation[]>(ds.map((d) => [d, []]));

  const record = async (d: SyncDevice, id: string, restore = false) => {
    const row = (await d.db.versions.get(id))!;
    const a = (await d.db.annotations.get(id)) ?? null;
    made.set(id, [...(made.get(id) ?? []), { stamp: row, record: a, restore }]);
  };

  for (let step = 0; step < steps; step++) {
    const d = pick(ds);
    d.tick(1 + Math.floor(random() * 5000));
    const mine = await d.db.annotations.toArray();
    const roll = random();
    if (roll < 0.2 || !mine.length) {
      const a = await d.highlight(`quote ${step}`, random() < 0.5 ? `note ${step}` : '');
      await record(d, a.id);
    } else if (roll < 0.4) {
      const a = pick(mine);
      await d.writer.update(a.id, { note: `${d.name} says ${step}`, tags: random() < 0.3 ? [`t${step}`] : a.tags });
      await record(d, a.id);
    } else if (roll < 0.5) {
      const a = pick(mine);
      await d.writer.update(a.id, { color: pick(COLORS) });
      await record(d, a.id);
    } else if (roll < 0.6) {
      const a = pick(mine);
      await d.writer.delete(a.id);
      deletedHere.get(d)!.push(a);
      await record(d, a.id);
    } else if (roll < 0.65 && deletedHere.get(d)!.length) {
      // The popup's undo: the record as it was, on the device that deleted it.
      const a = deletedHere.get(d)!.pop()!;
      if (!(await d.db.annotations.get(a.id))) {
        await d.writer.save(a);
        await record(d, a.id, true);
      }
    } else if (roll < 0.72) {
      // A sync that breaks half-way: a request fails, or the server acts and the answer is lost.
      const method = pick(['PROPFIND', 'GET', 'PUT', 'MOVE', 'DELETE']);
      if (random() < 0.5) remote.failNext(method, pick([null, 500, 507, 412]));
      else remote.loseAnswerOfNext(method);
      await d.sync().catch(() => undefined);
      // A fault armed for a request this sync never made is disarmed.
      remote.clearFaults();
      faults++;
    } else {
      await d.sync();
    }
  }
  // Quiesce: two rounds reach everyone (a change read in round one is sent in round two).
  for (let round = 0; round < 3; round++) for (const d of ds) await d.sync();
  return { ds, made, faults };
}

describe('sync over three devices with random histories', () => {
  for (const [seed, honour] of Array.from({ length: 12 }, (_, i) => [i + 1, i % 3 !== 2] as const)) {
    it(`converges without losing a change or resurrecting a deletion (seed ${seed}, ${honour ? 'Apache-like' : 'rclone-like'} server)`, async () => {
      const { ds, made, faults } = await history(seed, 220, { honourConditions: honour });
      const [a, ...rest] = ds;
      const expected = await a!.annotations();
      const expectedVersions = await a!.versions();
      for (const d of rest) {
        expect(await d.annotations()).toEqual(expected);
        expect(await d.versions()).toEqual(expectedVersions);
      }
      const live = new Map(expected.map((x) => [x.id, x]));
      let deletions = 0;
      for (const [id, versions] of made) {
        const greatest = versions.reduce((best, v) => (compareStamps(v.stamp, best.stamp) > 0 ? v : best));
        // No change lost to an older one: what everyone holds is the greatest version made.
        expect(live.get(id) ?? null).toEqual(greatest.record);
        const lastDelete = versions.filter((v) => v.stamp.deleted).reduce<Made | null>((best, v) => (!best || compareStamps(v.stamp, best.stamp) > 0 ? v : best), null);
        if (lastDelete) {
          deletions++;
          if (live.has(id)) {
            // Alive after a deletion only by a restore made after it.
            expect(versions.some((v) => v.restore && compareStamps(v.stamp, lastDelete.stamp) > 0)).toBe(true);
          }
        }
      }
      // The history exercised what it claims to.
      expect(made.size).toBeGreaterThan(20);
      expect(deletions).toBeGreaterThan(3);
      expect(faults).toBeGreaterThan(3);
    }, 60_000);
  }
});
