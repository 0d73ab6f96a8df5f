import { useState } from 'preact/hooks';
import { ledgerStrings } from '@/components/vocabulary/ledger-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';

export type LedgerSwitchProps = {
  /** The stored setting; the switch follows it when it changes elsewhere (the options page). */
  enabled: boolean;
  lang: Lang;
};

/**
 * "Count the articles I open": the `ledgerEnabled` setting, written by the background like every
 * setting. Shown switched at once; if the background refuses, it switches back and says why.
 */
export default function LedgerSwitch({ enabled, lang }: LedgerSwitchProps) {
  const t = ledgerStrings[lang];
  const [on, setOn] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  // Follows the stored setting only when it changes, during render: an effect would also run
  // after mounting, a frame late, and undo a click made in that frame.
  const [stored, setStored] = useState(enabled);
  if (enabled !== stored) {
    setStored(enabled);
    setOn(enabled);
  }
  const toggle = async (next: boolean) => {
    setOn(next);
    try {
      await request({ type: 'settings.set', patch: { ledgerEnabled: next } });
      setError(null);
    } catch (err) {
      setOn(!next);
      setError(t.failed(errorMessage(err)));
    }
  };
  return (
    <div class="ledger-switch">
      <label class="check">
        <input type="checkbox" role="switch" checked={on} onChange={(e) => void toggle(e.currentTarget.checked)} />
        {t.enabled}
      </label>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
