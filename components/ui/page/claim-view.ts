import type { ClaimCategory } from '@/components/vocabulary/categories';

/** One flagged sentence as the UI shows it; offsets of the cue are within `sentence`. */
export interface ClaimView {
  index: number;
  category: ClaimCategory;
  sentence: string;
  cueStart: number;
  cueEnd: number;
  reason: { zh: string; en: string };
}
