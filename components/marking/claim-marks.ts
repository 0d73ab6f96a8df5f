import type { ClaimView } from '../ui/page/claim-view';
import { ATTR, MARK_KIND } from '../vocabulary/attributes';
import type { ClaimCategory } from '../vocabulary/categories';
import { highlightRange, type HighlightHandle } from './highlighter';
import { blockTexts, type BlockText } from './text-ranges';

/** What the detector gives for one sentence (see claims.ts); only what marking needs. */
export interface DetectedClaim {
  start: number;
  end: number;
  category: ClaimCategory;
  cue: { start: number; end: number };
  reason: { zh: string; en: string };
}

export interface ClaimMarks {
  views: ClaimView[];
  /** The mark elements of claim `index`, in document order. */
  elements(index: number): HTMLElement[];
  remove(): void;
}

/**
 * Runs the detector over the article body's text and marks each flagged sentence in place with
 * `data-sourcemark="claim"` elements (several when the sentence crosses inline markup). The
 * page's text is unchanged: marks only wrap existing Text nodes.
 */
export function markClaims(body: Element, detect: (text: string) => readonly DetectedClaim[]): ClaimMarks {
  const text = blockTexts(body);
  return markDetectedClaims(text, detect(text.text));
}

/**
 * Marks claims detected elsewhere (the background, `claims.detect`) over `text`, the paragraph
 * text they were detected in; `text` must still describe the page (see blockTexts).
 */
export function markDetectedClaims(text: BlockText, claims: readonly DetectedClaim[]): ClaimMarks {
  const views: ClaimView[] = [];
  const handles: HighlightHandle[] = [];
  claims.forEach((c) => {
    const range = text.rangeFor(c.start, c.end);
    if (!range) return;
    const index = views.length;
    const handle = highlightRange(range, {
      [ATTR.mark]: MARK_KIND.claim,
      [ATTR.category]: c.category,
      [ATTR.claimIndex]: String(index),
    });
    if (handle.elements.length === 0) return;
    // Focusable, so keyboard readers reach the reason as mouse readers do by hovering.
    handle.elements[0]!.tabIndex = 0;
    handles.push(handle);
    views.push({
      index,
      category: c.category,
      sentence: text.text.slice(c.start, c.end),
      cueStart: c.cue.start - c.start,
      cueEnd: c.cue.end - c.start,
      reason: c.reason,
    });
  });
  return {
    views,
    elements: (i) => handles[i]?.elements ?? [],
    remove() {
      // Newest first: later marks may sit inside Text nodes split by earlier ones.
      for (const h of [...handles].reverse()) h.remove();
      handles.length = 0;
    },
  };
}

/** No claims: an article whose body was not found still shows the audit, empty. */
export function noClaims(): ClaimMarks {
  return { views: [], elements: () => [], remove() {} };
}
