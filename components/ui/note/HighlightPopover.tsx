import { COLORS, type Color } from '@/storage/model/colors';
import { strings, type Lang } from '@/components/vocabulary/strings';

export type HighlightPopoverProps = {
  lang: Lang;
  note: string;
  tags: readonly string[];
  color: Color;
  onEdit: () => void;
  onRecolor: (color: Color) => void;
  onDelete: () => void;
};

/** What clicking an existing highlight shows: its note (as text, never markup) and its actions. */
export default function HighlightPopover({ lang, note, tags, color, onEdit, onRecolor, onDelete }: HighlightPopoverProps) {
  const t = strings[lang];
  return (
    <div class="col" role="dialog" aria-label={t.note}>
      <p class={`note${note ? '' : ' empty'}`}>{note || t.noNote}</p>
      {tags.length ? <p class="tags">{tags.map((tag) => `#${tag}`).join(' ')}</p> : null}
      <div class="row" role="group" aria-label={t.recolor}>
        {COLORS.map((c) => (
          <button
            type="button"
            key={c}
            class="swatch"
            aria-label={`${t.recolor}: ${t.colors[c]}`}
            aria-pressed={c === color}
            data-color={c}
            onClick={() => onRecolor(c)}
          >
            <span class={`dot ${c}`} aria-hidden="true" />
          </button>
        ))}
      </div>
      <div class="row">
        <button type="button" onClick={onEdit}>
          {t.edit}
        </button>
        <button type="button" onClick={onDelete}>
          {t.delete}
        </button>
      </div>
    </div>
  );
}
