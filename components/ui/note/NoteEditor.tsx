import { useEffect, useRef, useState } from 'preact/hooks';
import { strings, type Lang } from '@/components/vocabulary/strings';

export type NoteEditorProps = {
  lang: Lang;
  initial: string;
  onSave: (note: string) => void;
  onCancel: () => void;
};

/** A note textbox with Save; Escape cancels, Ctrl/Cmd+Enter saves. */
export default function NoteEditor({ lang, initial, onSave, onCancel }: NoteEditorProps) {
  const t = strings[lang];
  const [text, setText] = useState(initial);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <form
      class="col"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
      }}
      onKeyDown={(e) => {
        // Stop the page's own shortcuts from firing while the reader types a note.
        e.stopPropagation();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSave(text);
      }}
      // Escape on key up: cancelling may remove the frame this editor lives in, and the key's
      // release must not be sent to a frame that is gone.
      onKeyUp={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onCancel();
      }}
    >
      <textarea
        ref={box}
        aria-label={t.note}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="row">
        <button type="submit">{t.save}</button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
