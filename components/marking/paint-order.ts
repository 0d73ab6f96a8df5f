import { indexFor } from '../anchoring';

/**
 * In which order to paint highlights found on a page, so that one text index serves them all.
 *
 * Wrapping a highlight splits Text nodes and moves pieces into marks. A range that ends before
 * every highlight painted so far only uses nodes (or the left-hand parts of split nodes) that did
 * not move, so the index built before painting still points into the right places for it:
 * painting from the last highlight on the page to the first needs no new index. Highlights that
 * overlap another one are painted after those, in the order they come in (saved order: the later
 * one lies on top, as it did when the reader made it), each on the index of the page as it is then.
 */
export interface Span {
  start: number;
  end: number;
}

export interface PaintOrder {
  /** Indices of spans overlapping no other span, last on the page first. */
  alone: number[];
  /** Indices of spans overlapping another span, in input order. */
  overlapping: number[];
}

export function paintOrder(spans: readonly Span[]): PaintOrder {
  const byStart = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const overlaps = new Set<number>();
  // Sweep by start, keeping the span that reaches furthest so far: one that starts before that
  // end overlaps it (touching, end === start, is not overlapping).
  let reach = -1;
  let reacher = -1;
  for (const i of byStart) {
    const s = spans[i]!;
    if (reacher >= 0 && s.start < reach) {
      overlaps.add(i);
      overlaps.add(reacher);
    }
    if (s.end > reach) {
      reach = s.end;
      reacher = i;
    }
  }
  return {
    alone: byStart.filter((i) => !overlaps.has(i)).reverse(),
    overlapping: spans.map((_, i) => i).filter((i) => overlaps.has(i)),
  };
}

/**
 * Calls `paint` for every span with its Range on the page, in paintOrder: the spans that overlap
 * nothing from the index anchoring used, the others each from the index of the page as it is by
 * then. `paint` may wrap the range's text (that is what it is for).
 */
export function paintInOrder<T extends Span>(
  root: Element,
  spans: readonly T[],
  paint: (span: T, range: Range) => void,
): void {
  const steps = paintInOrderSteps(root, spans, paint);
  while (!steps.next().done);
}

/**
 * `paintInOrder` as steps for anchoring/slices.ts: it yields before each span. The caller must
 * make sure the page did not change between steps but by `paint` itself (painted-highlights.ts
 * watches it and starts over): the offsets are the page's as anchoring saw it.
 */
export function* paintInOrderSteps<T extends Span>(
  root: Element,
  spans: readonly T[],
  paint: (span: T, range: Range) => void,
): Generator<void, void, undefined> {
  const { alone, overlapping } = paintOrder(spans);
  const index = indexFor(root);
  let paintedFrom = Infinity;
  for (const i of alone) {
    yield;
    const span = spans[i]!;
    // Always true for spans that overlap nothing; the fresh index is a guard, never the rule.
    const from = span.end <= paintedFrom ? index : indexFor(root);
    const range = from.rangeOf(span.start, span.end);
    paintedFrom = Math.min(paintedFrom, span.start);
    if (range) paint(span, range);
  }
  for (const i of overlapping) {
    yield;
    const span = spans[i]!;
    const range = indexFor(root).rangeOf(span.start, span.end);
    if (range) paint(span, range);
  }
}
