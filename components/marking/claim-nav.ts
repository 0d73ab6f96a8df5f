import { ATTR, MARK_KIND } from '../vocabulary/attributes';
import type { ClaimCategory } from '../vocabulary/categories';
import type { ClaimMarks } from './claim-marks';

/** A claim mark as the annotator needs it to assess it. */
export interface ClaimRef {
  index: number;
  category: ClaimCategory;
  elements: readonly HTMLElement[];
}

export interface ClaimNavigator {
  /** Scrolls to claim `index`, focuses its mark and flashes it; false when there is none. */
  reveal(index: number): boolean;
  /** The next (1) or previous (-1) claim from the one in focus, or from the top of the view. */
  step(step: 1 | -1): boolean;
  /** The claim and its marks, for the annotator to assess. */
  ref(index: number): ClaimRef | null;
}

/**
 * Moving between a page's claims, for the side panel and the keyboard commands. Marks hidden by
 * the reader's setting stay hidden: revealing one focuses it anyway. `marks` is read at each use:
 * the claims are marked once the background has found them. DOM only: the article script uses it
 * before any annotator runs, and the content script for assessing.
 */
export function claimNavigator(doc: Document, marks: () => ClaimMarks | null): ClaimNavigator {
  const ref = (index: number): ClaimRef | null => {
    const claims = marks();
    const view = claims?.views[index];
    if (!claims || !view) return null;
    return { index, category: view.category, elements: claims.elements(index) };
  };
  const reveal = (index: number): boolean => {
    const els = ref(index)?.elements ?? [];
    const first = els[0];
    if (!first) return false;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
    for (const el of els) {
      el.setAttribute(ATTR.flash, '');
      setTimeout(() => el.removeAttribute(ATTR.flash), 1600);
    }
    return true;
  };
  const current = (): number | null => {
    const focused = doc.activeElement?.closest(`[${ATTR.mark}="${MARK_KIND.claim}"]`);
    const i = focused?.getAttribute(ATTR.claimIndex);
    return i != null && /^\d+$/.test(i) ? Number(i) : null;
  };
  /** The first claim whose mark starts below the top of the view (where reading is). */
  const firstInView = (): number | null => {
    const claims = marks();
    const n = claims?.views.length ?? 0;
    for (let i = 0; i < n; i++) {
      const top = claims!.elements(i)[0]?.getBoundingClientRect().top;
      if (top !== undefined && top >= 0) return i;
    }
    return n ? n - 1 : null;
  };
  return {
    reveal,
    ref,
    step(step) {
      const n = marks()?.views.length ?? 0;
      if (n === 0) return false;
      const at = current();
      const next = at === null ? (step === 1 ? firstInView() : Math.max(0, (firstInView() ?? 1) - 1)) : at + step;
      if (next === null || next < 0 || next >= n) return false;
      return reveal(next);
    },
  };
}
