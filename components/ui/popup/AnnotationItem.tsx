import { useRef, useState } from 'preact/hooks';
import type { Listed } from '@/storage/db/digest';
import { useEnv } from './env';
import { errorMessage } from '@/storage/model/error-message';
import { VERDICT_ICONS, VERDICT_NAMES } from '@/components/vocabulary/verdicts';

export type AnnotationItemProps = {
  /** As the search digest lists it (storage/db/digest.ts listedOf for a whole record). */
  annotation: Listed;
  /** Saved for the page but not found on it now: going there cannot show it. */
  orphan?: boolean;
};

/**
 * One highlight: its colour, quote and note (all rendered as text), with in-place note editing,
 * delete, and "open and show" on the page.
 */
export default function AnnotationItem({ annotation: a, orphan = false }: AnnotationItemProps) {
  const { t, actions, lang } = useEnv();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(a.note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(t.failed(errorMessage(err)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    // Read from the field: a save right after the last keystroke may come before the re-render.
    const note = box.current?.value ?? draft;
    if (await run(() => actions.saveNote(a, note))) setEditing(false);
  };

  return (
    <li class="item" data-annotation-id={a.id} data-color={a.color}>
      <div class="item-main">
        <span class={`dot ${a.color}`} role="img" aria-label={t.colors[a.color]} />
        <blockquote class="quote">{a.quote}</blockquote>
      </div>
      {orphan ? <p class="badge">{t.notFoundOnPage}</p> : null}
      {editing ? (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <textarea
            ref={box}
            aria-label={t.noteLabel}
            value={draft}
            rows={3}
            autoFocus
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            }}
          />
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {t.save}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : a.note ? (
        <p class="note">{a.note}</p>
      ) : null}
      {a.verdict ? (
        <p class={`verdict-chip ${a.verdict}`} data-verdict={a.verdict}>
          <span aria-hidden="true">{VERDICT_ICONS[a.verdict]}</span> {VERDICT_NAMES[lang][a.verdict]}
        </p>
      ) : null}
      {a.tags.length ? <p class="tags">{a.tags.map((tag) => `#${tag}`).join(' ')}</p> : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {editing ? null : (
        <div class="row actions">
          {orphan ? null : (
            <button type="button" onClick={() => void run(() => actions.go(a))}>
              {t.goTo}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setDraft(a.note);
              setEditing(true);
            }}
          >
            {a.note ? t.editNote : t.addNote}
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => void run(() => actions.remove(a))}>
            {t.delete}
          </button>
        </div>
      )}
    </li>
  );
}
