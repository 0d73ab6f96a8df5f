import type { Remote, RemoteFile } from './remote';
import { RemoteError } from './remote';
import {
  KEY_FILE,
  SYNC_FOLDER,
  parseSyncFileName,
  syncFileName,
  tempName,
  tempOwner,
  type SyncFileKind,
} from './remote-names';
import type { Version } from './versions';

/**
 * One sync: read what other devices wrote since last time, merge it in, write this device's own
 * changes. Written against interfaces (the server as `Remote`, the database as `SyncLocal`, the
 * cipher as `SyncCodec`) so that the property test runs it over an in-memory server and three
 * in-memory devices, and the background over a real server and Dexie.
 *
 * The layout follows what every WebDAV server shares (../../README.md, "Sync"): each device writes
 * only its own files, so no write can clobber another device's; a device's changes since its last
 * sync go in one `chg` file (a batch: one PUT and one MOVE however many changes); now and then it
 * writes one `base` file with every version it authored and deletes its older files. Nothing
 * depends on `If-Match`, which rclone ignores and Apache refuses for a second after a write.
 */

export interface SyncLocal {
  /** This device's id. */
  device(): Promise<string>;
  /** This device's changes not yet on the server, and the local sequence number they reach. */
  pending(): Promise<{ versions: Version[]; upTo: number }>;
  /** Every current version this device made (for a base file), and the sequence number now. */
  authored(): Promise<{ versions: Version[]; upTo: number }>;
  /** The server has every change up to `upTo`. */
  markPushed(upTo: number): Promise<void>;
  /** Moves the local sequence past `seq` (a name that is taken) and answers the new value. */
  skipSeq(seq: number): Promise<number>;
  /** Merges versions from another device by the rule of ./versions.ts; answers how many won. */
  apply(versions: readonly Version[]): Promise<number>;
  loadState(): Promise<EngineState>;
  saveState(state: EngineState): Promise<void>;
}

export interface EngineState {
  /** For each other device, the highest sequence number of its files merged here. */
  cursors: Record<string, number>;
  /** This device's files on the server as it wrote them: a changed or missing one is rewritten. */
  ownFiles: Record<string, { size: number; etag: string | null }>;
  /** The key file's ETag when this device last checked that its key opens it. */
  keyEtag: string | null;
}

export const EMPTY_ENGINE_STATE: EngineState = { cursors: {}, ownFiles: {}, keyEtag: null };

export interface SyncFileBody {
  kind: 'base' | 'changes';
  dev: string;
  seq: number;
  versions: Version[];
}

/** Encryption, bound to the reader's key (./sealed-file.ts, ./cipher.ts). */
export interface SyncCodec {
  write(name: string, file: SyncFileBody): Promise<Uint8Array>;
  /** Throws DamagedFileError when the bytes are not a sealed sync file of this key and name. */
  read(name: string, bytes: Uint8Array): Promise<SyncFileBody>;
  /** Whether this device's key opens the key file (false: the folder was set up again). */
  keyOpens(keyFileText: string): Promise<boolean>;
  /** The key file as this device knows it, to put back if it goes missing. */
  keyFileText: string;
}

export interface SyncDeps {
  remote: Remote;
  local: SyncLocal;
  codec: SyncCodec;
  /** Random lowercase letters and digits for temporary names. */
  random?: () => string;
  /** Own change files after which the next sync writes a base instead (and deletes them). */
  compactAfter?: number;
}

export interface SyncReport {
  /** Files of other devices read and merged. */
  read: number;
  /** Versions from other devices that won and were applied here. */
  applied: number;
  /** This device's versions written (0 when it had nothing new). */
  pushed: number;
  /** 'base' when this sync wrote a base file, 'changes' for a change file, null for none. */
  wrote: 'base' | 'changes' | null;
  /** Files of other devices that could not be read (skipped; read again when rewritten). */
  damaged: { file: string; reason: string }[];
}

export class WrongKeyError extends Error {
  override name = 'WrongKeyError';
}

/** Raised with the file's name when a file of another device cannot be opened. */
export interface DamagedLike {
  name: string;
  message: string;
}

const COMPACT_AFTER = 16;
const MAX_NAME_RETRIES = 3;

function path(name: string): string {
  return `${SYNC_FOLDER}/${name}`;
}

