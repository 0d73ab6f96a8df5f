/**
 * Which rows of a long list are in view: the list renders only those (plus a few either side,
 * the overscan) and stands in for the rest with empty space of their height. Heights are
 * estimates until a row has been rendered and measured; fixed heights are the same with one
 * estimate for every row. Pure: no browser API.
 */

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Space above `start` and below `end`, in px. */
  before: number;
  after: number;
}

/** Heights of `keys`' rows: measured where known, else the estimate for the row. */
export function rowHeights<R>(rows: readonly R[], keyOf: (row: R) => string, measured: ReadonlyMap<string, number>, estimate: (row: R) => number): number[] {
  // Nothing measured (a list just mounted, as every search's results are): no key is looked up.
  // Hashing a thousand results' new key strings was a visible part of the popup's first search
  // keystroke in a profile (tests/bench/popup-browser.ts).
  if (measured.size === 0) return rows.map(estimate);
  return rows.map((r) => measured.get(keyOf(r)) ?? estimate(r));
}

/** offsets[i] is where row i starts; offsets[n] is the list's whole height. */
export function offsetsOf(heights: readonly number[]): Float64Array {
  const out = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i]! + heights[i]!;
  return out;
}

/** The same for rows that all have one height. */
export function fixedOffsets(count: number, height: number): Float64Array {
  const out = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) out[i] = i * height;
  return out;
}

/** The first row whose bottom is below `y` (the row that contains y), or n if none. */
function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The rows to render when the list is scrolled `scrollTop` px into itself and `viewport` px of
 * it can be seen: every row overlapping that band, and `overscan` more on each side (so keyboard
 * focus and a fast scroll find rows already there).
 */
export function visibleRows(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): RowWindow {
  const n = offsets.length - 1;
  const top = Math.max(0, scrollTop);
  const first = rowAt(offsets, top);
  let last = first;
  while (last < n && offsets[last]! < top + viewport) last++;
  const start = Math.max(0, first - overscan);
  const end = Math.min(n, Math.max(last, first + 1) + overscan);
  return { start, end: Math.max(start, end), before: offsets[start]!, after: offsets[n]! - offsets[Math.max(start, end)]! };
}
