import { useEffect, useState } from 'preact/hooks';
import { BACKUPS_KEPT } from '@/components/sync/remote-names';
import type { BackupInfo } from '@/components/sync/status';
import { syncStrings } from '@/components/vocabulary/sync-strings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';
import type { ImportSource } from '../options/ImportDialog';
import { useEnv } from '../popup/env';
import { formatBytes, formatDay } from './sync-words';

export type BackupListProps = {
  /** The newest backup's day as the status has it: the list is asked again when it changes. */
  lastBackup: string | null;
  /** Hands a backup's JSON-LD to the import preview, which shows it before anything is written. */
  onRestore: (source: ImportSource) => void;
};

/**
 * The daily backups on the server, newest first, each with "Restore…": the background reads and
 * decrypts it, and the import preview takes it from there as it would a picked file.
 */
export default function BackupList({ lastBackup, onRestore }: BackupListProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    request({ type: 'sync.backups' }).then(
      (r) => {
        if (!live) return;
        setBackups(r.backups);
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(w.backupsFailed(errorMessage(err)));
      },
    );
    return () => {
      live = false;
    };
    // Asked again when a new backup appeared, not when the language changes.
  }, [lastBackup]);

  const restore = async (b: BackupInfo) => {
    setReading(b.name);
    setError(null);
    try {
      const { text } = await request({ type: 'sync.readBackup', name: b.name });
      onRestore({ name: w.backupOf(formatDay(lang, b.day)), text });
    } catch (err) {
      setError(w.failed(errorMessage(err)));
    } finally {
      setReading(null);
    }
  };

  return (
    <div class="backups">
      <h3>{w.backupsTitle}</h3>
      <p class="muted">{w.backupsHint(BACKUPS_KEPT)}</p>
      {backups === null ? null : backups.length === 0 ? (
        <p class="muted">{w.noBackups}</p>
      ) : (
        <ul class="backup-list">
          {backups.map((b) => {
            const day = formatDay(lang, b.day);
            return (
              <li key={b.name} class="row" data-backup={b.name}>
                <span class="backup-day">{day}</span>
                <span class="muted">{formatBytes(b.size)}</span>
                <button type="button" aria-label={w.restoreLabel(day)} disabled={reading !== null} onClick={() => void restore(b)}>
                  {w.restore}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {reading ? <p role="status">{w.restoring}</p> : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
