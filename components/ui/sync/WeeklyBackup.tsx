import { useEffect, useState } from 'preact/hooks';
import { syncStrings } from '@/components/vocabulary/sync-strings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';
import type { Settings } from '@/storage/model/settings';
import { useEnv } from '../popup/env';
import { OutcomeLine, type Outcome } from '@/components/ui/OutcomeLine';

export type WeeklyBackupProps = {
  settings: Settings;
};

/** Without sync: a JSON-LD copy in the Downloads folder every week (the `weeklyBackup` setting). */
export default function WeeklyBackup({ settings }: WeeklyBackupProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  // Shown at once: the stored value catches up when the background has written it.
  const [on, setOn] = useState(settings.weeklyBackup);
  useEffect(() => setOn(settings.weeklyBackup), [settings.weeklyBackup]);
  const [message, setMessage] = useState<Outcome | null>(null);

  const save = async (next: boolean) => {
    setOn(next);
    try {
      await request({ type: 'settings.set', patch: { weeklyBackup: next } });
      setMessage({ ok: true, text: next ? w.weeklyOn : w.weeklyOff });
    } catch (err) {
      setOn(!next);
      setMessage({ ok: false, text: w.failed(errorMessage(err)) });
    }
  };

  return (
    <div class="weekly-backup">
      <h3>{w.weeklyTitle}</h3>
      <label class="check">
        <input type="checkbox" checked={on} aria-describedby="weekly-backup-hint" onChange={(e) => void save(e.currentTarget.checked)} />
        {w.weeklyLabel}
      </label>
      <p id="weekly-backup-hint" class="help muted">
        {w.weeklyHint}
      </p>
      <OutcomeLine outcome={message} />
    </div>
  );
}
