/**
 * The names Sourcemark gives its files on the server. They say which device wrote a file and in
 * what order, nothing about what is in it: a device id is random, a sequence number counts that
 * device's changes, a backup's name carries its day.
 *
 * Each device writes only files of its own (`<device>.<seq>.base|chg`), so no two devices ever
 * write the same name, and every file is written under a temporary name first and then moved into
 * place, so a reader never sees half of one (see ../../README.md, "Sync").
 */

export const SYNC_FOLDER = 'Sourcemark';
export const BACKUP_FOLDER = `${SYNC_FOLDER}/backups`;
export const KEY_FILE = 'keys.json';
/** Daily backups kept on the server. */
export const BACKUPS_KEPT = 14;

export type SyncFileKind = 'base' | 'chg';

export interface SyncFileName {
  dev: string;
  seq: number;
  kind: SyncFileKind;
}

const DEV = /^[a-z0-9]{8,64}$/;
const FILE = /^([a-z0-9]{8,64})\.(\d{1,15})\.(base|chg)$/;
const TEMP = /^([a-z0-9]{8,64})\.tmp-[a-z0-9]+$/;
const BACKUP = /^(\d{4}-\d{2}-\d{2})\.([a-z0-9]{8,64})\.bak$/;

export function isDeviceId(dev: string): boolean {
  return DEV.test(dev);
}

export function syncFileName(f: SyncFileName): string {
  return `${f.dev}.${f.seq}.${f.kind}`;
}

/** The parts of a sync file's name, or null for any other name (which sync leaves alone). */
export function parseSyncFileName(name: string): SyncFileName | null {
  const m = FILE.exec(name);
  if (!m) return null;
  return { dev: m[1]!, seq: Number(m[2]), kind: m[3] as SyncFileKind };
}

/** A temporary name of this device's: unique, never read by another device. */
export function tempName(dev: string, random: string): string {
  return `${dev}.tmp-${random}`;
}

/** The device whose temporary file this is, or null. */
export function tempOwner(name: string): string | null {
  return TEMP.exec(name)?.[1] ?? null;
}

export function backupName(day: string, dev: string): string {
  return `${day}.${dev}.bak`;
}

export function parseBackupName(name: string): { day: string; dev: string } | null {
  const m = BACKUP.exec(name);
  return m ? { day: m[1]!, dev: m[2]! } : null;
}

/** YYYY-MM-DD of `at` in the reader's time zone (a "day" is the reader's day). */
export function localDay(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
