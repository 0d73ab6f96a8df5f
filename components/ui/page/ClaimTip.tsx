import { useState } from 'preact/hooks';
import type { Lang } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';
import type { Verdict } from '@/components/vocabulary/verdicts';
import ClaimReason, { type ClaimView } from './ClaimReason';
import VerdictButtons from './VerdictButtons';

export type ClaimTipProps = {
  lang: Lang;
  claim: ClaimView;
  /** The stored verdict, as the caller knows it. */
  verdict: Verdict | null;
  onVerdict: (verdict: Verdict) => void;
  onAssess: () => void;
};

/**
 * A claim mark's tooltip: why it is marked, the reader's verdict on it, and a way to the full
 * note-and-evidence editor. A verdict chosen here shows as pressed at once, before the caller has
 * stored it, and the tip stays open; a new `verdict` from the caller (stored, or changed
 * elsewhere) replaces it.
 */
export default function ClaimTip({ lang, claim, verdict, onVerdict, onAssess }: ClaimTipProps) {
  // The reader's choice stands while the caller's verdict is still the one it was made over; an
  // effect that copied the prop into state would run after paint and could undo a quick click.
  const [choice, setChoice] = useState<{ over: Verdict | null; verdict: Verdict } | null>(null);
  const current = choice && choice.over === verdict ? choice.verdict : verdict;
  return (
    <div class="tip" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <ClaimReason lang={lang} claim={claim} />
      <VerdictButtons
        lang={lang}
        current={current}
        onChoose={(v) => {
          setChoice({ over: verdict, verdict: v });
          onVerdict(v);
        }}
      />
      <button type="button" class="assess" onClick={onAssess}>
        {strings[lang].assess}
      </button>
    </div>
  );
}
