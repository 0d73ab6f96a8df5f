import { VERDICTS, VERDICT_ICONS, VERDICT_NAMES, type Verdict } from '@/components/vocabulary/verdicts';
import { assessStrings } from '@/components/vocabulary/assess-strings';
import type { Lang } from '@/components/vocabulary/strings';

export type VerdictChoiceProps = {
  lang: Lang;
  value: Verdict | null;
  /** A plain highlight may have no verdict; a claim's assessment always has one. */
  allowNone: boolean;
  onChange: (v: Verdict | null) => void;
};

/** The verdict as a radio group: arrow keys move between verdicts, as in any radio group. */
export default function VerdictChoice({ lang, value, allowNone, onChange }: VerdictChoiceProps) {
  const t = assessStrings[lang];
  const options: (Verdict | null)[] = allowNone ? [null, ...VERDICTS] : [...VERDICTS];
  return (
    <fieldset class="verdicts">
      <legend>{t.verdict}</legend>
      {options.map((v) => (
        <label key={v ?? 'none'} class="verdict" data-verdict={v ?? 'none'}>
          <input type="radio" name="verdict" checked={value === v} onChange={() => onChange(v)} />
          {v ? (
            <>
              <span class="icon" aria-hidden="true">
                {VERDICT_ICONS[v]}
              </span>
              {VERDICT_NAMES[lang][v]}
            </>
          ) : (
            t.noVerdict
          )}
        </label>
      ))}
    </fieldset>
  );
}
