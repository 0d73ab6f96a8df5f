import { useEffect, useState } from 'preact/hooks';
import type { Annotation, Color } from '@/storage/model/annotation';
import HighlightPopover from './HighlightPopover';
import { strings } from '@/components/vocabulary/strings';
import type { NoteFrameParams } from '@/storage/messaging/note-frame';
import NoteEditor from './NoteEditor';

/** How the frame reaches the database: through the background, like the content script. */
export interface NoteFrameBackend {
  listForPage(pageKey: string): Promise<Annotation[]>;
  save(a: Annotation): Promise<Annotation>;
  update(id: string, patch: Partial<Pick<Annotation, 'note' | 'color'>>): Promise<Annotation>;
  delete(id: string): Promise<boolean>;
}

export type NoteFrameProps = {
  params: NoteFrameParams;
  backend: NoteFrameBackend;
  /** An annotation was created, changed or deleted: the page repaints it and closes the frame. */
  onChanged: (id: string) => void;
  onClose: () => void;
  now?: () => Date;
  newId?: () => string;
};

type View = { kind: 'loading' } | { kind: 'gone' } | { kind: 'popover'; a: Annotation } | { kind: 'editor'; a: Annotation | null };

/** The highlight popover and the note editor, rendered inside the extension's own frame. */
export default function NoteFrame({ params, backend, onChanged, onClose, now = () => new Date(), newId = () => crypto.randomUUID() }: NoteFrameProps) {
  const t = strings[params.lang];
  const [view, setView] = useState<View>(params.mode === 'new' ? { kind: 'editor', a: null } : { kind: 'loading' });
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

  useEffect(() => {
    if (params.mode !== 'view') return;
    backend.listForPage(params.pageKey).then(
      (list) => {
        const a = list.find((x) => x.id === params.id);
        setView(a ? { kind: 'popover', a } : { kind: 'gone' });
      },
      (err: unknown) => setError(messageOf(err)),
    );
  }, []);

  const run = async (fn: () => Promise<string>) => {
    try {
      const id = await fn();
      setError(null);
      onChanged(id);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const saveNote = (a: Annotation | null, note: string) =>
    run(async () => {
      if (a) return (await backend.update(a.id, { note })).id;
      if (params.mode !== 'new') throw new Error('nothing to save');
      const at = now().toISOString();
      // The id is the frame's own: a draft never names an existing annotation to overwrite.
      const created: Annotation = { ...params.draft, id: newId(), note, tags: [], created: at, updated: at };
      return (await backend.save(created)).id;
    });
  const recolor = (a: Annotation, color: Color) => run(async () => (await backend.update(a.id, { color })).id);
  const remove = (a: Annotation) =>
    run(async () => {
      await backend.delete(a.id);
      return a.id;
    });

  return (
    <div class="panel">
      {view.kind === 'popover' ? (
        <HighlightPopover
          lang={params.lang}
          note={view.a.note}
          tags={view.a.tags}
          color={view.a.color}
          onEdit={() => setView({ kind: 'editor', a: view.a })}
          onRecolor={(c) => void recolor(view.a, c)}
          onDelete={() => void remove(view.a)}
        />
      ) : null}
      {view.kind === 'editor' ? (
        <NoteEditor
          lang={params.lang}
          initial={view.a?.note ?? ''}
          onSave={(note) => void saveNote(view.a, note)}
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

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
