/**
 * Approximate matching of a quote in the normalised (whitespace-free) page text, within a bounded
 * edit distance: filters that rule out most of the page without searching it (all lossless for
 * the bound), then approx-string-match on what is left. The matches are weighed, with exact
 * occurrences, in candidates.ts.
 */
import search from 'approx-string-match';
import { bestMatches, type Match } from './best-matches';
import { Context, type Candidate } from './candidates';
import { GRAM, gramHash, type TextIndex } from './text-index';

/** Quotes shorter than this (in non-whitespace characters) get no ordinary fuzzy matching. */
export const SHORT_QUOTE = 10;
/** Fraction of a quote's characters that may differ; also the search bound. */
export const MAX_ERROR_RATE = 0.2;
/** Hard cap on errors, so a long quote's search stays cheap and its filters selective. */
export const MAX_ERRORS = 64;

/** The error bound used for a quote of `length` non-whitespace characters. */
export function maxErrorsFor(length: number): number {
  return Math.min(MAX_ERRORS, Math.floor(length * MAX_ERROR_RATE));
}

/** [start, end) in the normalised text, and a lower bound on the quote errors of a match in it. */
type Window = [number, number, number];

/** A stretch to search, [lo, hi) in the normalised text, and where in it a match may start. */
interface Region {
  lo: number;
  hi: number;
  startLo: number;
  startHi: number;
}

const whole = (w: Window): Region => ({ lo: w[0], hi: w[1], startLo: w[0], startHi: w[1] });

/**
 * Regions of the normalised text that can hold a match of `quote` with at most `k` errors, or null
 * when no filter can prune (the caller then searches the whole text). Both filters are lossless
 * for the bound, so an empty list proves an orphan without a page-wide search.
 */
export function candidateWindows(index: TextIndex, quote: string, k: number): Window[] | null {
  return qgramWindows(index, quote, k) ?? pieceWindows(index, quote, k);
}

const FREQUENT_GRAM = 64;

/** Vote buffers, reused per text index: allocating and zeroing one per quote costs more than the
 * votes themselves on a 200k-character page. */
const voteBuffers = new WeakMap<TextIndex, Int32Array>();

/**
 * q-gram lemma: each edit destroys at most GRAM of the quote's overlapping grams, so a match
 * keeps at least (m − GRAM + 1) − k·GRAM of them, each on a diagonal (text offset − quote offset) within k of the
 * match start. Votes are counted per band of 2k+1 diagonals, and only a band that with its
 * neighbour reaches the count is searched. A one-character edit thus costs one short window.
 *
 * Frequent grams cost more to walk than they filter. Leaving one out lowers the required count by
 * one (it might have been a kept gram), which keeps the filter lossless; grams seen more than
 * FREQUENT_GRAM times are left out, most frequent first, while the count stays at two thirds or
 * more of what it was. (Tuned on the 200k-character benchmark page: skipping more lets too many
 * windows through to the verifying search, skipping less walks long chains for nothing.)
 */
