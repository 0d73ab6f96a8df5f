import { useRef, useState } from 'preact/hooks';
import type { Lang } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';
import { VERDICT_ICONS, VERDICT_NAMES, VERDICTS, type Verdict } from '@/components/vocabulary/verdicts';

export type VerdictButtonsProps = {
  lang: Lang;
  /** The reader's verdict on this claim, or null when there is none yet. */
  current: Verdict | null;
  onChoose: (verdict: Verdict) => void;
};

/**
 * The five verdicts as toggle buttons (`aria-pressed` on the current one) in a group with a
 * visible label. One tab stop for the group (roving tabindex: the current verdict, else the
 * first), so Tab passes the group in one step and arrow keys move inside it. The glyphs are
 * decoration beside the names, so a verdict never rests on colour or a symbol alone.
 */
export default function VerdictButtons({ lang, current, onChoose }: VerdictButtonsProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [active, setActive] = useState(Math.max(0, current ? VERDICTS.indexOf(current) : 0));
  const onKeyDown = (e: KeyboardEvent) => {
    const n = VERDICTS.length;
    // Arrows step through the buttons, wrapping round; Home and End jump to the ends.
    const to = ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as Record<string, number>)[e.key];
    const next = to ? (active + to + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };
  return (
    <div class="verdicts" role="group" aria-labelledby="sm-verdict-label" onKeyDown={onKeyDown}>
      <p class="verdict-label" id="sm-verdict-label">
        {strings[lang].verdictLabel}
      </p>
      <div class="verdict-buttons">
        {VERDICTS.map((v, i) => (
          <button
            key={v}
            type="button"
            class="verdict"
            data-verdict={v}
            aria-pressed={v === current ? 'true' : 'false'}
            tabIndex={i === active ? 0 : -1}
            ref={(el) => void (buttons.current[i] = el)}
            onFocus={() => setActive(i)}
            onClick={() => onChoose(v)}
          >
            <span class="verdict-icon" aria-hidden="true">
              {VERDICT_ICONS[v]}
            </span>
            {VERDICT_NAMES[lang][v]}
          </button>
        ))}
      </div>
    </div>
  );
}
