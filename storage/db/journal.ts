import { nextStamp, type Stamp } from '@/components/sync/versions';
import type { SourcemarkDB } from './db';
import { newDeviceId } from './device';
import type { VersionRow } from './version-row';

/**
 * Records local changes as versions (components/sync/versions.ts). Called by the writer inside
 * the same transaction as the change itself, so a change and its version land together or not
 * at all; it runs whether or not sync is set up, so that setting it up later sends everything
 * and a deletion made before still travels as a tombstone.
 */

export interface LocalChange {
  id: string;
  pageKey: string;
  change: 'edit' | 'delete';
}

/** The tables a transaction must include to journal. */
export function journalTables(db: SourcemarkDB) {
  return [db.versions, db.syncState] as const;
}

export async function deviceId(db: SourcemarkDB): Promise<string> {
  const row = await db.syncState.get('device');
  if (typeof row?.value === 'string') return row.value;
  const dev = newDeviceId();
  await db.syncState.put({ key: 'device', value: dev });
  return dev;
}

export async function readSeq(db: SourcemarkDB, key: 'seq' | 'pushedSeq'): Promise<number> {
  const row = await db.syncState.get(key);
  return typeof row?.value === 'number' ? row.value : 0;
}

export async function journal(db: SourcemarkDB, changes: readonly LocalChange[], now: number): Promise<void> {
  if (!changes.length) return;
  const dev = await deviceId(db);
  let seq = await readSeq(db, 'seq');
  const before = await db.versions.bulkGet(changes.map((c) => c.id));
  const latest = new Map<string, VersionRow>();
  const rows = changes.map((c, i) => {
    const prev: VersionRow | undefined = latest.get(c.id) ?? before[i];
    const stamp: Stamp = nextStamp(prev, c.change, now, dev);
    const row: VersionRow = {
      id: c.id,
      pageKey: c.pageKey,
      ...stamp,
      prev: prev ? { gen: prev.gen, t: prev.t, dev: prev.dev } : null,
      seq: ++seq,
    };
    latest.set(c.id, row);
    return row;
  });
  await db.versions.bulkPut(rows);
  await db.syncState.put({ key: 'seq', value: seq });
}
