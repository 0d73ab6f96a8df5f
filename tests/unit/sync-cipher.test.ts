// @vitest-environment node
// Node's own WebCrypto and compression streams, as a service worker has them, not a DOM stand-in's.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KDF_ITERATIONS,
  createKeyFile,
  deriveKey,
  keyCheck,
  keyOpensKeyFile,
  openKeyFile,
  parseKeyFile,
  type KeyFile,
} from '@/components/sync/cipher';
import { DamagedFileError, WrongPassphraseError } from '@/components/sync/errors';
import {
  open,
  openText,
  readSyncFile,
  seal,
  sealText,
  writeSyncFile,
  type SyncFileBody,
} from '@/components/sync/sealed-file';
import type { Annotation } from '@/storage/model/annotation';
import type { Version } from '@/components/sync/versions';

const PASS_A = '春眠不觉晓 correct horse';
const PASS_B = '处处闻啼鸟 battery staple';
const NAME = '3f9a1c0b7d2e4a51.7.chg';

const QUOTE = '据一位不愿具名的知情人士透露，该公司明年将在华东地区裁员约三成。';
const NOTE = '消息来源不明：谁是“知情人士”？原文没有给出任何文件或数据。';
const URL_ = 'https://www.163.com/dy/article/J7QK2L9E05118HX3.html';

const ID = '0b8f6c2e-1d4a-4f3b-9a7e-5c2d8e1f4a6b';
const PAGE = 'www.163.com/dy/article/J7QK2L9E05118HX3';

function annotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: ID,
    pageKey: PAGE,
    url: URL_,
    title: '某公司裁员传闻',
    site: '网易号',
    selectors: [
      { type: 'TextQuoteSelector', exact: QUOTE, prefix: '记者获悉，', suffix: '对此公司未予回应。' },
      { type: 'TextPositionSelector', start: 120, end: 120 + QUOTE.length },
    ],
    color: 'yellow',
    note: NOTE,
    tags: ['传闻', '待核实'],
    created: '2026-03-01T08:00:00.000Z',
    updated: '2026-03-02T09:30:00.000Z',
    ...overrides,
  };
}

function liveVersion(a: Annotation = annotation()): Version {
  return { id: a.id, pageKey: a.pageKey, gen: 0, t: 1_772_352_000_000, dev: '3f9a1c0b7d2e4a51', deleted: false, prev: null, annotation: a };
}

const DELETED: Version = {
  id: '9d3e2b1a-6c5f-4e8d-b7a6-1f2e3d4c5b6a',
  pageKey: PAGE,
  gen: 1,
  t: 1_772_352_100_000,
  dev: '3f9a1c0b7d2e4a51',
  deleted: true,
  prev: { gen: 0, t: 1_772_352_000_000, dev: 'a1b2c3d4e5f60718' },
};

function body(versions: Version[] = [liveVersion(), DELETED]): SyncFileBody {
  return { kind: 'changes', dev: '3f9a1c0b7d2e4a51', seq: 7, versions };
}

/** The payload as a device writes it, for tests that seal one writeSyncFile would refuse. */
function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'sourcemark-sync-file', version: 1, ...body(), ...overrides };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** Bytes in the sealed layout, sealed under the right key and name, around any plaintext. */
async function sealRaw(key: CryptoKey, name: string, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(name) }, key, plain.slice()));
  return new Uint8Array([...utf8('SMS1'), ...iv, ...sealed]);
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

async function damaged(p: Promise<unknown>, file: string): Promise<DamagedFileError> {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(DamagedFileError);
  expect((err as DamagedFileError).name).toBe('DamagedFileError');
  expect((err as DamagedFileError).file).toBe(file);
  return err as DamagedFileError;
}

let A: Awaited<ReturnType<typeof createKeyFile>>;
let B: Awaited<ReturnType<typeof createKeyFile>>;

