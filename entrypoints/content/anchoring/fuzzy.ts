/**
 * Approximate matching of a quote in the normalised (whitespace-free) page text, and the scores
 * that decide whether an approximate match is good enough to show. The bar is deliberately high:
 * an orphaned annotation is a small loss, a highlight on the wrong words is a lie.
 */
import search from 'approx-string-match';
import { GRAM, gramHash, type TextIndex } from './text-index';

/** Quotes shorter than this (in non-whitespace characters) get no ordinary fuzzy matching. */
export const SHORT_QUOTE = 10;
/** Fraction of a quote's characters that may differ; also the search bound. */
export const MAX_ERROR_RATE = 0.2;
/** Hard cap on errors, so a long quote's search stays cheap and its pigeonhole pieces long. */
export const MAX_ERRORS = 64;
/**
 * Minimum combined score (0.6 × quote similarity + 0.4 × mean context similarity) for a fuzzy
 * match. With both sides of the context intact a quote may differ by up to the 20% search bound;
 * with one side intact (the other rewritten, similarity ~0.2) by about 6%; with neither, never.
 * That last case is deliberate: a changed passage whose surroundings changed too cannot be told
 * from a near-duplicate elsewhere (boilerplate, a list of similar items), so it stays an orphan.
 */
export const MIN_SCORE = 0.8;
/** Fuzzy candidates whose scores are closer than this are ambiguous: orphan rather than guess. */
export const AMBIGUITY_MARGIN = 0.05;
/** Stands in for context that was never stored: neither evidence for nor against. With it, only
 * a perfect quote could reach MIN_SCORE, and those are found exactly: no context, no fuzzy. */
const UNKNOWN_CONTEXT = 0.5;

/**
 * Levenshtein distance. Patterns up to 32 code units (every context string) use Hyyrö's
 * bit-parallel form of Myers' algorithm: one word of bit operations per text character instead of
 * a 32-wide DP row, which matters when a frequent short quote has thousands of candidates.
 */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length > 32) {
    if (b.length > 32) return dpDistance(a, b);
    [a, b] = [b, a];
  }
  const m = a.length;
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = a.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < b.length; j++) {
    const eq = peq.get(b.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // Shifting in a 1 (not 0, as in search) makes row 0 cost j: a global, not substring, distance.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

function dpDistance(a: string, b: string): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common; relative to the longer string. */
export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

/**
 * Stored context (already whitespace-free and cut to the context length) compared with the text
 * beside a candidate. `undefined` when nothing was stored: absent context is no evidence.
 */
export class ContextScorer {
  constructor(
    private readonly norm: string,
    readonly prefix: string | undefined,
    readonly suffix: string | undefined,
  ) {}

  prefixAt(start: number): number | undefined {
    const p = this.prefix;
    if (!p) return undefined;
    const before = this.norm.slice(Math.max(0, start - p.length), start);
    // Cheap exact check first: on a frequent quote most candidates are decided here.
    return before === p ? 1 : similarity(p, before);
  }

  suffixAt(end: number): number | undefined {
    const s = this.suffix;
    if (!s) return undefined;
    const after = this.norm.slice(end, end + s.length);
    return after === s ? 1 : similarity(s, after);
  }
}

/** Mean of the context similarities that exist, or undefined if no context was stored. */
export function meanContext(p: number | undefined, s: number | undefined): number | undefined {
  if (p === undefined) return s;
  if (s === undefined) return p;
  return (p + s) / 2;
}

/** The error bound used for a quote of `length` non-whitespace characters. */
export function maxErrorsFor(length: number): number {
  return Math.min(MAX_ERRORS, Math.floor(length * MAX_ERROR_RATE));
}

type Window = [number, number];

/**
 * Regions of the normalised text that can hold a match of `quote` with at most `k` errors, or null
 * when no filter can prune (the caller then searches the whole text). Both filters are lossless
 * for the bound, so an empty list proves an orphan without a page-wide search.
 */
export function candidateWindows(index: TextIndex, quote: string, k: number): Window[] | null {
  return qgramWindows(index, quote, k) ?? pieceWindows(index, quote, k);
}

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
 * one (it might have been a kept gram), which keeps the filter lossless; the most frequent are left
 * out while the count stays at least a third of what it was.
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
  const floor = Math.max(2, Math.ceil(needed / 3));
  let walk = order.length;
  while (walk > 0 && needed > floor && order[walk - 1]!.c > 8) {
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
  for (const b of touched) {
    // A match's diagonal band straddles at most two adjacent buckets: b and b+1.
    if (votes[b]! + votes[b + 1]! >= needed) {
      const firstDiagonal = b * width - m;
      const lastDiagonal = (b + 2) * width - m - 1;
      windows.push([Math.max(0, firstDiagonal - k), Math.min(n, lastDiagonal + m + k)]);
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
      windows.push([Math.max(0, s - k), Math.min(n, s + m + 2 * k)]);
    }
  }
  return mergeWindows(windows, n);
}

/**
 * Approximate search in the windows. Many windows are searched at once, joined by separators:
 * each call of `search` rebuilds its tables for the pattern, which dominated the cost when a
 * common short quote has hundreds of windows. The price: only the lowest error count over all
 * windows is reported, so fewer candidates are weighed; the score bar still applies to the one
 * that is returned. A separator run of k+1 characters that the
 * quote does not contain cannot lie inside a match (each would cost an error), so no match spans
 * two windows. Offsets are mapped back to the normalised text.
 */
function searchWindows(
  norm: string,
  windows: readonly Window[],
  quote: string,
  k: number,
): Array<{ start: number; end: number; errors: number }> {
  const out: Array<{ start: number; end: number; errors: number }> = [];
  if (windows.length === 0) return out;
  const sep = SEPARATOR.repeat(k + 1);
  // With few windows, one search each: every window then reports its own best match, so a place
  // with one more error but the right context is still seen and weighed.
  if (windows.length <= 16 || quote.includes(SEPARATOR)) {
    for (const [ws, we] of windows) {
      for (const hit of search(norm.slice(ws, we), quote, k)) {
        out.push({ start: hit.start + ws, end: hit.end + ws, errors: hit.errors });
      }
    }
    return out;
  }
  // joinedStart[i] is where window i begins in the joined string.
  const joinedStart: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const [ws, we] of windows) {
    joinedStart.push(at);
    parts.push(norm.slice(ws, we));
    at += we - ws + sep.length;
  }
  for (const hit of search(parts.join(sep), quote, k)) {
    let lo = 0;
    let hi = joinedStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (joinedStart[mid]! <= hit.start) lo = mid;
      else hi = mid - 1;
    }
    const shift = windows[lo]![0] - joinedStart[lo]!;
    const windowEnd = windows[lo]![1];
    // An optimal alignment never includes separator characters (each costs an error), but clamp
    // anyway so an offset can never point into a neighbouring window.
    out.push({
      start: Math.max(windows[lo]![0], hit.start + shift),
      end: Math.min(windowEnd, hit.end + shift),
      errors: hit.errors,
    });
  }
  return out;
}

