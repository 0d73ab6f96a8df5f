import { keyOpensKeyFile, parseKeyFile } from './cipher';
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
      // parseKeyFile throws DamagedFileError for anything but a sound key file.
      return keyOpensKeyFile(key, parseKeyFile(text));
    },
  };
}
