import Dexie, { type Table, type Transaction } from 'dexie';
import type { Annotation } from '../model/annotation';

/**
 * The one database, in the extension's origin. Content scripts never open it (their IndexedDB
 * would be the web page's); they reach it through storage/messaging/protocol.ts, and only the
 * background writes (storage/db/writer.ts).
 *
 * Versions are append-only: a shipped entry is never edited. A schema change adds an entry with
 * an `upgrade` that rewrites old records; tests/unit/db-upgrade.test.ts opens a database written
 * by every earlier version under the current one and checks that no record is lost.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // pageKey: the page's annotations; updated/created: newest first; *tags: filter by tag.
      annotations: 'id, pageKey, created, updated, *tags, color',
      // Small key-value settings (claim marks on/off, banner on/off, default colour …).
      settings: 'key',
    },
  },
];

export const DB_NAME = 'sourcemark';

export interface Setting {
  key: string;
  value: unknown;
}

export class SourcemarkDB extends Dexie {
  annotations!: Table<Annotation, string>;
  settings!: Table<Setting, string>;

  /** `versions` is for upgrade tests, which open the database as an older release wrote it. */
  constructor(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
