import { keyOpensKeyFile, KeyFileSchema } from './cipher';
import { DamagedFileError } from './errors';
import type { SyncCodec } from './engine';
import { readSyncFile, writeSyncFile } from './sealed-file';

/** The engine's codec over the reader's key: sealed files (./sealed-file.ts) and the key file. */
export function sealedCodec(key: CryptoKey, keyFileText: string): SyncCodec {
  return {
    keyFileText,
    async write(name, body) {
      return writeSyncFile(key, name, body);
    },
    async read(name, bytes) {
      return readSyncFile(key, name, bytes);
    },
    async keyOpens(text) {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new DamagedFileError('keys.json', 'not JSON');
      }
      const parsed = KeyFileSchema.safeParse(raw);
      if (!parsed.success) throw new DamagedFileError('keys.json', 'not a Sourcemark key file');
      return keyOpensKeyFile(key, parsed.data);
    },
  };
}
