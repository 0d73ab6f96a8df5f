import { useState } from 'preact/hooks';
import type { SyncStatus } from '@/components/sync/status';
import { syncStrings } from '@/components/vocabulary/sync-strings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';
import { useEnv } from '../popup/env';
import { askServerPermission } from './server-permission';
import { statusWords } from './sync-words';
import { useNow } from './use-now';

export type SyncStatusViewProps = {
  status: SyncStatus;
  /** A status the background answered with. */
  onStatus: (s: SyncStatus) => void;
};

/**
 * Sync's state in words (`data-sync-state` = off | idle | running | error), the server and user
 * (never the password), the last error as what happened and what to do with its detail under
 * it, and "Sync now" / "Stop syncing on this device" (after a confirmation in place).
 */
export default function SyncStatusView({ status, onStatus }: SyncStatusViewProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const now = useNow(30_000);
  const words = statusWords(lang, status, now);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const act = async (job: () => Promise<SyncStatus>) => {
    setBusy(true);
    setMessage(null);
    try {
      onStatus(await job());
    } catch (err) {
      setMessage(w.failed(errorMessage(err)));
    } finally {
      setBusy(false);
    }
  };
  const syncNow = () => act(async () => (await request({ type: 'sync.now' })).status);
  const stop = () =>
    act(async () => {
      const { status: s } = await request({ type: 'sync.disconnect' });
      setConfirming(false);
      return s;
    });
  // The permission prompt needs the click itself: asked before anything is awaited.
  const grantAgain = () => {
    if (!status.server) return;
    const asked = askServerPermission(status.server);
    void act(async () => {
      if (!(await asked)) throw new Error(w.permissionDenied);
      return (await request({ type: 'sync.now' })).status;
    });
  };

  return (
    <div class="sync-status" data-sync-state={words.state}>
      <p class="sync-headline">{words.headline}</p>
      {status.configured ? (
        <dl class="sync-where">
          <dt>{w.serverLabel}</dt>
          <dd>
            <code>{status.server}</code>
          </dd>
          <dt>{w.userLabel}</dt>
          <dd>{status.user}</dd>
        </dl>
      ) : null}
      {words.pending ? <p class="sync-pending">{words.pending}</p> : null}
      {words.error ? (
        <div class="sync-error" role="alert" data-error-kind={status.lastError?.kind}>
          <p>
            {words.error.what} {words.error.todo}
          </p>
          <p class="muted sync-detail">
            {words.error.when}
            {words.error.detail ? (
              <>
                {' · '}
                {w.detailLabel}: <code>{words.error.detail}</code>
              </>
            ) : null}
          </p>
          {status.lastError?.kind === 'no-permission' && status.server ? (
            <button type="button" class="primary" disabled={busy} onClick={grantAgain}>
              {w.grantAgain}
            </button>
          ) : null}
        </div>
      ) : null}
      {words.lastBackup ? <p class="muted">{words.lastBackup}</p> : null}
      {status.configured ? (
        <div class="row">
          <button type="button" class="primary" disabled={busy || status.running} onClick={() => void syncNow()}>
            {w.syncNow}
          </button>
          {confirming ? null : (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {w.stop}
            </button>
          )}
        </div>
      ) : null}
      {confirming ? (
        <div class="sync-confirm" role="group" aria-label={w.stop}>
          <p>{w.stopConfirm}</p>
          <div class="row">
            {/* Focus moves here, so a keyboard reader answers the question just asked. */}
            <button type="button" class="danger" autoFocus disabled={busy} onClick={() => void stop()}>
              {w.stopYes}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {w.cancel}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p class="error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
