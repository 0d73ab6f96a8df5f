import { ATTR, MARK_KIND } from '@/components/vocabulary/attributes';
import type { Lang } from '@/components/vocabulary/strings';
import { VERDICT_NAMES } from '@/components/vocabulary/verdicts';
import type { Annotation } from '@/storage/model/annotation';

const CLAIM = `[${ATTR.mark}="${MARK_KIND.claim}"]`;

/** What the verdict marks read of the painted highlights. */
export interface PaintedView {
  readonly all: readonly Annotation[];
  elementsOf(id: string): HTMLElement[];
}

/**
 * Shows the reader's verdicts in the page. An assessed highlight's elements carry the verdict;
 * a claim's assessment is shown by the claim mark it lies on (its own wrapper is marked
 * `data-assesses="claim"`, which marks.css paints as nothing), so the reader sees one mark per
 * claim. Which claim an assessment belongs to is found in the page, from where its passage was
 * anchored: claim numbers change when the detector changes, the words do not.
 */
export class VerdictMarks {
  private byClaim = new Map<number, Annotation>();

  constructor(
    private readonly doc: Document,
    private lang: Lang,
  ) {}

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  /** The assessment of claim `index`, if the reader made one. */
  ofClaim(index: number): Annotation | null {
    return this.byClaim.get(index) ?? null;
  }

  /** Claim numbers with an assessment (for the side panel and the report). */
  get claims(): ReadonlyMap<number, Annotation> {
    return this.byClaim;
  }

  /** Redraws every verdict from the painted highlights; cheap, as a page has few assessments. */
  refresh(painted: PaintedView): void {
    for (const el of Array.from(this.doc.querySelectorAll(`[${ATTR.verdict}]`))) {
      el.removeAttribute(ATTR.verdict);
      el.removeAttribute(ATTR.verdictLabel);
    }
    this.byClaim.clear();
    for (const a of painted.all) {
      const assessment = a.assessment;
      const els = painted.elementsOf(a.id);
      if (!assessment || els.length === 0) continue;
      if (assessment.claim) {
        for (const el of els) el.setAttribute(ATTR.assesses, 'claim');
        const index = claimIndexOf(els);
        if (index !== null) {
          const other = this.byClaim.get(index);
          // Two assessments of one claim (made on two devices before a sync): the newer shows.
          if (!other || other.updated < a.updated) this.byClaim.set(index, a);
          continue;
        }
        // The claim is no longer marked (the detector changed): the passage shows the verdict.
        for (const el of els) el.removeAttribute(ATTR.assesses);
      }
      this.label(els, assessment.verdict);
    }
    for (const [index, a] of this.byClaim) {
      const els = Array.from(this.doc.querySelectorAll<HTMLElement>(`${CLAIM}[${ATTR.claimIndex}="${index}"]`));
      this.label(els, a.assessment!.verdict);
    }
  }

  private label(els: readonly HTMLElement[], verdict: NonNullable<Annotation['assessment']>['verdict']): void {
    for (const el of els) el.setAttribute(ATTR.verdict, verdict);
    els[els.length - 1]?.setAttribute(ATTR.verdictLabel, VERDICT_NAMES[this.lang][verdict]);
  }
}

/** The claim mark an assessment's elements lie in (or wrap), by its number. */
function claimIndexOf(els: readonly HTMLElement[]): number | null {
  for (const el of els) {
    const claim = el.closest(CLAIM) ?? el.querySelector(CLAIM);
    const index = claim?.getAttribute(ATTR.claimIndex);
    if (index != null && /^\d+$/.test(index)) return Number(index);
  }
  return null;
}
