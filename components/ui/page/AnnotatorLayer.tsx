import type { Color } from '@/storage/model/annotation';
import type { Lang } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';
import { NOTE_FRAME_HEIGHT, NOTE_FRAME_WIDTH } from '@/storage/messaging/protocol-constants';
import SelectionToolbar from './SelectionToolbar';

/**
 * Which panel is open, and where (document coordinates of its top-left corner). Notes are only
 * ever shown in the note frame (`src`: the extension's note.html, always the same address: the
 * frame takes no instructions from it), never in this shadow root, which page scripts can read
 * (see entrypoints/content/annotator/note-frame-channel.ts). `frame` tells one opening from the next.
 */
export type Panel =
  | { kind: 'none' }
  | { kind: 'toolbar'; x: number; y: number }
  | { kind: 'note'; x: number; y: number; src: string; frame: number };

export type AnnotatorLayerProps = {
  lang: Lang;
  panel: Panel;
  defaultColor: Color;
  error: string | null;
  onHighlight: (color: Color) => void;
  onNote: () => void;
  /** The note frame loaded (its token is then posted to it). */
  onFrameLoad: (frame: HTMLIFrameElement) => void;
};

/** The one panel Sourcemark shows over the page at a time. */
export default function AnnotatorLayer(props: AnnotatorLayerProps) {
  const { lang, panel, error } = props;
  if (panel.kind === 'none' && !error) return null;
  const x = panel.kind === 'none' ? 16 : panel.x;
  const y = panel.kind === 'none' ? 16 : panel.y;
  const alert = error ? (
    <p class="error" role="alert">
      {strings[lang].saveFailed(error)}
    </p>
  ) : null;
  return (
    <div class="layer">
      {panel.kind === 'note' ? (
        <div class="frame-panel" style={{ left: `${x}px`, top: `${y}px` }}>
          {/* A new element, so a new frame, per opening: one token each. */}
          <iframe
            key={panel.frame}
            class="note-frame"
            src={panel.src}
            title={strings[lang].note}
            width={NOTE_FRAME_WIDTH}
            height={NOTE_FRAME_HEIGHT}
            // A frame of another origin may not take focus by itself: give it the focus, so the
            // reader types into the note at once and Escape closes it.
            onLoad={(e) => {
              props.onFrameLoad(e.currentTarget);
              e.currentTarget.focus({ preventScroll: true });
            }}
          />
          {alert ? <div class="panel static">{alert}</div> : null}
        </div>
      ) : (
        <div class="panel" style={{ left: `${x}px`, top: `${y}px` }}>
          {panel.kind === 'toolbar' ? (
            <SelectionToolbar lang={lang} defaultColor={props.defaultColor} onHighlight={props.onHighlight} onNote={props.onNote} />
          ) : null}
          {alert}
        </div>
      )}
    </div>
  );
}
