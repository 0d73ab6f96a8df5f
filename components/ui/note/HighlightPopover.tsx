import { COLORS, type Color } from '@/storage/model/colors';
import { strings, type Lang } from '@/components/vocabulary/strings';
import { assessStrings } from '@/components/vocabulary/assess-strings';
import { VERDICT_ICONS, VERDICT_NAMES } from '@/components/vocabulary/verdicts';
import type { Assessment } from '@/storage/model/annotation';

export type HighlightPopoverProps = {
  lang: Lang;
  note: string;
  tags: readonly string[];
  color: Color;
  assessment: Assessment | null;
  onEdit: () => void;
  onRecolor: (color: Color) => void;
  onDelete: () => void;
};

/** What clicking an existing highlight shows: its note (as text, never markup) and its actions. */
export default function HighlightPopover({ lang, note, tags, color, assessment, onEdit, onRecolor, onDelete }: HighlightPopoverProps) {
  const t = strings[lang];
  const a = assessStrings[lang];
  return (
    <div class="col" role="dialog" aria-label={t.note}>
      <p class={`note${note ? '' : ' empty'}`}>{note || t.noNote}</p>
      {tags.length ? <p class="tags">{tags.map((tag) => `#${tag}`).join(' ')}</p> : null}
      {assessment ? (
        <p class="verdict-line" data-verdict={assessment.verdict}>
          {a.verdict}:{' '}
          <span class="icon" aria-hidden="true">
            {VERDICT_ICONS[assessment.verdict]}
          </span>{' '}
          <strong>{VERDICT_NAMES[lang][assessment.verdict]}</strong>
        </p>
      ) : null}
      {assessment && assessment.evidence.length ? (
        <ul class="evidence-list" aria-label={a.evidenceList}>
          {assessment.evidence.map((href) => (
            <li key={href}>
              {/* Only http(s) addresses are ever stored (AssessmentSchema). */}
              <a href={href} target="_blank" rel="noreferrer noopener">
                {href}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
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