// Two real derivations at 600,000 iterations, shared by every test below.
beforeAll(async () => {
  [A, B] = await Promise.all([createKeyFile(PASS_A), createKeyFile(PASS_B)]);
});

describe('sealed files', () => {
  it('opens what it sealed, Chinese text and all', async () => {
    const value = { quote: QUOTE, note: NOTE, url: URL_, nested: [1, null, '三'] };
    expect(await open(A.key, NAME, await seal(A.key, NAME, value))).toEqual(value);
  });

  it('lays a file out as SMS1, a 12-byte IV, then AES-GCM of the gzipped JSON bound to its name', async () => {
    const value = { quote: QUOTE };
    const bytes = await seal(A.key, NAME, value);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('SMS1');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(4, 16), additionalData: utf8(NAME) },
      A.key,
      bytes.slice(16),
    );
    expect(JSON.parse(await gunzip(new Uint8Array(plain)))).toEqual(value);
  });

  it('seals the same value differently each time, and both open', async () => {
    const value = { note: NOTE };
    const [one, two] = [await seal(A.key, NAME, value), await seal(A.key, NAME, value)];
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(false);
    expect(await open(A.key, NAME, one)).toEqual(value);
    expect(await open(A.key, NAME, two)).toEqual(value);
  });

  it('never repeats an IV over 1,000 seals', async () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const bytes = await seal(A.key, NAME, { quote: QUOTE });
      ivs.add(Buffer.from(bytes.slice(4, 16)).toString('hex'));
    }
    expect(ivs.size).toBe(1000);
  });

  it('leaves no quote, note or address readable in the sealed bytes, as text or as base64', async () => {
    const value = { versions: [liveVersion()] };
    const bytes = await seal(A.key, NAME, value);
    const plainJson = utf8(JSON.stringify(value));
    for (const secret of [QUOTE, NOTE, URL_]) {
      const asText = utf8(secret);
      // Base64 without its padding, which depends on what follows in a longer encoding.
      const asBase64 = utf8(Buffer.from(asText).toString('base64').replace(/=+$/, '').slice(0, -1));
      expect(contains(plainJson, asText)).toBe(true); // the search finds what is there
      expect(contains(bytes, asText)).toBe(false);
      expect(contains(bytes, asBase64)).toBe(false);
    }
  });

  it('refuses a file with any one byte flipped', async () => {
    const bytes = await seal(A.key, NAME, { quote: QUOTE });
    // The IV's first and last, the ciphertext's first and middle, the tag's first and last.
    for (const at of [4, 15, 16, Math.floor(bytes.length / 2), bytes.length - 16, bytes.length - 1]) {
      const altered = bytes.slice();
      altered[at]! ^= 0x01;
      const err = await damaged(open(A.key, NAME, altered), NAME);
      expect(err.message).toMatch(/cannot be opened/);
    }
  });

  it('refuses a truncated file', async () => {
    const bytes = await seal(A.key, NAME, { quote: QUOTE });
    for (const length of [bytes.length - 1, bytes.length - 16, 40]) {
      expect((await damaged(open(A.key, NAME, bytes.slice(0, length)), NAME)).message).toMatch(/cannot be opened/);
    }
    for (const length of [31, 16, 3]) {
      expect((await damaged(open(A.key, NAME, bytes.slice(0, length)), NAME)).message).toMatch(/too short/);
    }
  });

  it('refuses a file opened under another name', async () => {
    const bytes = await seal(A.key, NAME, { quote: QUOTE });
    const other = '3f9a1c0b7d2e4a51.8.chg';
    expect((await damaged(open(A.key, other, bytes), other)).message).toMatch(/renamed/);
  });

  it('refuses a file sealed with another key', async () => {
    const bytes = await seal(B.key, NAME, { quote: QUOTE });
    expect((await damaged(open(A.key, NAME, bytes), NAME)).message).toMatch(/another key/);
  });

  it('refuses a file that does not begin with SMS1', async () => {
    const bytes = await seal(A.key, NAME, { quote: QUOTE });
    bytes.set(utf8('SMS2'));
    expect((await damaged(open(A.key, NAME, bytes), NAME)).message).toMatch(/SMS1/);
  });

  it('refuses garbage, with or without the magic in front', async () => {
    const noise = crypto.getRandomValues(new Uint8Array(300));
    noise[0] = 0; // not an 'S', whatever the random bytes were
    expect((await damaged(open(A.key, NAME, noise), NAME)).message).toMatch(/SMS1/);
    noise.set(utf8('SMS1'));
    expect((await damaged(open(A.key, NAME, noise), NAME)).message).toMatch(/cannot be opened/);
  });

  it('refuses an empty file', async () => {
    expect((await damaged(open(A.key, NAME, new Uint8Array(0)), NAME)).message).toMatch(/too short/);
  });

  it('refuses an authentic file whose contents are not gzip', async () => {
    const bytes = await sealRaw(A.key, NAME, utf8(JSON.stringify({ quote: QUOTE })));
    expect((await damaged(open(A.key, NAME, bytes), NAME)).message).toMatch(/gzip/);
  });

  it('refuses an authentic file whose contents are not JSON', async () => {
    const bytes = await sealRaw(A.key, NAME, await gzip(utf8('{"quote": "据知情人士')));
    expect((await damaged(open(A.key, NAME, bytes), NAME)).message).toMatch(/not JSON/);
  });

  it('refuses to seal a value that has no JSON form', async () => {
    await expect(seal(A.key, NAME, undefined)).rejects.toThrow(TypeError);
  });

  it('seals and opens a backup text', async () => {
    const name = '2026-12-05.3f9a1c0b7d2e4a51.bak';
    const text = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', items: [{ bodyValue: NOTE }] }, null, 2);
    expect(await openText(A.key, name, await sealText(A.key, name, text))).toBe(text);
  });

  it('refuses a backup that holds something other than text', async () => {
    const name = '2026-12-05.3f9a1c0b7d2e4a51.bak';
    expect((await damaged(openText(A.key, name, await seal(A.key, name, { note: NOTE })), name)).message).toMatch(/no text/);
  });
});

