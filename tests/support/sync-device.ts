import Dexie from 'dexie';
import { syncOnce, type SyncCodec, type SyncFileBody, type SyncReport } from '@/components/sync/engine';
import type { Remote } from '@/components/sync/remote';
import { SourcemarkDB } from '@/storage/db/db';
import { DexieSyncLocal } from '@/storage/db/sync-local';
import { Writer } from '@/storage/db/writer';
import type { Annotation } from '@/storage/model/annotation';
import type { VersionRow } from '@/storage/db/version-row';

/**
 * A codec that stores files as plain JSON with a name check: the engine's tests are about
 * merging and files, the cipher has its own (tests/unit/sync-cipher.test.ts). A file whose bytes
 * are not such JSON, or that names another file, is damaged, as a sealed one would be.
 */
export function plainCodec(keyFileText = '{"key":"k1"}'): SyncCodec {
  return {
    keyFileText,
    async write(name, file) {
      return new TextEncoder().encode(JSON.stringify({ name, file }));
    },
    async read(name, bytes) {
      let parsed: { name?: string; file?: SyncFileBody };
      try {
        parsed = JSON.parse(new TextDecoder().decode(bytes)) as typeof parsed;
      } catch {
        throw Object.assign(new Error(`${name}: not a sync file`), { name: 'DamagedFileError' });
      }
      if (parsed.name !== name || !parsed.file) throw Object.assign(new Error(`${name}: opened under another name`), { name: 'DamagedFileError' });
      return parsed.file;
    },
    async keyOpens(text) {
      try {
        return (JSON.parse(text) as { key?: string }).key === (JSON.parse(keyFileText) as { key: string }).key;
      } catch {
        throw Object.assign(new Error('keys.json: not a key file'), { name: 'DamagedFileError' });
      }
    },
  };
}

/** A device: its own database, writer with its own clock, and the engine over a shared remote. */
export class SyncDevice {
  readonly db: SourcemarkDB;
  readonly writer: Writer;
  readonly local: DexieSyncLocal;
  clock: number;
  private ids = 0;

  constructor(
    readonly name: string,
    readonly remote: Remote,
    readonly codec: SyncCodec = plainCodec(),
    startClock = Date.UTC(2026, 11, 5, 8),
  ) {
    this.clock = startClock;
    this.db = new SourcemarkDB(`sync-${name}-${Math.random()}`);
    this.writer = new Writer(this.db, () => undefined, {
      now: () => new Date(this.clock),
      newId: () => `00000000-0000-4000-8000-${(this.ids++).toString(16).padStart(4, '0')}${name.padEnd(8, '0').slice(0, 8).replace(/[^0-9a-f]/g, 'a')}`,
    });
    this.local = new DexieSyncLocal(this.db, this.writer);
  }

  tick(ms = 1000): void {
    this.clock += ms;
  }

  sync(): Promise<SyncReport> {
    return syncOnce({ remote: this.remote, local: this.local, codec: this.codec, compactAfter: 4 });
  }

  async highlight(quote: string, note = ''): Promise<Annotation> {
    this.tick();
    return this.writer.create(
      { selectors: [{ type: 'TextQuoteSelector', exact: quote }], color: 'yellow', title: `about ${quote}`, note },
      { pageKey: 'example.com/a', url: 'https://example.com/a' },
    );
  }

  /** Every annotation, in id order, for comparing devices. */
  annotations(): Promise<Annotation[]> {
    return this.db.annotations.orderBy('id').toArray();
  }

  async versions(): Promise<Omit<VersionRow, 'seq'>[]> {
    return (await this.db.versions.orderBy('id').toArray()).map(({ seq: _seq, ...rest }) => rest);
  }

  async close(): Promise<void> {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}
