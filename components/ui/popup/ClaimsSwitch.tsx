import { useEffect, useState } from 'preact/hooks';
import { readSettings } from '@/storage/db/settings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';
import { useEnv } from './env';
import { useLive } from './use-live';

export type ClaimsSwitchProps = Record<string, never>;

/**
 * The global switch for claim marks, in the popup as in the options page: only the reader's own
 * pages may change it (a banner's "hide marks" hides them on that page only). Pages read it when
 * they load.
 */
export default function ClaimsSwitch(_props: ClaimsSwitchProps) {
  const { db, t } = useEnv();
  const stored = useLive(() => readSettings(db), [db]);
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setOn(stored.value?.claimsEnabled ?? null), [stored.value?.claimsEnabled]);
  if (on === null) return null;
  const toggle = async (next: boolean) => {
    setOn(next);
    try {
      await request({ type: 'settings.set', patch: { claimsEnabled: next } });
      setError(null);
    } catch (err) {
      setOn(!next);
      setError(t.failed(errorMessage(err)));
    }
  };
  return (
    <label class="switch" title={error ?? t.claimsEnabled}>
      <input type="checkbox" checked={on} onChange={(e) => void toggle(e.currentTarget.checked)} />
      <span>{t.claimsEnabled}</span>
    </label>
  );
}
