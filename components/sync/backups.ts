import type { Remote } from './remote';
import { RemoteError } from './remote';
import { BACKUP_FOLDER, BACKUPS_KEPT, backupName, parseBackupName, tempName } from './remote-names';
import { writeNew } from './engine';
import type { BackupInfo } from './status';

/**
 * Daily snapshots on the server: the whole library as an encrypted JSON-LD export, one a day,
 * the newest BACKUPS_KEPT kept. Sync merges; a backup is what the reader goes back to when a
 * merge, an import or a delete-all did what they did not want. Restoring one is an import (the
 * options page previews it), never a sync.
 */

export interface BackupDeps {
  remote: Remote;
  dev: string;
  /** The reader's day, YYYY-MM-DD. */
  today: string;
  /** Seals the export text under the backup's name. */
  seal: (name: string, text: string) => Promise<Uint8Array>;
  /** The export, made only when a backup is due (it reads every annotation). */
  exportText: () => Promise<string>;
  random: () => string;
}

export async function listBackups(remote: Remote): Promise<BackupInfo[]> {
  let files;
  try {
    files = await remote.list(BACKUP_FOLDER);
  } catch (err) {
    if (err instanceof RemoteError && err.status === 404) return [];
    throw err;
  }
  return files
    .flatMap((f) => {
      const p = !f.folder && parseBackupName(f.name);
      return p ? [{ name: f.name, day: p.day, size: f.size }] : [];
    })
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Writes today's backup unless one for today is already there (from any device), then deletes
 * all but the newest BACKUPS_KEPT. Answers the newest backup's day.
 */
export async function backupIfDue(deps: BackupDeps): Promise<string | null> {
  const { remote } = deps;
  let backups = await listBackups(remote);
  if (!backups.some((b) => b.day === deps.today)) {
    await remote.makeFolder(BACKUP_FOLDER);
    const name = backupName(deps.today, deps.dev);
    const bytes = await deps.seal(name, await deps.exportText());
    await writeNew(remote, name, bytes, tempName(deps.dev, deps.random()), BACKUP_FOLDER);
    backups = [{ name, day: deps.today, size: bytes.length }, ...backups].sort((a, b) => (a.name < b.name ? 1 : -1));
  }
  for (const old of backups.slice(BACKUPS_KEPT)) await remote.remove(`${BACKUP_FOLDER}/${old.name}`);
  return backups[0]?.day ?? null;
}
