import { z } from 'zod';
import { AnnotationSchema, MAX_URL } from '@/storage/model/annotation';
import { describeZodError } from '@/storage/messaging/protocol';
import { newerVersion } from './cipher';
import { DamagedFileError } from './errors';
import type { Version } from './versions';

/**
 * The one format of every file Sourcemark puts on the reader's server besides the key file:
 *
 *     'SMS1' (4 bytes) | IV (12 random bytes) | AES-GCM-256 ciphertext with its 16-byte tag
 *
 * of the gzipped JSON of the value. Compressed before encryption because ciphertext does not
 * compress. The additional data is the file's name in its folder, so the server cannot pass one
 * file off as another (an old change file as a new one, one device's as another's): the tag fails.
 *
 * The IV is random for every seal. AES-GCM must never see one IV twice under a key; 96 random
 * bits keep the chance of that negligible far beyond the number of files a reader will write.
 *
 * Decompression comes after authentication, so only a holder of the key can hand us a
 * compression bomb, and sizes are not capped.
 */

const MAGIC = new TextEncoder().encode('SMS1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;

export async function seal(key: CryptoKey, name: string, value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`${name}: nothing to seal (the value has no JSON form)`);
  const compressed = await through(new TextEncoder().encode(json), new CompressionStream('gzip'));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: nameBytes(name) }, key, compressed),
  );
  const out = new Uint8Array(HEADER_BYTES + sealed.length);
  out.set(MAGIC);
  out.set(iv, MAGIC.length);
  out.set(sealed, HEADER_BYTES);
  return out;
}

/** The value sealed under `key` as `name`; DamagedFileError, saying why, when it is not one. */
export async function open(key: CryptoKey, name: string, bytes: Uint8Array): Promise<unknown> {
  if (bytes.length < HEADER_BYTES + TAG_BYTES) {
    throw new DamagedFileError(name, `is too short to be a Sourcemark file (${bytes.length} bytes)`);
  }
  if (!MAGIC.every((b, i) => bytes[i] === b)) {
    throw new DamagedFileError(name, 'is not a Sourcemark file (it does not begin with SMS1)');
  }
  let compressed: Uint8Array<ArrayBuffer>;
  try {
    compressed = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.slice(MAGIC.length, HEADER_BYTES), additionalData: nameBytes(name) },
        key,
        bytes.slice(HEADER_BYTES),
      ),
    );
  } catch (err) {
    // AES-GCM answers every one of these with the same failed tag, so they cannot be told
    // apart here. A wrong passphrase is told by the key file's check (./cipher.ts) before any
    // file is opened; a key that opens the key file and fails here meets a damaged file.
    if (err instanceof Error && err.name === 'OperationError') {
      throw new DamagedFileError(
        name,
        'cannot be opened: it was altered or cut short, renamed, or sealed with another key',
      );
    }
    throw err;
  }
  // Past the tag, the bytes are what a device holding the key sealed: failures below mean a
  // device wrote them wrongly, not that the server or the network changed them.
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      await through(compressed, new DecompressionStream('gzip')),
    );
  } catch {
    throw new DamagedFileError(name, 'opens but does not decompress as gzip text');
  }
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new DamagedFileError(name, 'opens but is not JSON');
  }
}

/** A text sealed as `name` (a backup: the JSON-LD export). Same format; the value is the string. */
export function sealText(key: CryptoKey, name: string, text: string): Promise<Uint8Array<ArrayBuffer>> {
  return seal(key, name, text);
}

export async function openText(key: CryptoKey, name: string, bytes: Uint8Array): Promise<string> {
  const value = await open(key, name, bytes);
  if (typeof value !== 'string') throw new DamagedFileError(name, 'opens but holds no text');
  return value;
}

// The payload of a sync file. Strict throughout: a field this version does not know means a
// newer writer, which bumps `version`, or a damaged file; either way guessing is wrong.

const SYNC_FORMAT = 'sourcemark-sync-file';
const SYNC_VERSION = 1;

const DeviceIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'must be 1 to 64 of a-z, 0-9 and -' });
const CountSchema = z.number().int().nonnegative();

const VersionBaseShape = {
  id: z.uuid(),
  pageKey: z.string().min(1).max(MAX_URL),
  gen: CountSchema,
  t: CountSchema,
  dev: DeviceIdSchema,
  prev: z.strictObject({ gen: CountSchema, t: CountSchema, dev: DeviceIdSchema }).nullable(),
};

export const SyncVersionSchema = z.discriminatedUnion('deleted', [
  z
    .strictObject({ ...VersionBaseShape, deleted: z.literal(false), annotation: AnnotationSchema })
    // A version is merged by its own id and pageKey; an annotation claiming others would be
    // stored under one identity and shown under another.
    .refine((v) => v.annotation.id === v.id, { message: "must be the version's id", path: ['annotation', 'id'] })
    .refine((v) => v.annotation.pageKey === v.pageKey, {
      message: "must be the version's pageKey",
      path: ['annotation', 'pageKey'],
    }),
  z.strictObject({ ...VersionBaseShape, deleted: z.literal(true) }),
]);

export const SyncFileSchema = z.strictObject({
  format: z.literal(SYNC_FORMAT),
  version: z.literal(SYNC_VERSION),
  kind: z.enum(['base', 'changes']),
  dev: DeviceIdSchema,
  seq: CountSchema,
  versions: z.array(SyncVersionSchema),
});

/** What a sync file says: the fields of SyncFileSchema but the format tag. */
export interface SyncFileBody {
  kind: 'base' | 'changes';
  dev: string;
  seq: number;
  versions: Version[];
}

export async function readSyncFile(key: CryptoKey, name: string, bytes: Uint8Array): Promise<SyncFileBody> {
  const raw = await open(key, name, bytes);
  const newer = newerVersion(raw, SYNC_FORMAT, SYNC_VERSION);
  if (newer !== null) {
    throw new DamagedFileError(name, `was written by a newer Sourcemark (sync file version ${newer}); update Sourcemark on this device`);
  }
  const parsed = SyncFileSchema.safeParse(raw);
  if (!parsed.success) throw new DamagedFileError(name, `is not a Sourcemark sync file: ${describeZodError(parsed.error)}`);
  const { kind, dev, seq, versions } = parsed.data;
  return { kind, dev, seq, versions };
}

/**
 * Seals a sync file. Checked against the schema first, and refused with a plain Error: a file
 * that every other device would call damaged must not reach the server, where it would only be
 * skipped, silently, on each of them.
 */
export async function writeSyncFile(key: CryptoKey, name: string, file: SyncFileBody): Promise<Uint8Array<ArrayBuffer>> {
  const payload = { format: SYNC_FORMAT, version: SYNC_VERSION, kind: file.kind, dev: file.dev, seq: file.seq, versions: file.versions };
  const parsed = SyncFileSchema.safeParse(payload);
  if (!parsed.success) throw new Error(`refusing to write ${name}: ${describeZodError(parsed.error)}`);
  return seal(key, name, payload);
}

function nameBytes(name: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(name);
}

/**
 * Runs bytes through a (de)compression stream. Written against the streams themselves rather
 * than Blob and Response, which a service worker has but a test environment may replace.
 */
async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  const writing = writer.write(bytes).then(() => writer.close());
  // A failure shows on the reading side as well; this keeps it from also going unhandled here.
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
