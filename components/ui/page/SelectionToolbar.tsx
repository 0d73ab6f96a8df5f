import { COLORS, type Color } from '@/storage/model/colors';
import { highlightLabel, strings, type Lang } from '@/components/vocabulary/strings';

export type SelectionToolbarProps = {
  lang: Lang;
  defaultColor: Color;
  onHighlight: (color: Color) => void;
  onNote: () => void;
};

/** The small bar shown under a text selection: one highlight button per colour, then Note. */
export default function SelectionToolbar({ lang, defaultColor, onHighlight, onNote }: SelectionToolbarProps) {
  const ordered = [defaultColor, ...COLORS.filter((c) => c !== defaultColor)];
  return (
    <div class="row" role="toolbar" aria-label={strings[lang].toolbar}>
      {ordered.map((color) => {
        const isDefault = color === defaultColor;
        const label = highlightLabel(lang, color, isDefault);
        return (
          <button
            type="button"
            key={color}
            class={`swatch${isDefault ? ' default' : ''}`}
            aria-label={label}
            title={label}
            data-color={color}
            // Keep the page's selection: a mousedown on a button would otherwise collapse it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onHighlight(color)}
          >
            <span class={`dot ${color}`} aria-hidden="true" />
            {isDefault ? <span aria-hidden="true">{strings[lang].highlight}</span> : null}
          </button>
        );
      })}
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onNote}>
        {strings[lang].note}
      </button>
    </div>
  );
}
