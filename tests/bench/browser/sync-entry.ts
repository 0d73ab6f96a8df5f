/**
 * The sync benchmark's helpers inside the built extension's service worker, bundled by esbuild
 * (tests/bench/sync-browser.ts) and evaluated there, so they run where SyncService runs: the same
 * V8, the same IndexedDB (the extension's own `sourcemark` database, opened a second time with
 * the extension's schema), the same fetch with the same host permission. They never drive sync:
 * that goes through the extension's own messages. They
 *
 *  - fill the library: annotations and one version row each, as the database's upgrade to
 *    version 2 journals a library made before sync existed (storage/db/db.ts), in one transaction;
 *  - run the peer: the same library as one plain JSON-LD export file (what a manual backup is),
 *    one PUT and one GET through the same WebdavRemote the extension uses;
 *  - take the first sync apart: reading this device's versions, the schema check, JSON, gzip and
 *    AES-GCM for the file written, and the same backwards for the file read (merging it into
 *    IndexedDB is what is left of a second device's first sync);
 *  - time PBKDF2 at the work factor set-up uses.
 */
import { deriveKey, KDF_ITERATIONS } from '@/components/sync/cipher';
import { SyncFileSchema, writeSyncFile } from '@/components/sync/sealed-file';
import { createWebdavRemote } from '@/components/sync/webdav-remote';
import { SourcemarkDB } from '@/storage/db/db';
import { deviceId, readSeq } from '@/storage/db/journal';
import { DexieSyncLocal } from '@/storage/db/sync-local';
import type { VersionRow } from '@/storage/db/version-row';
import { Writer } from '@/storage/db/writer';
import { exportText, readAll } from '@/storage/formats/export-file';
import type { Annotation } from '@/storage/model/annotation';

export interface Server {
  url: string;
  user: string;
  password: string;
}

export interface PeerUpload {
  /** readAll + exportText + encode + PUT. */
  ms: number;
  readMs: number;
  exportMs: number;
  putMs: number;
  bytes: number;
  requests: number;
}

export interface PeerDownload {
  /** GET + decode + JSON.parse. */
  ms: number;
  getMs: number;
  parseMs: number;
  bytes: number;
  requests: number;
}

/** Milliseconds of each part of writing and reading one sync file of every version. */
export interface Breakdown {
  versions: number;
  /** DexieSyncLocal.authored(): the versions table by device, then every record by id. */
  readMs: number;
  /** SyncFileSchema.safeParse, which writeSyncFile runs before sealing (zod, interpreted: see sync-browser.ts). */
  schemaMs: number;
  /** JSON.stringify and UTF-8 encoding. */
  stringifyMs: number;
  jsonBytes: number;
  gzipMs: number;
  gzipBytes: number;
  encryptMs: number;
  /** writeSyncFile as the engine calls it: schema + JSON + gzip + AES together. */
  sealMs: number;
  decryptMs: number;
  gunzipMs: number;
  parseMs: number;
  readSchemaMs: number;
}

const now = () => performance.now();
let db: SourcemarkDB | null = null;
const theDb = () => (db ??= new SourcemarkDB());

