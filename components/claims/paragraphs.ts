import { detectClaims } from './index';
import type { ClaimCategory, Reason } from './cues';

/** One flagged sentence as a page needs it to mark it: offsets, category, cue and reason. */
export interface ClaimSpan {
  /** UTF-16 offsets into the paragraphs joined by "\n". */
  start: number;
  end: number;
  category: ClaimCategory;
  cue: { start: number; end: number };
  reason: Reason;
}

/**
 * The claims of an article given as its paragraphs, for the `claims.detect` message: the
 * background runs the detector so the page's main thread does not (compiling the cue lexicon's
 * expressions and its first run are most of the cost on a page). The page has the text already,
 * so the sentence and cue texts do not travel back.
 */
export function claimsInParagraphs(paragraphs: readonly string[]): ClaimSpan[] {
  return detectClaims(paragraphs.join('\n')).map((c) => ({
    start: c.start,
    end: c.end,
    category: c.category,
    cue: { start: c.cue.start, end: c.cue.end },
    reason: { zh: c.reason.zh, en: c.reason.en },
  }));
}
