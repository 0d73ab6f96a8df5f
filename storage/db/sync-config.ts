import type { SyncError } from '@/components/sync/status';
import type { SourcemarkDB } from './db';

/**
 * Sync's settings on this device, in the `syncState` table of the extension's own database:
 * the server folder, the user name and app password (which sync needs to send unattended), the
 * key file's text, and the key itself as a non-extractable CryptoKey, which IndexedDB stores as
 * an object that no script can read the bytes of. The passphrase is never stored.
 */
export interface SyncConfig {
  url: string;
  user: string;
  password: string;
  key: CryptoKey;
  keyFileText: string;
}

/** What the last syncs did, for the status the reader sees. */
export interface SyncRecord {
  lastSync: string | null;
  lastError: SyncError | null;
  lastRequests: number;
  lastBackup: string | null;
  /** The last weekly download (ISO), when the reader opted into them. */
  lastWeekly: string | null;
}

export const EMPTY_RECORD: SyncRecord = { lastSync: null, lastError: null, lastRequests: 0, lastBackup: null, lastWeekly: null };

export async function readSyncConfig(db: SourcemarkDB): Promise<SyncConfig | null> {
  const row = await db.syncState.get('config');
  const c = row?.value as Partial<SyncConfig> | undefined;
  return c && typeof c.url === 'string' && typeof c.user === 'string' && typeof c.password === 'string' && c.key && typeof c.keyFileText === 'string'
    ? (c as SyncConfig)
    : null;
}

export async function writeSyncConfig(db: SourcemarkDB, config: SyncConfig | null): Promise<void> {
  if (config) await db.syncState.put({ key: 'config', value: config });
  else await db.syncState.delete('config');
}

export async function readSyncRecord(db: SourcemarkDB): Promise<SyncRecord> {
  const row = await db.syncState.get('record');
  return { ...EMPTY_RECORD, ...((row?.value as Partial<SyncRecord> | undefined) ?? {}) };
}

export async function writeSyncRecord(db: SourcemarkDB, patch: Partial<SyncRecord>): Promise<SyncRecord> {
  return db.transaction('rw', db.syncState, async () => {
    const next = { ...(await readSyncRecord(db)), ...patch };
    await db.syncState.put({ key: 'record', value: next });
    return next;
  });
}
