import { z } from 'zod';
import { describeZodError } from '@/storage/messaging/protocol';
import { DamagedFileError, WrongPassphraseError } from './errors';
import { KEY_FILE } from './remote-names';

/**
 * The reader's sync key, and the key file (`keys.json`) every device derives it with.
 *
 * The key is derived from a passphrase the reader types on each device, so the server never
 * holds anything that opens the files: the key file names only the salt and the work factor,
 * plus a check that tells a wrong passphrase from a damaged file (AES-GCM alone cannot: see
 * ./sealed-file.ts). The derived key is a non-extractable CryptoKey kept in IndexedDB as it is,
 * so not even the extension's own code can read its bytes back out.
 */

/**
 * PBKDF2-HMAC-SHA256 iterations: OWASP's Password Storage Cheat Sheet (2023) recommends 600,000.
 * The server holds the salt and the check, so this is what a guess costs whoever copies them.
 */
export const KDF_ITERATIONS = 600_000;
/**
 * A key file asking for more is refused as damaged, before deriving: ten million iterations
 * already hold a phone for seconds, and a key file altered on the server (an extra zero or
 * three) must not be able to freeze every device that opens it.
 */
export const MAX_KDF_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const CHECK_TEXT = 'sourcemark-sync key check';
const CHECK_AD = `sourcemark-sync ${KEY_FILE} check`;
const CHECK_BYTES = IV_BYTES + new TextEncoder().encode(CHECK_TEXT).length + TAG_BYTES;

const FORMAT = 'sourcemark-sync';
const VERSION = 1;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function base64Bytes(bytes: number, what: string) {
  return z
    .string()
    .regex(BASE64, { message: 'must be base64' })
    .refine((s) => decodedLength(s) === bytes, { message: `must be ${what}: ${bytes} bytes in base64` });
}

export const KeyFileSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z
      .number()
      .int()
      .min(KDF_ITERATIONS, { message: `must be at least ${KDF_ITERATIONS}: fewer would make the passphrase cheap to guess` })
      .max(MAX_KDF_ITERATIONS, { message: `must be at most ${MAX_KDF_ITERATIONS}` }),
    salt: base64Bytes(SALT_BYTES, 'the salt'),
  }),
  check: base64Bytes(CHECK_BYTES, 'the sealed check text'),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

/**
 * The passphrase as bytes. Normalised to NFC because the same passphrase typed on two systems
 * can reach us in two Unicode forms (macOS input gives decomposed accents where Windows gives
 * composed ones), and a passphrase that works on one device must work on the other.
 */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

/**
 * The AES-GCM key for a passphrase and salt. Internal to this module and its tests: everywhere
 * else goes through createKeyFile/openKeyFile, which hold the iteration count to the floor.
 */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt.slice(), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The key file's `check`: the known text sealed under `key`. Internal to this module and its tests. */
export async function keyCheck(key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(CHECK_AD) },
    key,
    new TextEncoder().encode(CHECK_TEXT),
  );
  return toBase64(concat(iv, new Uint8Array(sealed)));
}

/** Sets up a new sync folder's key: a fresh salt, so no two folders share a key. */
export async function createKeyFile(passphrase: string): Promise<{ key: CryptoKey; keyFile: KeyFile; text: string }> {
  if (!passphrase) throw new Error('a passphrase is needed to encrypt sync');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(passphrase, salt, KDF_ITERATIONS);
  const keyFile: KeyFile = {
    format: FORMAT,
    version: VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: KDF_ITERATIONS, salt: toBase64(salt) },
    check: await keyCheck(key),
  };
  return { key, keyFile, text: `${JSON.stringify(keyFile, null, 2)}\n` };
}

/** The key file's text as a KeyFile; DamagedFileError when it is not one this version can use. */
export function parseKeyFile(text: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DamagedFileError(KEY_FILE, 'is not JSON');
  }
  const newer = newerVersion(raw, FORMAT, VERSION);
  if (newer !== null) {
    throw new DamagedFileError(KEY_FILE, `was written by a newer Sourcemark (key file version ${newer}); update Sourcemark on this device`);
  }
  const parsed = KeyFileSchema.safeParse(raw);
  if (!parsed.success) throw new DamagedFileError(KEY_FILE, `is not a Sourcemark key file: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/**
 * Derives the key from the passphrase and the key file's salt. Throws WrongPassphraseError when
 * the check does not open with it, DamagedFileError when the file is not a usable key file
 * (which is decided before deriving, so an absurd iteration count costs nothing).
 */
export async function openKeyFile(text: string, passphrase: string): Promise<{ key: CryptoKey; keyFile: KeyFile }> {
  const keyFile = parseKeyFile(text);
  if (!passphrase) throw new WrongPassphraseError();
  const key = await deriveKey(passphrase, fromBase64(keyFile.kdf.salt), keyFile.kdf.iterations);
  if (!(await keyOpensKeyFile(key, keyFile))) throw new WrongPassphraseError();
  return { key, keyFile };
}

/**
 * Whether a device's stored key opens this key file. False when the folder was set up again
 * (another salt, perhaps another passphrase): the device must then ask the reader again.
 */
export async function keyOpensKeyFile(key: CryptoKey, keyFile: KeyFile): Promise<boolean> {
  const bytes = fromBase64(keyFile.check);
  try {
    // The tag is the proof: no other key passes it, so the text inside need not be compared.
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: new TextEncoder().encode(CHECK_AD) },
      key,
      bytes.slice(IV_BYTES),
    );
  } catch (err) {
    // OperationError is the tag failing; anything else (a key not meant for AES-GCM) is a bug.
    if (err instanceof Error && err.name === 'OperationError') return false;
    throw err;
  }
  return true;
}

/**
 * The version number of a file in `format` that is newer than `known`, or null. Lets a device
 * that has not been updated say so, instead of calling a newer device's file damaged.
 */
export function newerVersion(raw: unknown, format: string, known: number): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { format: f, version: v } = raw as { format?: unknown; version?: unknown };
  return f === format && typeof v === 'number' && Number.isInteger(v) && v > known ? v : null;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function decodedLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}
