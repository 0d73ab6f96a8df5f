import Dexie, { type Table, type Transaction } from 'dexie';
import type { Annotation } from '../model/annotation';
import type { VersionRow } from './version-row';
import { newDeviceId } from './device';
import type { KeptAside } from '@/components/sync/kept-aside';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import type { LedgerRow } from './ledger-row';
import { DB_NAME } from './db-name';
import { buildDigest, type DigestShard } from './digest';
import { digestMiddleware } from './digest-sync';
import { buildPageRows, type PageRow } from './page-row';
import { pagesMiddleware } from './pages-sync';

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
  {
    // Sync (components/sync): each annotation's current version and this device's changes not
    // yet on the server (seq above the pushed mark), sync's own state, and notes that lost to a
    // newer change from another device. Existing annotations become this device's changes, so
    // the first sync sends them.
    version: 2,
    stores: {
      versions: 'id, seq, dev',
      syncState: 'key',
      keptAside: 'key, at',
    },
    async upgrade(tx) {
      const dev = newDeviceId();
      let seq = 0;
      const rows: VersionRow[] = [];
      await tx
        .table<Annotation, string>('annotations')
        .each((a) => {
          rows.push({ id: a.id, pageKey: a.pageKey, gen: 0, t: Date.parse(a.updated), dev, deleted: false, prev: null, seq: ++seq });
        });
      await tx.table('versions').bulkPut(rows);
      await tx.table('syncState').bulkPut([
        { key: 'device', value: dev },
        { key: 'seq', value: seq },
      ]);
    },
  },
  {
    // The fact-check work (components/factcheck): the first snapshot of each article the reader
    // annotated (by page key; by account for the ledger page), and the account ledger, one row
    // per article opened (its latest opening). New tables only: nothing to rewrite.
    version: 3,
    stores: {
      snapshots: 'pageKey, account, taken',
      ledger: 'pageKey, account, opened',
    },
  },
  {
    // The search digest (storage/db/digest.ts): what the popup lists and searches of every
    // annotation, in 32 shards of column arrays, so that it reads 32 small records instead of
    // 10,000 whole ones. Built here from the existing records; from then on every write to the
    // annotations table rewrites its shards in the same transaction (digest-sync.ts).
    version: 4,
    stores: {
      digest: 'shard',
    },
    async upgrade(tx) {
      const all = await tx.table<Annotation, string>('annotations').toArray();
      await tx.table('digest').bulkPut(buildDigest(all));
    },
  },
  {
    // The search digest packed (storage/db/digest-shard.ts): each shard's rows as a few long
    // strings and typed arrays of offsets, newest first, instead of one array per field, so that
    // reading it clones a few hundred objects instead of some 140,000 small strings. Same table
    // and key; the shards are rebuilt from the records.
    version: 5,
    stores: {
      digest: 'shard',
    },
    async upgrade(tx) {
      const all = await tx.table<Annotation, string>('annotations').toArray();
      await tx.table('digest').clear();
      await tx.table('digest').bulkPut(buildDigest(all));
    },
  },
  {
    // Each page's summary (storage/db/page-row.ts: its newest annotation's title, url and time,
    // and its count), so that the popup's first screen reads its newest pages in one request
    // instead of walking the annotations and counting each page's (which took 10–20 ms of a
    // cold popup's first 100). Built here from the records; from then on every write to the
    // annotations table rewrites the rows of the pages it touched in the same transaction
    // (pages-sync.ts).
    version: 6,
    stores: {
      pages: 'pageKey, [updated+newest]',
    },
    async upgrade(tx) {
      const all = await tx.table<Annotation, string>('annotations').toArray();
      await tx.table('pages').bulkPut(buildPageRows(all));
    },
  },
];

export { DB_NAME } from './db-name';

export interface Setting {
  key: string;
  value: unknown;
}

export class SourcemarkDB extends Dexie {
  annotations!: Table<Annotation, string>;
  settings!: Table<Setting, string>;
  versions!: Table<VersionRow, string>;
  syncState!: Table<Setting, string>;
  keptAside!: Table<KeptAside, string>;
  snapshots!: Table<ArticleSnapshot, string>;
  ledger!: Table<LedgerRow, string>;
  digest!: Table<DigestShard, number>;
  pages!: Table<PageRow, string>;

  /** `versions` is for upgrade tests, which open the database as an older release wrote it. */
  constructor(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    // Older schemas (upgrade tests) have no digest or pages to keep.
    if (versions.some((v) => v.stores['digest'])) this.use(digestMiddleware);
    if (versions.some((v) => v.stores['pages'])) this.use(pagesMiddleware);
  }
}

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