/** A noncharacter: never in page text, so it never matches a quote character. */
const SEPARATOR = '\uffff';

/** Sorted, merged windows; null when they cover so much that one full search is cheaper. */
function mergeWindows(windows: Window[], n: number): Window[] | null {
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Window[] = [];
  let covered = 0;
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  for (const w of merged) covered += w[1] - w[0];
  return covered > n / 2 ? null : merged;
}

/**
 * The best approximate match of `quote` (normalised, at least SHORT_QUOTE long) as normalised
 * [start, end), or null when none clears the bar or the best is not clearly better than another
 * place. `exclude` spans are not searched (exact occurrences the caller has already weighed).
 */
export function fuzzyMatch(
  index: TextIndex,
  quote: string,
  context: ContextScorer,
  hint: number | undefined,
  exclude: ReadonlyArray<readonly [number, number]> = [],
): [number, number] | null {
  const norm = index.norm().text;
  const m = quote.length;
  const k = maxErrorsFor(m);
  if (m < SHORT_QUOTE || k < 1) return null;

  let windows = candidateWindows(index, quote, k) ?? [[0, norm.length] as Window];
  if (exclude.length > 0) windows = subtract(windows, exclude);
  const raw = searchWindows(norm, windows, quote, k);
  if (raw.length === 0) return null;

  const scored = raw.map((c) => {
    const quoteSimilarity = 1 - c.errors / m;
    const ctx = meanContext(context.prefixAt(c.start), context.suffixAt(c.end));
    const score = 0.6 * quoteSimilarity + 0.4 * (ctx ?? UNKNOWN_CONTEXT);
    // Proximity only breaks ties between otherwise equal places; it never makes a match good.
    const proximity =
      hint === undefined ? 0 : 1 - Math.min(1, Math.abs(c.start - hint) / (norm.length || 1));
    return { ...c, score, rank: score + 0.001 * proximity };
  });
  scored.sort(
    (a, b) => b.rank - a.rank || Math.abs(a.end - a.start - m) - Math.abs(b.end - b.start - m),
  );
  const best = scored[0]!;
  if (best.score < MIN_SCORE) return null;
  // Overlapping hits are the same place with shifted edges; only another place makes it ambiguous.
  const rival = scored.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && rival.score > best.score - AMBIGUITY_MARGIN) return null;
  return [best.start, best.end];
}

/** Windows minus the excluded spans (both sorted by start; exclusions may overlap). */
function subtract(windows: readonly Window[], exclude: ReadonlyArray<readonly [number, number]>): Window[] {
  const out: Window[] = [];
  for (const [ws, we] of windows) {
    let from = ws;
    for (const [xs, xe] of exclude) {
      if (xe <= from || xs >= we) continue;
      if (xs > from) out.push([from, xs]);
      from = Math.max(from, xe);
    }
    if (from < we) out.push([from, we]);
  }
  return out;
}
