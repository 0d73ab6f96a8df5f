import type { Verdict } from '../vocabulary/verdicts';

/**
 * A note, tags or a verdict that lost to a newer change made on another device. The merge rule
 * picks one version of an annotation; what the losing version said is kept here, listed on the
 * options page, until the reader copies it back or dismisses it: a note, or the verdict a
 * fact-checker reached with its evidence, is never dropped silently.
 */
export interface KeptAside {
  /** `<annotation id>@<losing version's t>`: one entry per lost version. */
  key: string;
  annotationId: string;
  /** The page, for the reader to find it (the quote below says where on it). */
  url: string;
  title: string;
  quote: string;
  /** The losing version's note (may be empty when only tags were lost). */
  note: string;
  /** Tags the losing version had that the winner lacks. */
  tags: string[];
  /**
   * The losing version's verdict and evidence links, when the winner's verdict differs or lacks
   * some of the links (absent in entries kept before verdicts existed).
   */
  assessment?: { verdict: Verdict; evidence: string[] };
  /** Why it lost: a newer edit, or a deletion made on another device. */
  reason: 'newer-edit' | 'deleted';
  /** When the losing change was made, and when it was set aside (ISO). */
  changed: string;
  at: string;
}