function qgramWindows(index: TextIndex, quote: string, k: number): Window[] | null {
  const norm = index.norm().text;
  const n = norm.length;
  const m = quote.length;
  // Long quotes use disjoint grams (stride GRAM): an edit then destroys at most one, so a third
  // of the chain walks still leave a count that random text cannot reach. Short quotes need every
  // overlapping gram to keep the count meaningful.
  const disjoint = Math.floor(m / GRAM);
  const stride = disjoint - k >= 8 ? GRAM : 1;
  const grams = stride === 1 ? m - GRAM + 1 : disjoint;
  let needed = stride === 1 ? grams - k * GRAM : grams - k;
  if (grams < 1 || needed < 2) return null;
  const { mask, head, next, count } = index.gramTable();

  const order: Array<{ o: number; h: number; c: number }> = [];
  for (let o = 0; o + GRAM <= m; o += stride) {
    const h = gramHash(quote, o, mask);
    order.push({ o, h, c: count[h]! });
  }
  order.sort((a, b) => a.c - b.c);
  const floor = Math.max(2, Math.ceil((needed * 2) / 3));
  let walk = order.length;
  while (walk > 0 && needed > floor && order[walk - 1]!.c > FREQUENT_GRAM) {
    walk--;
    needed--;
  }

  const width = 2 * k + 1;
  // Diagonals run from −m to n; shifted by m so bucket indices are non-negative.
  const size = Math.floor((n + m) / width) + 2;
  let votes = voteBuffers.get(index);
  if (!votes || votes.length < size) {
    votes = new Int32Array(Math.max(size, Math.floor(n / 5) + 64));
    voteBuffers.set(index, votes);
  }
  const touched: number[] = [];
  for (let i = 0; i < walk; i++) {
    const { o, h } = order[i]!;
    const c0 = quote.charCodeAt(o);
    const c1 = quote.charCodeAt(o + 1);
    const c2 = quote.charCodeAt(o + 2);
    for (let p = head[h]!; p >= 0; p = next[p]!) {
      // The chain holds every gram with this hash; skip collisions.
      if (
        norm.charCodeAt(p) !== c0 ||
        norm.charCodeAt(p + 1) !== c1 ||
        norm.charCodeAt(p + 2) !== c2
      ) {
        continue;
      }
      const b = Math.floor((p - o + m) / width);
      if (votes[b] === 0) touched.push(b);
      votes[b]!++;
    }
  }
  const windows: Window[] = [];
  // Each edit destroys at most this many of the walked grams, so a band with v votes holds no
  // match with fewer than (walk − v) / destroyed errors: the bound that lets the search skip it.
  const destroyed = stride === 1 ? GRAM : 1;
  for (const b of touched) {
    // A match's diagonal band straddles at most two adjacent buckets: b and b+1.
    const v = votes[b]! + votes[b + 1]!;
    if (v >= needed) {
      const firstDiagonal = b * width - m;
      const lastDiagonal = (b + 2) * width - m - 1;
      windows.push([
        Math.max(0, firstDiagonal - k),
        Math.min(n, lastDiagonal + m + k),
        Math.max(0, Math.ceil((walk - v) / destroyed)),
      ]);
    }
  }
  for (const b of touched) votes[b] = 0;
  return mergeWindows(windows, n);
}

/**
 * Pigeonhole, for quotes too short for the q-gram count: cut the quote into k+1 pieces; an
 * alignment with ≤ k edits leaves one piece untouched, occurring exactly within k of its place.
 */
function pieceWindows(index: TextIndex, quote: string, k: number): Window[] | null {
  const n = index.norm().text.length;
  const m = quote.length;
  const pieces = k + 1;
  const pieceLen = Math.floor(m / pieces);
  if (pieceLen < GRAM) return null;
  index.gramTable();
  const windows: Window[] = [];
  for (let p = 0; p < pieces; p++) {
    const off = p * pieceLen;
    // The last piece takes the remainder so the pieces cover the whole quote.
    const piece = quote.slice(off, p === pieces - 1 ? m : off + pieceLen);
    for (const at of index.findAll(piece)) {
      const s = at - off;
      windows.push([Math.max(0, s - k), Math.min(n, s + m + 2 * k), 0]);
    }
  }
  return mergeWindows(windows, n);
}

/**
 * Approximate search in the regions. With several regions only the lowest error count over all of
 * them is reported (so fewer candidates are weighed; the score bar still applies to the one that
 * is returned), which keeps the cost of a common quote with hundreds of windows down. Offsets are
 * in the normalised text. A region where a match may start anywhere is searched with
 * approx-string-match (bit-parallel: 32 pattern characters per step); one where the context
 * filter has pinned the start down to a few characters with bestMatches, which then computes
 * only a narrow diagonal band.
 */
function searchWindows(norm: string, regions: readonly Region[], quote: string, k: number): Match[] {
  let out: Match[] = [];
  let best = Infinity;
  for (const r of regions) {
    let hits: Match[];
    if (r.startLo === r.lo && r.startHi === r.hi) {
      hits = search(norm.slice(r.lo, r.hi), quote, k).map((h) => ({
        start: h.start + r.lo,
        end: h.end + r.lo,
        errors: h.errors,
      }));
    } else {
      hits = bestMatches(norm, r.lo, r.hi, quote, k, r.startLo, r.startHi);
    }
    const errors = hits[0]?.errors ?? Infinity;
    if (errors < best) {
      best = errors;
      out = hits;
    } else if (errors === best) out.push(...hits);
  }
  return out;
}

/** Sorted, merged windows; null when they cover so much that one full search is cheaper. */
function mergeWindows(windows: Window[], n: number): Window[] | null {
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Window[] = [];
  let covered = 0;
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) {
      last[1] = Math.max(last[1], w[1]);
      last[2] = Math.min(last[2], w[2]);
    } else merged.push([w[0], w[1], w[2]]);
  }
  for (const w of merged) covered += w[1] - w[0];
  return covered > n / 2 ? null : merged;
}

