/**
 * Approximate occurrences of a quote in one short stretch of the page, for the windows the
 * filters in fuzzy.ts leave (typically a few dozen characters beyond the quote's length).
 *
 * approx-string-match is bit-parallel and wins on long texts, but every call builds its tables
 * for the pattern and finds each match's start with a second, reversed search that builds them
 * again: on a window of 60 characters that setup is nearly all of the cost, and a quote on a
 * page of near-duplicates has dozens of windows. Here the dynamic programme runs directly over
 * the window with Ukkonen's cut-off (only rows that can still end within `k` errors are
 * computed, so a small bound costs about k cells per character) and carries each cell's start
 * along, so no second pass is needed.
 */

export interface Match {
  start: number;
  end: number;
  errors: number;
}

/**
 * Every end in `text[lo, hi)` where `pattern` matches with the fewest errors found there (at most
 * `k`), each with its smallest start among the alignments of that cost (the longest match, as
 * approx-string-match chooses). Offsets are in `text`. Empty when nothing is within `k`.
 *
 * `startLo`/`startHi` restrict where a match may start (the context filter in fuzzy.ts knows
 * this to within a few characters). A match starting at s that ends within k errors has consumed
 * between i − k and i + k text characters for i pattern characters, so only a diagonal band of
 * the matrix is computed: about (startHi − startLo + 2k + 1) cells per pattern character instead
 * of one per window character.
 */
export function bestMatches(
  text: string,
  lo: number,
  hi: number,
  pattern: string,
  k: number,
  startLo = lo,
  startHi = hi,
): Match[] {
  const m = pattern.length;
  // A bound of m or more would let the empty alignment match anywhere.
  if (m === 0 || k < 0 || k >= m) return [];
  const over = k + 1;
  // Two columns of the matrix: cost[i] is the fewest errors aligning the first i pattern
  // characters so that they end at text offset c (clamped to k + 1: more is all the same), from[i]
  // where that alignment starts. Rows outside a column's computed range are kept at k + 1 where
  // the next column reads them, so the inner loop needs no bounds checks.
  let prev = new Int32Array(m + 2).fill(over);
  let prevFrom = new Int32Array(m + 2);
  let cur = new Int32Array(m + 2).fill(over);
  let curFrom = new Int32Array(m + 2);
  let prevBottom = 0;
  let best = over;
  const out: Match[] = [];
  // Before startLo every cell is more than k (nothing has started), and a match that starts by
  // startHi ends by startHi + m + k: the columns outside cannot change the result.
  const first = Math.max(lo, startLo);
  const end = Math.min(hi, startHi + m + k);
  for (let c = first; c <= end; c++) {
    // Row 0, no pattern consumed: free inside the start range; past it, the text since startHi
    // is inserted before the pattern (a match must start in the range).
    const row0 = c < startLo ? over : c <= startHi ? 0 : Math.min(over, c - startHi);
    cur[0] = row0;
    curFrom[0] = c < startHi ? c : startHi;
    const top = Math.max(1, c - startHi - k);
    // Ukkonen's cut-off: a row comes within k only if the row above it was, one column back, or
    // by deleting pattern characters straight from row 0 of this column.
    const bottom = Math.min(m, c - startLo + k, Math.max(prevBottom + 1, k - row0));
    for (let i = prevBottom + 1; i <= bottom; i++) prev[i] = over;
    if (top > 1) cur[top - 1] = over;
    const ch = c > first ? text.charCodeAt(c - 1) : -1;
    let last = 0;
    for (let i = top; i <= bottom; i++) {
      let cost = prev[i - 1]! + (pattern.charCodeAt(i - 1) === ch ? 0 : 1);
      let from = prevFrom[i - 1]!;
      const up = cur[i - 1]! + 1;
      if (up < cost || (up === cost && curFrom[i - 1]! < from)) {
        cost = up;
        from = curFrom[i - 1]!;
      }
      const left = prev[i]! + 1;
      if (left < cost || (left === cost && prevFrom[i]! < from)) {
        cost = left;
        from = prevFrom[i]!;
      }
      if (cost >= over) cost = over;
      else last = i;
      cur[i] = cost;
      curFrom[i] = from;
    }
    if (bottom < m) cur[bottom + 1] = over;
    if (last === m) {
      const errors = cur[m]!;
      if (errors < best) {
        best = errors;
        out.length = 0;
      }
      if (errors === best) out.push({ start: curFrom[m]!, end: c, errors });
    }
    prevBottom = last;
    const t = prev;
    prev = cur;
    cur = t;
    const tf = prevFrom;
    prevFrom = curFrom;
    curFrom = tf;
  }
  return out;
}
