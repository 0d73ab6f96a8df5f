import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncStatus } from '@/components/sync/status';
import { request } from '@/storage/messaging/client';
import { ExtensionNoticeSchema } from '@/storage/messaging/protocol';
import { errorMessage } from '@/storage/model/error-message';

export interface SyncStatusState {
  status: SyncStatus | null;
  /** Why the status could not be read (the background did not answer), or null. */
  error: string | null;
  /** Take a status the background answered with (sync.now, sync.setup, sync.disconnect). */
  setStatus: (s: SyncStatus) => void;
}

/**
 * Sync's status, asked once after the first render and again whenever the background says it
 * changed (`sync.changed`). With `onAnnotations`, also after every annotation notice: each write
 * changes the count of changes not yet on the server, which the background does not announce as
 * a sync change. Asks never overlap: notices that arrive while one is out make one more ask after
 * it, so an import's burst of notices costs two requests, not hundreds, and an older answer can
 * never overwrite a newer one.
 */
export function useSyncStatus(opts: { onAnnotations: boolean }): SyncStatusState {
  const [status, setStatusState] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const flight = useRef<{ busy: boolean; again: boolean; live: boolean }>({ busy: false, again: false, live: true });
  // Bumped by every status taken from elsewhere, so an ask that started before it is dropped.
  const generation = useRef(0);

  const ask = useCallback(async (): Promise<void> => {
    const f = flight.current;
    if (f.busy) {
      f.again = true;
      return;
    }
    f.busy = true;
    try {
      do {
        f.again = false;
        const gen = generation.current;
        try {
          const { status: s } = await request({ type: 'sync.status' });
          if (f.live && gen === generation.current) {
            setStatusState(s);
            setError(null);
          }
        } catch (err) {
          if (f.live) setError(errorMessage(err));
        }
      } while (f.again && f.live);
    } finally {
      f.busy = false;
    }
  }, []);

  const setStatus = useCallback((s: SyncStatus) => {
    generation.current++;
    setStatusState(s);
    setError(null);
  }, []);

  useEffect(() => {
    const f = flight.current;
    f.live = true;
    void ask();
    const onMessage = (raw: unknown): undefined => {
      const notice = ExtensionNoticeSchema.safeParse(raw);
      if (!notice.success) return undefined;
      if (notice.data.type === 'sync.changed' || (opts.onAnnotations && notice.data.type !== 'settings.changed')) void ask();
      // Nothing is answered: other listeners (the background) answer requests, not this page.
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      f.live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [ask, opts.onAnnotations]);

  return { status, error, setStatus };
}
