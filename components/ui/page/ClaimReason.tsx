import type { Lang } from '@/components/vocabulary/strings';
import { CATEGORY_NAMES, type ClaimCategory } from '@/components/vocabulary/categories';

/** One flagged sentence as the UI shows it; offsets of the cue are within `sentence`. */
export interface ClaimView {
  index: number;
  category: ClaimCategory;
  sentence: string;
  cueStart: number;
  cueEnd: number;
  reason: { zh: string; en: string };
}

export type ClaimReasonProps = { lang: Lang; claim: ClaimView };

/** Why a sentence is marked: its category, the reason, and the sentence with the cue in bold. */
export default function ClaimReason({ lang, claim }: ClaimReasonProps) {
  const s = claim.sentence;
  return (
    <div class="claim" role="tooltip">
      <p class="claim-head">
        <span class={`cat ${claim.category}`}>{CATEGORY_NAMES[lang][claim.category]}</span>
      </p>
      <p class="claim-reason">{claim.reason[lang]}</p>
      <p class="claim-sentence">
        {s.slice(0, claim.cueStart)}
        <strong class="cue">{s.slice(claim.cueStart, claim.cueEnd)}</strong>
        {s.slice(claim.cueEnd)}
      </p>
    </div>
  );
}
