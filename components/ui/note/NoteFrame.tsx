import { useEffect, useState } from 'preact/hooks';
import type { Annotation, Color } from '@/storage/model/annotation';
import type { NoteGrantView } from '@/storage/messaging/protocol';
import { strings } from '@/components/vocabulary/strings';
import HighlightPopover from './HighlightPopover';
import NoteEditor from './NoteEditor';

/**
 * What the frame may do: exactly what its redeemed token granted, nothing named by the frame.
 * The background knows which annotation (or which new highlight) that is.
 */
export interface NoteFrameBackend {
  saveNote(note: string): Promise<Annotation>;
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
  return grant.annotation ? { kind: 'popover', a: grant.annotation } : { kind: 'gone' };
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
          onEdit={() => setView({ kind: 'editor', a: view.a })}
          onRecolor={(c) => void run(() => backend.recolor(c))}
          onDelete={() => void run(() => backend.delete())}
        />
      ) : null}
      {view.kind === 'editor' ? (
        <NoteEditor
          lang={grant.lang}
          initial={view.a?.note ?? ''}
          onSave={(note) => void run(() => backend.saveNote(note))}
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