describe('key file', () => {
  it('opens with the passphrase that made it, giving the same key', async () => {
    const { key, keyFile } = await openKeyFile(A.text, PASS_A);
    expect(keyFile).toEqual(A.keyFile);
    expect(await open(key, NAME, await seal(A.key, NAME, { note: NOTE }))).toEqual({ note: NOTE });
  });

  it('refuses another passphrase with WrongPassphraseError', async () => {
    const err = await rejection(openKeyFile(A.text, PASS_B));
    expect(err).toBeInstanceOf(WrongPassphraseError);
    expect((err as Error).name).toBe('WrongPassphraseError');
    await expect(openKeyFile(A.text, '')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a key file that asks for 1,000 iterations', async () => {
    // Sound in every other way: a check that the 1,000-iteration key opens.
    const salt = Buffer.from(A.keyFile.kdf.salt, 'base64');
    const weakKey = await deriveKey(PASS_A, salt, 1000);
    const weak: KeyFile = { ...A.keyFile, kdf: { ...A.keyFile.kdf, iterations: 1000 }, check: await keyCheck(weakKey) };
    expect(await keyOpensKeyFile(weakKey, weak)).toBe(true);
    const err = await damaged(openKeyFile(JSON.stringify(weak), PASS_A), 'keys.json');
    expect(err.message).toMatch(/kdf\.iterations: must be at least 600000/);
  });

  it.each([
    ['one short of the floor', KDF_ITERATIONS - 1],
    ['one over ten million', 10_000_001],
    ['a fraction', 600_000.5],
  ])('refuses a key file whose iteration count is %s, before deriving anything', async (_, iterations) => {
    const text = JSON.stringify({ ...A.keyFile, kdf: { ...A.keyFile.kdf, iterations } });
    expect((await damaged(openKeyFile(text, PASS_A), 'keys.json')).message).toMatch(/kdf\.iterations/);
  });

  it.each([
    ['not JSON', () => A.text.slice(0, 40), /not JSON/],
    ['missing its check', () => JSON.stringify({ ...A.keyFile, check: undefined }), /check/],
    ['of another format', () => JSON.stringify({ ...A.keyFile, format: 'age-encryption.org' }), /format/],
    ['with a salt that is not base64', () => JSON.stringify({ ...A.keyFile, kdf: { ...A.keyFile.kdf, salt: 'not base64!!' } }), /kdf\.salt/],
    ['with a short salt', () => JSON.stringify({ ...A.keyFile, kdf: { ...A.keyFile.kdf, salt: 'AAAAAAAAAAA=' } }), /kdf\.salt/],
    ['with a check cut short', () => JSON.stringify({ ...A.keyFile, check: A.keyFile.check.slice(0, 40) }), /check/],
    ['with another hash', () => JSON.stringify({ ...A.keyFile, kdf: { ...A.keyFile.kdf, hash: 'SHA-1' } }), /kdf\.hash/],
    ['with a field it does not know', () => JSON.stringify({ ...A.keyFile, hint: 'my cat' }), /hint/],
    ['a JSON array', () => '[]', /root/],
  ])('calls a key file %s damaged', async (_, text, message) => {
    expect((await damaged(openKeyFile(text(), PASS_A), 'keys.json')).message).toMatch(message);
  });

  it('says a key file of a newer version needs a newer Sourcemark', () => {
    const text = JSON.stringify({ ...A.keyFile, version: 2, kdf: { name: 'Argon2id' } });
    expect(() => parseKeyFile(text)).toThrow(/newer Sourcemark/);
  });

  it('derives a key that cannot be exported', async () => {
    const { key } = await openKeyFile(A.text, PASS_A);
    for (const k of [A.key, key]) {
      expect(k.extractable).toBe(false);
      expect(k.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
      expect([...k.usages].sort()).toEqual(['decrypt', 'encrypt']);
      await expect(crypto.subtle.exportKey('raw', k)).rejects.toThrow();
      await expect(crypto.subtle.exportKey('jwk', k)).rejects.toThrow();
    }
  });

  it('holds the salt, the iteration count and a short check, and nothing else', () => {
    const raw = JSON.parse(A.text) as KeyFile;
    expect(Object.keys(raw).sort()).toEqual(['check', 'format', 'kdf', 'version']);
    expect(raw).toMatchObject({ format: 'sourcemark-sync', version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 } });
    expect(Buffer.from(raw.kdf.salt, 'base64')).toHaveLength(16);
    // IV, the 25-byte known text, tag: room for nothing of the reader's.
    expect(Buffer.from(raw.check, 'base64')).toHaveLength(12 + 25 + 16);
    expect(A.text).not.toContain(PASS_A);
    expect(A.keyFile.kdf.salt).not.toBe(B.keyFile.kdf.salt);
  });

  it('tells whether a stored key still opens the key file', async () => {
    expect(await keyOpensKeyFile(A.key, A.keyFile)).toBe(true);
    expect(await keyOpensKeyFile(B.key, A.keyFile)).toBe(false);
    // Set up again with the same passphrase: a new salt, so the old key no longer fits.
    const again = await createKeyFile(PASS_A);
    expect(await keyOpensKeyFile(A.key, again.keyFile)).toBe(false);
  });

  it('takes the passphrase typed in either Unicode form', async () => {
    const composed = await createKeyFile('naïve café 咖啡');
    const { key } = await openKeyFile(composed.text, 'nai\u0308ve cafe\u0301 咖啡');
    expect(await keyOpensKeyFile(key, composed.keyFile)).toBe(true);
  });

  it('will not set up a folder without a passphrase', async () => {
    await expect(createKeyFile('')).rejects.toThrow(/passphrase/);
  });
});

describe('sync files', () => {
  it('reads what it wrote: live and deleted versions, Chinese text and all', async () => {
    const file = body();
    expect(await readSyncFile(A.key, NAME, await writeSyncFile(A.key, NAME, file))).toEqual(file);
  });

  it('refuses a sync file opened under another name', async () => {
    const bytes = await writeSyncFile(A.key, NAME, body());
    await damaged(readSyncFile(A.key, '3f9a1c0b7d2e4a51.6.chg', bytes), '3f9a1c0b7d2e4a51.6.chg');
  });

  it('refuses an annotation without its TextQuoteSelector', async () => {
    const a = annotation({ selectors: [{ type: 'TextPositionSelector', start: 0, end: 5 }] });
    const bytes = await seal(A.key, NAME, payload({ versions: [liveVersion(a)] }));
    const err = await damaged(readSyncFile(A.key, NAME, bytes), NAME);
    expect(err.message).toMatch(/versions\.0\.annotation\.selectors: .*TextQuoteSelector/);
  });

  it("refuses a version whose id is not its annotation's", async () => {
    const v = { ...liveVersion(), id: DELETED.id };
    const bytes = await seal(A.key, NAME, payload({ versions: [DELETED, v] }));
    expect((await damaged(readSyncFile(A.key, NAME, bytes), NAME)).message).toMatch(/versions\.1\.annotation\.id: must be the version's id/);
  });

  it("refuses a version whose pageKey is not its annotation's", async () => {
    const v = { ...liveVersion(), pageKey: 'example.com/other' };
    const bytes = await seal(A.key, NAME, payload({ versions: [v] }));
    expect((await damaged(readSyncFile(A.key, NAME, bytes), NAME)).message).toMatch(/versions\.0\.annotation\.pageKey/);
  });

  it.each([
    ['another format', { format: 'sourcemark-export' }, /format/],
    ['an unknown kind', { kind: 'snapshot' }, /kind/],
    ['a device id in capitals', { dev: '3F9A1C0B7D2E4A51' }, /dev/],
    ['a device id over 64 characters', { dev: 'a'.repeat(65) }, /dev/],
    ['a negative sequence number', { seq: -1 }, /seq/],
    ['a field it does not know', { extra: true }, /extra/],
    ['a deletion that carries an annotation', { versions: [{ ...DELETED, annotation: annotation() }] }, /versions\.0/],
    ['a version that is neither live nor deleted', { versions: [{ ...DELETED, deleted: 'yes' }] }, /versions\.0\.deleted/],
    ['a version id that is not a UUID', { versions: [{ ...DELETED, id: '42' }] }, /versions\.0\.id/],
    ['a pageKey over 4,096 characters', { versions: [{ ...DELETED, pageKey: 'p'.repeat(4097) }] }, /versions\.0\.pageKey/],
    ['a fractional lifecycle', { versions: [{ ...DELETED, gen: 1.5 }] }, /versions\.0\.gen/],
  ])('refuses a payload with %s', async (_, overrides, message) => {
    const bytes = await seal(A.key, NAME, payload(overrides));
    expect((await damaged(readSyncFile(A.key, NAME, bytes), NAME)).message).toMatch(message);
  });

  it('says a sync file of a newer version needs a newer Sourcemark', async () => {
    const bytes = await seal(A.key, NAME, payload({ version: 2, shards: [] }));
    expect((await damaged(readSyncFile(A.key, NAME, bytes), NAME)).message).toMatch(/newer Sourcemark/);
  });

  it('will not write a file that other devices would refuse', async () => {
    const bad = body([{ ...liveVersion(), id: DELETED.id }]);
    const err = await rejection(writeSyncFile(A.key, NAME, bad));
    expect(err).not.toBeInstanceOf(DamagedFileError);
    expect((err as Error).message).toMatch(/refusing to write .*versions\.0\.annotation\.id/);
  });
});
