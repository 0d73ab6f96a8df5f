import { syncStrings } from '@/components/vocabulary/sync-strings';
import type { Settings } from '@/storage/model/settings';
import type { ImportSource } from '../options/ImportDialog';
import { useEnv } from '../popup/env';
import BackupList from './BackupList';
import KeptAsideList from './KeptAsideList';
import StorageStatus from './StorageStatus';
import SyncSetupForm from './SyncSetupForm';
import SyncStatusView from './SyncStatusView';
import WeeklyBackup from './WeeklyBackup';
import { useSyncStatus } from './use-sync-status';

export type SyncSectionProps = {
  /** The reader's settings, once read (the weekly copy is one of them). */
  settings: Settings | null;
  /** A backup to preview for import (the options page's import dialog shows it). */
  onRestore: (source: ImportSource) => void;
};

/**
 * The options page's "Sync and backup" (`#sync`): this device's storage, then either the set-up
 * form and the weekly copy (sync off) or sync's state and the server's backups (sync on), and
 * what sync kept aside. Kept live: the background's `sync.changed`, and every annotation notice
 * (each write changes what is not yet on the server), make it ask the status again.
 */
export default function SyncSection({ settings, onRestore }: SyncSectionProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const { status, error, setStatus } = useSyncStatus({ onAnnotations: true });
  return (
    <section id="sync" aria-labelledby="sync-title" class="sync">
      <h2 id="sync-title">{w.sectionTitle}</h2>
      <p class="muted">{w.intro}</p>
      <StorageStatus />
      {status === null ? (
        error ? (
          <p class="error" role="alert">
            {w.failed(error)}
          </p>
        ) : (
          <p class="muted">{w.loading}</p>
        )
      ) : (
        <>
          <SyncStatusView status={status} onStatus={setStatus} />
          {status.configured ? (
            <BackupList lastBackup={status.lastBackup} onRestore={onRestore} />
          ) : (
            <>
              <SyncSetupForm onStatus={setStatus} />
              {settings ? <WeeklyBackup settings={settings} /> : null}
            </>
          )}
        </>
      )}
      <KeptAsideList count={status?.keptAside ?? 0} />
    </section>
  );
}