/** ETags compared without Apache's weak prefix, which it drops a second after a write. */
function etagOf(f: RemoteFile): string | null {
  return f.etag ? f.etag.replace(/^W\//, '') : null;
}

function defaultRandom(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const { remote, local, codec } = deps;
  const random = deps.random ?? defaultRandom;
  const dev = await local.device();
  const state = structuredClone(await local.loadState());
  const report: SyncReport = { read: 0, applied: 0, pushed: 0, wrote: null, damaged: [] };

  let listing = await listFolder(remote);
  await checkKeyFile(remote, codec, state, listing, tempName(dev, random()));
  await local.saveState(state);

  // Other devices' files, in the order they wrote them.
  const byDevice = new Map<string, { name: string; seq: number; kind: SyncFileKind }[]>();
  let ownFiles: { name: string; seq: number; file: RemoteFile }[] = [];
  const ownTemps: string[] = [];
  for (const f of listing) {
    if (f.folder) continue;
    const parsed = parseSyncFileName(f.name);
    if (!parsed) {
      if (tempOwner(f.name) === dev) ownTemps.push(f.name);
      continue;
    }
    if (parsed.dev === dev) ownFiles.push({ name: f.name, seq: parsed.seq, file: f });
    else byDevice.set(parsed.dev, [...(byDevice.get(parsed.dev) ?? []), { name: f.name, ...parsed }]);
  }

  for (const [other, files] of byDevice) {
    const from = state.cursors[other] ?? 0;
    const bases = files.filter((f) => f.kind === 'base' && f.seq > from).sort((a, b) => b.seq - a.seq);
    const start = bases[0]?.seq ?? from;
    const toRead = [
      ...(bases[0] ? [bases[0]] : []),
      ...files.filter((f) => f.kind === 'chg' && f.seq > start).sort((a, b) => a.seq - b.seq),
    ];
    for (const f of toRead) {
      let body: SyncFileBody;
      try {
        const bytes = await remote.get(path(f.name));
        body = await codec.read(f.name, bytes);
        if (body.dev !== other || body.seq !== f.seq || (body.kind === 'base') !== (f.kind === 'base')) {
          throw Object.assign(new Error(`${f.name} says it is another file`), { name: 'DamagedFileError' });
        }
      } catch (err) {
        // Deleted by its device's compaction since the listing: its base has it; next time.
        if (err instanceof RemoteError && err.status === 404) break;
        if (err instanceof Error && err.name === 'DamagedFileError') {
          report.damaged.push({ file: f.name, reason: err.message });
          break;
        }
        throw err;
      }
      report.applied += await local.apply(body.versions);
      report.read++;
      state.cursors[other] = f.seq;
      await local.saveState(state);
    }
  }

  // This device's own files: one that changed or vanished on the server (truncated, altered,
  // deleted) is rewritten by writing a fresh base, which also drops it.
  let damagedOwn = false;
  const listed = new Map(ownFiles.map((f) => [f.name, f.file]));
  for (const [name, known] of Object.entries(state.ownFiles)) {
    const now = listed.get(name);
    if (!now || now.size !== known.size || (known.etag !== null && etagOf(now) !== known.etag)) damagedOwn = true;
    else if (known.etag === null) known.etag = etagOf(now);
  }
  await local.saveState(state);
  const hasBase = ownFiles.some((f) => parseSyncFileName(f.name)?.kind === 'base' && state.ownFiles[f.name]);
  const changeFiles = ownFiles.filter((f) => parseSyncFileName(f.name)?.kind === 'chg').length;
  const compact = damagedOwn || !hasBase || changeFiles >= (deps.compactAfter ?? COMPACT_AFTER);

  const maxOwn = () => Math.max(0, ...ownFiles.map((f) => f.seq));
  for (let attempt = 0; ; attempt++) {
    if (maxOwn() > 0) await local.skipSeq(maxOwn());
    const batch = compact ? await local.authored() : await local.pending();
    if (!compact && batch.versions.length === 0) break;
    const kind: SyncFileKind = compact ? 'base' : 'chg';
    const name = syncFileName({ dev, seq: batch.upTo, kind });
    const bytes = await codec.write(name, { kind: compact ? 'base' : 'changes', dev, seq: batch.upTo, versions: batch.versions });
    try {
      await writeNew(remote, name, bytes, tempName(dev, random()));
    } catch (err) {
      // 412: the name is taken (a write whose answer was lost, or a copy of this browser
      // profile using the same device id). Move past it and write again, a bounded number
      // of times: Apache also answers 412 for a second after a write, and a loop would not end.
      if (err instanceof RemoteError && err.status === 412 && attempt < MAX_NAME_RETRIES) {
        listing = await listFolder(remote);
        ownFiles = ownOf(listing, dev);
        await local.skipSeq(Math.max(batch.upTo, maxOwn()));
        continue;
      }
      throw err;
    }
    // The file's ETag now, from one listing: learning it at the next sync instead would adopt
    // whatever is there by then, a same-size garbage file included, and never rewrite it.
    const written = (await remote.list(SYNC_FOLDER).catch(() => null))?.find((f) => f.name === name && !f.folder);
    state.ownFiles[name] = { size: bytes.length, etag: written && written.size === bytes.length ? etagOf(written) : null };
    await local.markPushed(batch.upTo);
    await local.saveState(state);
    report.pushed = batch.versions.length;
    report.wrote = compact ? 'base' : 'changes';
    if (compact) {
      // The base holds everything this device authored: its older files are dropped.
      for (const f of ownFiles) if (f.name !== name) await remote.remove(path(f.name));
      for (const t of ownTemps) await remote.remove(path(t));
      state.ownFiles = { [name]: state.ownFiles[name]! };
      await local.saveState(state);
    }
    break;
  }
  return report;
}

function ownOf(listing: RemoteFile[], dev: string): { name: string; seq: number; file: RemoteFile }[] {
  return listing.flatMap((f) => {
    const p = parseSyncFileName(f.name);
    return p && p.dev === dev && !f.folder ? [{ name: f.name, seq: p.seq, file: f }] : [];
  });
}

/** The sync folder's listing; a missing folder is made again (its parent must exist). */
async function listFolder(remote: Remote): Promise<RemoteFile[]> {
  try {
    return await remote.list(SYNC_FOLDER);
  } catch (err) {
    if (!(err instanceof RemoteError) || err.status !== 404) throw err;
  }
  await remote.makeFolder(SYNC_FOLDER);
  return remote.list(SYNC_FOLDER);
}

/**
 * The key file names the salt every device derives its key with. When it changed since this
 * device last looked, the folder may have been set up again with another passphrase: then this
 * device must not write (its files would be unreadable to the others) and tells the reader.
 */
async function checkKeyFile(remote: Remote, codec: SyncCodec, state: EngineState, listing: RemoteFile[], temp: string): Promise<void> {
  const entry = listing.find((f) => f.name === KEY_FILE && !f.folder);
  if (entry) {
    const etag = etagOf(entry);
    if (etag !== null && etag === state.keyEtag) return;

    const text = new TextDecoder().decode(await remote.get(path(KEY_FILE)));
    let opens: boolean | 'damaged';
    try {
      opens = await codec.keyOpens(text);
    } catch (err) {
      if (!(err instanceof Error && err.name === 'DamagedFileError')) throw err;
      opens = 'damaged';
    }
    if (opens === true) {
      state.keyEtag = etag;
      return;
    }
    if (opens === false) throw new WrongKeyError('the sync folder was set up again with another passphrase');
    // Unreadable (truncated, overwritten): every device that has the key knows the file, so
    // this one puts it back; other devices then open the folder again.
    await remote.remove(path(KEY_FILE));
  }
  await writeNew(remote, KEY_FILE, new TextEncoder().encode(codec.keyFileText), temp).catch((err: unknown) => {
    // Another device put it back first.
    if (!(err instanceof RemoteError && err.status === 412)) throw err;
  });
  // Checked again at the next sync (one GET), like a key file of another device's: trusting the
  // next ETag seen would trust a file replaced in between.
  state.keyEtag = null;
}

/**
 * Writes a file so that no reader ever sees part of it: the bytes go to a temporary name, then
 * MOVE puts them in place in one step, refusing (412) to replace a file already there.
 */
export async function writeNew(remote: Remote, name: string, bytes: Uint8Array, temp: string, folder = SYNC_FOLDER): Promise<void> {
  await remote.put(`${folder}/${temp}`, bytes);
  try {
    await remote.move(`${folder}/${temp}`, `${folder}/${name}`, { overwrite: false });
  } catch (err) {
    // Chrome sends a request again by itself when a kept-alive connection closes before the
    // answer: a MOVE the server already carried out then fails (Apache 404, rclone 403 for the
    // missing source, 412 for the target that now exists). The temporary file gone and the
    // file in place says it happened; a true clash leaves the temporary file where it was.
    if (err instanceof RemoteError && err.status !== null && [403, 404, 412].includes(err.status) && (await movedAnyway(remote, folder, temp, name, bytes.length))) {
      return;
    }
    await remote.remove(`${folder}/${temp}`).catch(() => undefined);
    throw err;
  }
}

async function movedAnyway(remote: Remote, folder: string, temp: string, name: string, size: number): Promise<boolean> {
  const files = await remote.list(folder).catch(() => null);
  return !!files && !files.some((f) => f.name === temp) && files.some((f) => f.name === name && f.size === size);
}
