import { EMPTY_ENGINE_STATE, type EngineState, type SyncLocal } from '@/components/sync/engine';
import type { Version } from '@/components/sync/versions';
import type { Annotation } from '../model/annotation';
import type { SourcemarkDB } from './db';
import { deviceId, readSeq } from './journal';
import type { VersionRow } from './version-row';
import type { Writer } from './writer';

/**
 * The sync engine's view of this device's database. Annotations change only through the Writer
 * (`applySync`), which tells the open pages; this class keeps sync's own bookkeeping in the
 * `syncState` table: how far the server has this device's changes, and the engine's state.
 */
export class DexieSyncLocal implements SyncLocal {
  constructor(
    private readonly db: SourcemarkDB,
    private readonly writer: Writer,
  ) {}

  device(): Promise<string> {
    return this.db.transaction('rw', this.db.syncState, () => deviceId(this.db));
  }

  pending(): Promise<{ versions: Version[]; upTo: number }> {
    return this.db.transaction('r', [this.db.versions, this.db.annotations, this.db.syncState], async () => {
      const pushed = await readSeq(this.db, 'pushedSeq');
      const rows = await this.db.versions.where('seq').above(pushed).toArray();
      return { versions: await this.withRecords(rows), upTo: await readSeq(this.db, 'seq') };
    });
  }

  authored(): Promise<{ versions: Version[]; upTo: number }> {
    return this.db.transaction('rw', [this.db.versions, this.db.annotations, this.db.syncState], async () => {
      const me = await deviceId(this.db);
      const rows = await this.db.versions.where('dev').equals(me).toArray();
      return { versions: await this.withRecords(rows), upTo: await readSeq(this.db, 'seq') };
    });
  }

  async markPushed(upTo: number): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      if (upTo > (await readSeq(this.db, 'pushedSeq'))) await this.db.syncState.put({ key: 'pushedSeq', value: upTo });
    });
  }

  skipSeq(seq: number): Promise<number> {
    return this.db.transaction('rw', this.db.syncState, async () => {
      const next = Math.max(await readSeq(this.db, 'seq'), seq + 1);
      await this.db.syncState.put({ key: 'seq', value: next });
      return next;
    });
  }

  apply(versions: readonly Version[]): Promise<number> {
    return this.writer.applySync(versions);
  }

  async loadState(): Promise<EngineState> {
    const row = await this.db.syncState.get('engine');
    return (row?.value as EngineState | undefined) ?? structuredClone(EMPTY_ENGINE_STATE);
  }

  async saveState(state: EngineState): Promise<void> {
    await this.db.syncState.put({ key: 'engine', value: state });
  }

  /** Changes the server does not have yet. */
  async pendingCount(): Promise<number> {
    const pushed = await readSeq(this.db, 'pushedSeq');
    return this.db.versions.where('seq').above(pushed).count();
  }

  /** A new server or a reset: everything this device made is sent again, nothing is assumed read. */
  async reset(): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      await this.db.syncState.bulkPut([
        { key: 'pushedSeq', value: 0 },
        { key: 'engine', value: structuredClone(EMPTY_ENGINE_STATE) },
      ]);
    });
  }

  private async withRecords(rows: VersionRow[]): Promise<Version[]> {
    const records = await this.db.annotations.bulkGet(rows.map((r) => r.id));
    const out: Version[] = [];
    rows.forEach((r, i) => {
      const stamp = { id: r.id, pageKey: r.pageKey, gen: r.gen, t: r.t, dev: r.dev, prev: r.prev };
      if (r.deleted) out.push({ ...stamp, deleted: true });
      else {
        const a: Annotation | undefined = records[i];
        // A live row always has its record (both are written in one transaction).
        if (a) out.push({ ...stamp, deleted: false, annotation: a });
      }
    });
    return out;
  }
}
