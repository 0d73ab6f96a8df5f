import { useEffect, useRef, useState } from 'preact/hooks';
import { strings, type Lang } from '@/components/vocabulary/strings';
import { assessStrings } from '@/components/vocabulary/assess-strings';
import type { Verdict } from '@/components/vocabulary/verdicts';
import { MAX_EVIDENCE, type Assessment } from '@/storage/model/annotation';
import { parseEvidence } from './evidence-lines';
import VerdictChoice from './VerdictChoice';

export interface NoteEdit {
  note: string;
  /** Undefined when the editor shows no verdict; null withdraws one. */
  assessment?: Assessment | null;
}

export type NoteEditorProps = {
  lang: Lang;
  /** The passage the note is about, shown as the page's text (never markup). */
  quote: string;
  initial: string;
  /**
   * The verdict part: absent for a plain note; `assessment` null when the highlight has none yet.
   * `claim` set when the passage is a claim mark (its verdict cannot be withdrawn here, only changed).
   */
  assess?: { assessment: Assessment | null; claim: boolean };
  onSave: (edit: NoteEdit) => void;
  onCancel: () => void;
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The note (and verdict) editor: the quoted passage, labelled fields, and the keys that save and
 * cancel written under them. Escape cancels, Ctrl/Cmd+Enter saves.
 */
export default function NoteEditor({ lang, quote, initial, assess, onSave, onCancel }: NoteEditorProps) {
  const t = strings[lang];
  const a = assessStrings[lang];
  const [text, setText] = useState(initial);
  const [verdict, setVerdict] = useState<Verdict | null>(assess?.assessment?.verdict ?? (assess?.claim ? 'unchecked' : null));
  const [evidence, setEvidence] = useState((assess?.assessment?.evidence ?? []).join('\n'));
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const save = () => {
    if (!assess) return onSave({ note: text });
    const links = parseEvidence(evidence);
    if (!links.ok) {
      setProblem('tooMany' in links ? a.evidenceTooMany(MAX_EVIDENCE) : a.evidenceBad(links.line, links.text));
      return;
    }
    setProblem(null);
    if (verdict === null) return onSave({ note: text, assessment: null });
    const claim = assess.assessment?.claim;
    onSave({ note: text, assessment: { verdict, evidence: links.links, ...(claim ? { claim } : {}) } });
  };

  return (
    <form
      class="col editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        // Stop the page's own shortcuts from firing while the reader types a note.
        e.stopPropagation();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
      // Escape on key up: cancelling may remove the frame this editor lives in, and the key's
      // release must not be sent to a frame that is gone.
      onKeyUp={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onCancel();
      }}
    >
      {quote ? (
        <figure class="passage">
          <figcaption>{a.passage}</figcaption>
          <blockquote>{quote}</blockquote>
        </figure>
      ) : null}
      {assess ? (
        <VerdictChoice lang={lang} value={verdict} allowNone={!assess.claim} onChange={setVerdict} />
      ) : null}
      <label class="field">
        <span>{a.noteLabel}</span>
        <textarea ref={box} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      {assess ? (
        <label class="field">
          <span>{a.evidence}</span>
          <textarea
            class="evidence"
            value={evidence}
            aria-invalid={problem ? 'true' : undefined}
            onInput={(e) => setEvidence((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
      ) : null}
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="row">
        <button type="submit">{t.save}</button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
        <span class="keys">{a.keys(isMac)}</span>
      </div>
    </form>
  );
}
