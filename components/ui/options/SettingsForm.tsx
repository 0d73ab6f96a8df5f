import { useState } from 'preact/hooks';
import { useEnv } from '../popup/env';
import { COLORS } from '@/storage/model/annotation';
import { LANGUAGES, type Settings, type SettingsPatch } from '@/storage/model/settings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';

export type SettingsFormProps = {
  settings: Settings;
};

/** Claim marks, banner, default colour and language; each change is saved at once. */
export default function SettingsForm({ settings: stored }: SettingsFormProps) {
  const { t } = useEnv();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Shown at once: controlled inputs snap back to their value until the stored one changes.
  const [settings, setSettings] = useState(stored);
  // Follows the stored settings only when they change, during render: an effect would also run
  // after mounting, a frame late, and undo a choice made in that frame (as LedgerSwitch).
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    setSettings(stored);
  }
  const save = async (patch: SettingsPatch) => {
    setSettings((s) => ({ ...s, ...patch }));
    try {
      await request({ type: 'settings.set', patch });
      setStatus({ ok: true, text: t.saved });
    } catch (err) {
      setSettings(stored);
      setStatus({ ok: false, text: t.failed(errorMessage(err)) });
    }
  };
  const languageLabel = { auto: t.languageAuto, zh: '中文', en: 'English' } as const;
  return (
    <section aria-labelledby="reading-title">
      <h2 id="reading-title">{t.sectionReading}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.claimsEnabled}
          onChange={(e) => void save({ claimsEnabled: e.currentTarget.checked })}
        />
        {t.claimsEnabled}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.bannerEnabled}
          onChange={(e) => void save({ bannerEnabled: e.currentTarget.checked })}
        />
        {t.bannerEnabled}
      </label>
      <fieldset>
        <legend>{t.defaultColor}</legend>
        <div class="row">
          {COLORS.map((c) => (
            <label key={c} class="swatch-choice">
              <input type="radio" name="default-color" checked={settings.defaultColor === c} onChange={() => void save({ defaultColor: c })} />
              <span class={`dot ${c}`} aria-hidden="true" />
              {t.colors[c]}
            </label>
          ))}
        </div>
      </fieldset>
      <label class="field">
        {t.language}
        <select
          value={settings.language}
          onChange={(e) => {
            const v = e.currentTarget.value;
            const language = LANGUAGES.find((l) => l === v);
            if (language) void save({ language });
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageLabel[l]}
            </option>
          ))}
        </select>
      </label>
      {status ? (
        <p class={status.ok ? 'muted' : 'error'} role="status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
