import type { Color } from '@/storage/annotation';
import HighlightPopover from './HighlightPopover';
import type { Lang } from './i18n';
import { strings } from './i18n';
import NoteEditor from './NoteEditor';
import SelectionToolbar from './SelectionToolbar';

/** Which panel is open, and where (document coordinates of its top-left corner). */
export type Panel =
  | { kind: 'none' }
  | { kind: 'toolbar'; x: number; y: number }
  | { kind: 'editor'; x: number; y: number; initial: string; annotationId: string | null }
  | { kind: 'popover'; x: number; y: number; annotationId: string; note: string; tags: readonly string[]; color: Color };

export type AnnotatorLayerProps = {
  lang: Lang;
  panel: Panel;
  defaultColor: Color;
  error: string | null;
  onHighlight: (color: Color) => void;
  onOpenEditor: (annotationId: string | null, initial: string) => void;
  onSaveNote: (annotationId: string | null, note: string) => void;
  onRecolor: (annotationId: string, color: Color) => void;
  onDelete: (annotationId: string) => void;
  onClose: () => void;
};

/** The one panel Sourcemark shows over the page at a time. */
export default function AnnotatorLayer(props: AnnotatorLayerProps) {
  const { lang, panel, error } = props;
  if (panel.kind === 'none' && !error) return null;
  const x = panel.kind === 'none' ? 16 : panel.x;
  const y = panel.kind === 'none' ? 16 : panel.y;
  return (
    <div class="layer">
      <div class="panel" style={{ left: `${x}px`, top: `${y}px` }}>
        {panel.kind === 'toolbar' ? (
          <SelectionToolbar
            lang={lang}
            defaultColor={props.defaultColor}
            onHighlight={props.onHighlight}
            onNote={() => props.onOpenEditor(null, '')}
          />
        ) : null}
        {panel.kind === 'editor' ? (
          <NoteEditor
            lang={lang}
            initial={panel.initial}
            onSave={(note) => props.onSaveNote(panel.annotationId, note)}
            onCancel={props.onClose}
          />
        ) : null}
        {panel.kind === 'popover' ? (
          <HighlightPopover
            lang={lang}
            note={panel.note}
            tags={panel.tags}
            color={panel.color}
            onEdit={() => props.onOpenEditor(panel.annotationId, panel.note)}
            onRecolor={(c) => props.onRecolor(panel.annotationId, c)}
            onDelete={() => props.onDelete(panel.annotationId)}
          />
        ) : null}
        {error ? (
          <p class="error" role="alert">
            {strings[lang].saveFailed(error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