/**
 * Approximate occurrences of `quote` (normalised, at least SHORT_QUOTE long) within the error
 * bound, evaluated against the stored context. `exclude` spans (exact occurrences, already
 * weighed) are not searched, and `bestTotal` is the best total of edits found so far.
 *
 * Windows are searched in order of their lower bound on quote errors (then nearness to the
 * stored position), and a window whose bound exceeds the best total + 1 is not searched at all:
 * nothing in it could win or even contest (see `contested`). On a page where a sentence recurs a
 * hundred times with small variations, that leaves the one edited place and a few close copies.
 */
export function approximateCandidates(
  index: TextIndex,
  quote: string,
  context: Context,
  exclude: ReadonlyArray<readonly [number, number]>,
  bestTotal: number,
  hint: number | undefined,
): Candidate[] {
  const norm = index.norm().text;
  const m = quote.length;
  const k = maxErrorsFor(m);
  if (m < SHORT_QUOTE || k < 1) return [];
  let windows = candidateWindows(index, quote, k) ?? [[0, norm.length, 0] as Window];
  // Cut out the exact occurrences; what is left beside one is often too short to hold a match
  // (at least m − k characters), and then it need not be searched at all.
  if (exclude.length > 0) windows = subtract(windows, exclude).filter((w) => w[1] - w[0] >= m - k);
  const distance = (w: Window) => (hint === undefined ? 0 : Math.abs(w[0] - hint));
  windows.sort((a, b) => a[2] - b[2] || distance(a) - distance(b));
  // The window at the stored position goes first: a passage edited in place is usually still
  // there, and finding it first makes the bound and the context filter tight for all the others
  // (near-copies elsewhere can have a lower bound, and searched first they prune nothing). The
  // rest stay in order of their bound, which the early stop below relies on.
  const atHint = hint === undefined ? -1 : windows.findIndex((w) => w[0] <= hint && hint < w[1]);
  if (atHint > 0) windows.unshift(...windows.splice(atHint, 1));

  const out: Candidate[] = [];
  let filter: ContextFilter | undefined;
  const take = (hits: readonly Match[]) => {
    for (const h of hits) {
      // More quote errors than the best total + 1 can neither win nor contest: skip weighing it.
      if (h.errors > bestTotal + 1) continue;
      const c = context.at(h.start, h.end, h.errors);
      out.push(c);
      bestTotal = Math.min(bestTotal, c.quoteErrors + c.contextErrors);
    }
    if (!filter && bestTotal + 1 <= MAX_FILTER_BUDGET) filter = new ContextFilter(index, context, bestTotal + 1);
  };
  take([]);
  // A passage edited in place usually still starts at (or a few characters from) its stored
  // position: a cheap probe there, with a small bound, makes the bound and the context filter
  // tight before any window is searched. The windows are still all searched (narrowed), so the
  // probe only adds a candidate; exact occurrences are weighed already.
  if (hint !== undefined) {
    const kp = Math.min(k, PROBE_ERRORS);
    const from = Math.max(0, hint - PROBE_SHIFT);
    const to = Math.min(norm.length, hint + PROBE_SHIFT);
    const end = Math.min(norm.length, to + m + kp);
    take(bestMatches(norm, from, end, quote, kp, from, to).filter((h) => h.errors > 0));
  }
  // A window is searched only where it could hold a place that wins or contests: nothing in it
  // can have fewer quote errors than its bound, and, once a good place is known, the context
  // filter narrows it to where the stored context stands nearly intact (or drops it). The search
  // bound shrinks too: a place with more quote errors than bestTotal + 1 cannot matter.
  const bound = () => Math.min(k, bestTotal + 1);
  const narrowed = (w: Window): Region | null =>
    w[2] > bestTotal + 1 ? null : filter ? filter.narrow(w, m - bound(), norm.length) : whole(w);
  let i = 0;
  // One search per window while they are few: each reports its own best match, so a place with
  // one more error but the right context is still weighed.
  let searched = 0;
  for (; i < windows.length && searched < INDIVIDUAL_WINDOWS; i++) {
    if (i > 0 && windows[i]![2] > bestTotal + 1) return out;
    const w = narrowed(windows[i]!);
    if (!w) continue;
    take(searchWindows(norm, [w], quote, bound()));
    searched++;
  }
  const rest: Region[] = [];
  for (; i < windows.length; i++) {
    const w = narrowed(windows[i]!);
    if (w) rest.push(w);
  }
  if (rest.length > 0) take(searchWindows(norm, rest, quote, bound()));
  return out;
}

/** The probe at the stored position: how far the start may have moved, and the error bound. */
const PROBE_SHIFT = 8;
const PROBE_ERRORS = 4;

