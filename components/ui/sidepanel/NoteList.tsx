import { panelStrings } from '@/components/vocabulary/panel-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { VERDICT_ICONS, VERDICT_NAMES } from '@/components/vocabulary/verdicts';
import { quoteOf, type Annotation } from '@/storage/model/annotation';
import Evidence from './Evidence';

export type NoteListProps = {
  lang: Lang;
  heading: string;
  help?: string;
  annotations: readonly Annotation[];
  /** Absent for orphans: there is nothing on the page to go to. */
  onReveal?: (id: string) => void;
  kind: 'highlights' | 'orphans';
};

/** Highlights and notes (or orphans) of this page, each as the page's words and the reader's. */
export default function NoteList({ lang, heading, help, annotations, onReveal, kind }: NoteListProps) {
  const t = panelStrings[lang];
  const id = `${kind}-head`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {help ? <p class="help">{help}</p> : null}
      {annotations.length === 0 ? <p class="muted">{t.none}</p> : null}
      <ul class={`notes ${kind}`}>
        {annotations.map((a) => {
          const verdict = a.assessment?.verdict;
          const quote = <span class="quote">{quoteOf(a).exact}</span>;
          return (
            <li key={a.id} class="note-item" data-annotation-id={a.id} data-color={a.color} data-verdict={verdict}>
              {onReveal ? (
                <button type="button" class="go" title={t.goTo} onClick={() => onReveal(a.id)}>
                  {quote}
                </button>
              ) : (
                <p>{quote}</p>
              )}
              {verdict ? (
                <p class={`verdict-chip ${verdict}`}>
                  <span aria-hidden="true">{VERDICT_ICONS[verdict]}</span> {VERDICT_NAMES[lang][verdict]}
                </p>
              ) : null}
              <p class={a.note ? 'note' : 'note muted'}>{a.note || t.noNote}</p>
              {a.tags.length ? <p class="tags">{a.tags.map((x) => `#${x}`).join(' ')}</p> : null}
              {a.assessment?.evidence.length ? <Evidence links={a.assessment.evidence} lang={lang} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
