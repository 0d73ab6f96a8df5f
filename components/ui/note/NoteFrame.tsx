import { useEffect, useState } from 'preact/hooks';
import { quoteOf, type Annotation, type Assessment, type Color } from '@/storage/model/annotation';
import type { NoteGrantView } from '@/storage/messaging/protocol';
import { strings } from '@/components/vocabulary/strings';
import HighlightPopover from './HighlightPopover';
import NoteEditor, { type NoteEdit } from './NoteEditor';

/**
 * What the frame may do: exactly what its redeemed token granted, nothing named by the frame.
 * The background knows which annotation (or which new highlight) that is.
 */
export interface NoteFrameBackend {
  saveNote(edit: NoteEdit): Promise<Annotation>;
  recolor(color: Color): Promise<Annotation>;
  delete(): Promise<boolean>;
}

export type NoteFrameProps = {
  grant: NoteGrantView;
  backend: NoteFrameBackend;
  /** Done (saved, recoloured, deleted) or cancelled: the page closes the frame. */
  onClose: () => void;
};

type View = { kind: 'gone' } | { kind: 'popover'; a: Annotation } | { kind: 'editor'; a: Annotation | null };

function initialView(grant: NoteGrantView): View {
  if (grant.mode === 'new') return { kind: 'editor', a: null };
  if (!grant.annotation) return { kind: 'gone' };
  return grant.edit ? { kind: 'editor', a: grant.annotation } : { kind: 'popover', a: grant.annotation };
}

/** The highlight popover and the note editor, rendered inside the extension's own frame. */
export default function NoteFrame({ grant, backend, onClose }: NoteFrameProps) {
  const t = strings[grant.lang];
  const [view, setView] = useState<View>(() => initialView(grant));
  const [error, setError] = useState<string | null>(null);

  // Escape closes the panel wherever the focus is in the frame (the frame itself has it on open).
  // On key up: closing removes this frame, and the key's release must not go to a frame that is
  // gone (Chromium then never finishes delivering it).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keyup', onKey);
    return () => window.removeEventListener('keyup', onKey);
  }, [onClose]);

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div class="panel">
      {view.kind === 'popover' ? (
        <HighlightPopover
          lang={grant.lang}
          note={view.a.note}
          tags={view.a.tags}
          color={view.a.color}
          assessment={view.a.assessment ?? null}
          onEdit={() => setView({ kind: 'editor', a: view.a })}
          onRecolor={(c) => void run(() => backend.recolor(c))}
          onDelete={() => void run(() => backend.delete())}
        />
      ) : null}
      {view.kind === 'editor' ? (
        <NoteEditor
          lang={grant.lang}
          quote={view.a ? quoteOf(view.a).exact : grant.mode === 'new' ? grant.quote : ''}
          initial={view.a?.note ?? ''}
          assess={assessOf(view.a, grant)}
          onSave={(edit) => void run(() => backend.saveNote(edit))}
          onCancel={onClose}
        />
      ) : null}
      {view.kind === 'gone' ? <p class="note empty">{t.noteGone}</p> : null}
      {error ? (
        <p class="error" role="alert">
          {t.saveFailed(error)}
        </p>
      ) : null}
    </div>
  );
}

/** Every note may carry a verdict; a claim's assessment keeps one (withdrawing it is deleting it). */
function assessOf(a: Annotation | null, grant: NoteGrantView): { assessment: Assessment | null; claim: boolean } {
  const assessment = a ? (a.assessment ?? null) : grant.mode === 'new' ? grant.assessment : null;
  return { assessment, claim: assessment?.claim !== undefined };
}