/** Largest context budget the ContextFilter is built for (pieces stay at least 4 characters). */
const MAX_FILTER_BUDGET = 7;

/**
 * Once a candidate with a small total of edits is known, a place can only win or contest if each
 * side of its context is within `budget` edits of the stored one. Pigeonhole again: cut each
 * stored side into budget + 1 pieces; such a place has one piece of each side beside it exactly,
 * shifted by at most `budget` from where the piece stands in the stored side. So each exact
 * occurrence of a prefix piece says where the quote may start (± budget), and each occurrence of
 * a suffix piece where it may end. Piece positions come from the gram table, so a window is
 * narrowed to those starts and ends, or ruled out, without searching it.
 */
class ContextFilter {
  /** Sorted quote starts implied by prefix pieces; undefined: the prefix cannot filter. */
  private readonly starts: number[] | undefined;
  /** Sorted quote ends implied by suffix pieces. */
  private readonly ends: number[] | undefined;
  private readonly prefixLength: number;
  private readonly suffixLength: number;

  constructor(
    index: TextIndex,
    context: Context,
    private readonly budget: number,
  ) {
    // `implied(piece offset, occurrence)` is where the quote starts (prefix) or ends (suffix) if
    // that occurrence is the untouched piece.
    const positions = (side: string | undefined, implied: (offset: number, at: number) => number) => {
      if (!side) return undefined;
      const pieces = budget + 1;
      const len = Math.floor(side.length / pieces);
      if (len < GRAM) return undefined; // too short to filter with: admit everything
      const out: number[] = [];
      for (let p = 0; p < pieces; p++) {
        const offset = p * len;
        for (const at of index.findAll(side.slice(offset, p === pieces - 1 ? side.length : offset + len))) {
          out.push(implied(offset, at));
        }
      }
      return out.sort((a, b) => a - b);
    };
    const prefixLength = context.prefix?.length ?? 0;
    this.starts = positions(context.prefix, (offset, at) => at - offset + prefixLength);
    this.ends = positions(context.suffix, (offset, at) => at - offset);
    this.prefixLength = prefixLength;
    this.suffixLength = context.suffix?.length ?? 0;
  }

  /**
   * The part of window `w` that can hold a place whose context is within budget, and where in it
   * such a place can start: null when there is none, or it is shorter than `minLength` (the
   * shortest match the search bound allows). Near the ends of the text the stored context is
   * compared with a clipped slice, so there every start (or end) is possible.
   */
  narrow(w: Window, minLength: number, n: number): Region | null {
    const b = this.budget;
    let lo = w[0];
    let hi = w[1];
    let startLo = lo;
    let startHi = hi - minLength;
    if (this.starts && lo > this.prefixLength + b) {
      const first = firstAtLeast(this.starts, startLo - b);
      const last = lastAtMost(this.starts, startHi + b);
      if (first === undefined || last === undefined || first > last) return null;
      startLo = Math.max(startLo, first - b);
      startHi = Math.min(startHi, last + b);
    }
    if (this.ends && hi < n - this.suffixLength - b) {
      const last = lastAtMost(this.ends, hi + b);
      if (last === undefined || last + b < startLo + minLength) return null;
      hi = Math.min(hi, last + b);
    }
    lo = startLo;
    startHi = Math.min(startHi, hi - minLength);
    return startHi >= startLo ? { lo, hi, startLo, startHi } : null;
  }
}

/** The first value ≥ `lo` in an ascending list. */
function firstAtLeast(sorted: readonly number[], lo: number): number | undefined {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid]! < lo) a = mid + 1;
    else b = mid;
  }
  return sorted[a];
}

/** The last value ≤ `hi` in an ascending list. */
function lastAtMost(sorted: readonly number[], hi: number): number | undefined {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid]! <= hi) a = mid + 1;
    else b = mid;
  }
  return a > 0 ? sorted[a - 1] : undefined;
}

/** Windows searched one by one before the rest are searched together (see searchWindows). */
const INDIVIDUAL_WINDOWS = 16;

/** Windows minus the excluded spans (both sorted by start; exclusions may overlap). */
function subtract(
  windows: readonly Window[],
  exclude: ReadonlyArray<readonly [number, number]>,
): Window[] {
  const out: Window[] = [];
  for (const [ws, we, bound] of windows) {
    let from = ws;
    for (const [xs, xe] of exclude) {
      if (xe <= from || xs >= we) continue;
      if (xs > from) out.push([from, xs, bound]);
      from = Math.max(from, xe);
    }
    if (from < we) out.push([from, we, bound]);
  }
  return out;
}
