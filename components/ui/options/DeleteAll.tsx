import { useState } from 'preact/hooks';
import { useEnv } from '../popup/env';
import { request } from '@/storage/messaging/client';
import { popupStrings } from '@/components/vocabulary/strings';
import { useLive } from '../popup/use-live';
import { errorMessage } from '@/storage/model/error-message';

// Either language's word confirms: typing it at all is the deliberate act that matters.
const WORDS: readonly string[] = [popupStrings.zh.deleteAllWord, popupStrings.en.deleteAllWord];

export type DeleteAllProps = Record<string, never>;

/** Deletes every annotation, once the reader typed the confirmation word of their language. */
export default function DeleteAll(_props: DeleteAllProps) {
  const { db, t } = useEnv();
  const count = useLive(() => db.annotations.count(), [db]);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const n = count.value ?? 0;
  const confirmed = WORDS.includes(typed.trim());

  const run = async () => {
    try {
      // The background deletes, then tells every open page to load its (now no) annotations.
      const { deleted } = await request({ type: 'data.deleteAll' });
      setTyped('');
      setMessage({ ok: true, text: t.deletedAll(deleted) });
    } catch (err) {
      setMessage({ ok: false, text: t.failed(errorMessage(err)) });
    }
  };

  return (
    <section aria-labelledby="delete-all-title" class="delete-all">
      <h3 id="delete-all-title">{t.deleteAllTitle}</h3>
      <label class="field">
        {t.deleteAllHint(t.deleteAllWord, n)}
        <input type="text" value={typed} autoComplete="off" onInput={(e) => setTyped(e.currentTarget.value)} />
      </label>
      <button type="button" class="danger" disabled={!confirmed || n === 0} onClick={() => void run()}>
        {t.deleteAllButton}
      </button>
      {message ? (
        <p class={message.ok ? '' : 'error'} role="status">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
