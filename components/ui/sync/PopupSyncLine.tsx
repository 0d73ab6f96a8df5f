import { useState } from 'preact/hooks';
import { syncStrings } from '@/components/vocabulary/sync-strings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';
import { useEnv } from '../popup/env';
import { popupLine } from './sync-words';
import { useNow } from './use-now';
import { useSyncStatus } from './use-sync-status';

export type PopupSyncLineProps = {
  /** Opens the options page, where the errors that need the reader are dealt with. */
  onOpenSettings: () => void;
};

/**
 * The popup's one line about sync: "Synced 3 min ago · 2 pending" or the error's short form, and
 * "Sync now". Nothing at all when sync is not set up. It costs one `sync.status` request after
 * the popup's first render, and another only when the background says sync changed.
 */
export default function PopupSyncLine({ onOpenSettings }: PopupSyncLineProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const { status, setStatus } = useSyncStatus({ onAnnotations: false });
  const now = useNow(60_000);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (!status) return null;
  const line = popupLine(lang, status, now);
  if (!line) return null;

  const syncNow = async () => {
    setBusy(true);
    setFailed(null);
    try {
      setStatus((await request({ type: 'sync.now' })).status);
    } catch (err) {
      setFailed(w.failed(errorMessage(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="sync-line" data-sync-state={busy ? 'running' : line.state}>
      {/* Not a live region: it would announce every minute's "4 min ago". */}
      <span class="sync-line-text" title={failed ?? line.title ?? undefined}>
        {failed ?? line.text}
      </span>
      {line.needsReader ? (
        <button type="button" class="link" onClick={onOpenSettings}>
          {w.popupFix}
        </button>
      ) : null}
      <button type="button" disabled={busy || status.running} onClick={() => void syncNow()}>
        {w.syncNow}
      </button>
    </div>
  );
}