/** Bytes through a (de)compression stream, the way components/sync/sealed-file.ts does it. */
async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  const writing = writer.write(bytes).then(() => writer.close());
  writing.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await writing;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const api = {
  /** Writes the library with a version row each, as storage/db/db.ts's upgrade does; answers ms. */
  async fill(annotations: Annotation[]): Promise<{ ms: number; device: string }> {
    const d = theDb();
    const t0 = now();
    const device = await d.transaction('rw', [d.annotations, d.versions, d.syncState], async () => {
      const dev = await deviceId(d);
      let seq = await readSeq(d, 'seq');
      const rows: VersionRow[] = annotations.map((a) => ({
        id: a.id,
        pageKey: a.pageKey,
        gen: 0,
        t: Date.parse(a.updated),
        dev,
        deleted: false,
        prev: null,
        seq: ++seq,
      }));
      await d.annotations.bulkPut(annotations);
      await d.versions.bulkPut(rows);
      await d.syncState.put({ key: 'seq', value: seq });
      return dev;
    });
    return { ms: now() - t0, device };
  },

  async pbkdf2(): Promise<number> {
    const t0 = now();
    await deriveKey('bench passphrase 口令', crypto.getRandomValues(new Uint8Array(16)), KDF_ITERATIONS);
    return now() - t0;
  },

  async peerUpload(server: Server, folder: string): Promise<PeerUpload> {
    const remote = createWebdavRemote({ folderUrl: server.url, user: server.user, password: server.password });
    await remote.makeFolder(folder);
    const before = remote.requests;
    const t0 = now();
    const list = await readAll(theDb());
    const t1 = now();
    const bytes = new TextEncoder().encode(exportText(list, 'jsonld'));
    const t2 = now();
    await remote.put(`${folder}/library.jsonld`, bytes);
    const t3 = now();
    return { ms: t3 - t0, readMs: t1 - t0, exportMs: t2 - t1, putMs: t3 - t2, bytes: bytes.length, requests: remote.requests - before };
  },

  async peerDownload(server: Server, folder: string): Promise<PeerDownload> {
    const remote = createWebdavRemote({ folderUrl: server.url, user: server.user, password: server.password });
    const t0 = now();
    const bytes = await remote.get(`${folder}/library.jsonld`);
    const t1 = now();
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { first?: { items?: unknown[] } } | unknown[];
    const t2 = now();
    if (!parsed) throw new Error('the peer file did not parse');
    return { ms: t2 - t0, getMs: t1 - t0, parseMs: t2 - t1, bytes: bytes.length, requests: remote.requests };
  },

  /**
   * The first sync's file taken apart: reading the versions once (IndexedDB), then each step of
   * sealing and opening the file, `reps` times, medians (the steps are pure and cheap to repeat).
   */
  async breakdown(reps = 3): Promise<Breakdown> {
    const d = theDb();
    // DexieSyncLocal reads through the database only; apply is not called on this one.
    const local = new DexieSyncLocal(d, new Writer(d, () => undefined));
    const dev = await local.device();
    const key = await deriveKey('bench', new Uint8Array(16), 1000);
    const name = `${dev}.1.base`;
    const ad = new TextEncoder().encode(name);

    const t0 = now();
    const { versions, upTo } = await local.authored();
    const readMs = now() - t0;
    const payload = { format: 'sourcemark-sync-file', version: 1, kind: 'base' as const, dev, seq: upTo, versions };

    const runs: Record<Exclude<keyof Breakdown, 'versions' | 'readMs' | 'jsonBytes' | 'gzipBytes'>, number[]> = {
      schemaMs: [], stringifyMs: [], gzipMs: [], encryptMs: [], sealMs: [], decryptMs: [], gunzipMs: [], parseMs: [], readSchemaMs: [],
    };
    let jsonBytes = 0;
    let gzipBytes = 0;
    const timed = async <T>(into: number[], fn: () => Promise<T> | T): Promise<T> => {
      const t = now();
      const out = await fn();
      into.push(now() - t);
      return out;
    };
    for (let i = 0; i < reps; i++) {
      const checked = await timed(runs.schemaMs, () => SyncFileSchema.safeParse(payload));
      if (!checked.success) throw new Error('the bench library fails the sync file schema');
      const json = await timed(runs.stringifyMs, () => new TextEncoder().encode(JSON.stringify(payload)));
      const gz = await timed(runs.gzipMs, () => through(json, new CompressionStream('gzip')));
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await timed(runs.encryptMs, async () => new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ad }, key, gz)));
      await timed(runs.sealMs, () => writeSyncFile(key, name, { kind: 'base', dev, seq: upTo, versions }));
      const opened = await timed(runs.decryptMs, async () => new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: ad }, key, sealed)));
      const text = await timed(runs.gunzipMs, async () => new TextDecoder('utf-8', { fatal: true }).decode(await through(opened, new DecompressionStream('gzip'))));
      const raw = await timed(runs.parseMs, () => JSON.parse(text) as unknown);
      const again = await timed(runs.readSchemaMs, () => SyncFileSchema.safeParse(raw));
      if (!again.success) throw new Error('the bench file did not read back');
      jsonBytes = json.length;
      gzipBytes = gz.length;
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
    return {
      versions: versions.length,
      readMs,
      jsonBytes,
      gzipBytes,
      schemaMs: median(runs.schemaMs),
      stringifyMs: median(runs.stringifyMs),
      gzipMs: median(runs.gzipMs),
      encryptMs: median(runs.encryptMs),
      sealMs: median(runs.sealMs),
      decryptMs: median(runs.decryptMs),
      gunzipMs: median(runs.gunzipMs),
      parseMs: median(runs.parseMs),
      readSchemaMs: median(runs.readSchemaMs),
    };
  },
};

export type SyncBenchApi = typeof api;
(globalThis as unknown as { __sourcemarkSyncBench: SyncBenchApi }).__sourcemarkSyncBench = api;
