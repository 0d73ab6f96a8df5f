/**
 * A longest common subsequence of two sequences of numbers, by Myers' O((N+M)·D) algorithm in its
 * linear-space form ("An O(ND) Difference Algorithm and Its Variations", 1986, section 4b): find
 * the middle snake of the shortest edit script, then solve the halves on either side of it.
 *
 * Why this one: an article edited once has D ≈ 2 whatever its length, so diffing two versions of
 * a 2,000-paragraph page costs a few thousand comparisons, while the textbook table costs N·M
 * cells; and the linear-space form keeps two arrays of N+M entries where the plain form keeps one
 * per edit (quadratic memory for two unrelated texts). The callers give numbers (paragraph ids),
 * so every comparison is one integer test, never a string comparison.
 */

interface Snake {
  /** Where the snake starts and ends, relative to the box's corner. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Index pairs `[i, j]` with `a[i] === b[j]`, strictly increasing in both, and as many as any such
 * list can have. Returned flat: `[i0, j0, i1, j1, …]`.
 */
export function commonSubsequence(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  const size = a.length + b.length + 2;
  // Furthest x per diagonal k, at index k + offset; shared by every box, since a box's middle
  // snake is found before its halves are entered.
  const forward = new Int32Array(2 * size + 1);
  const backward = new Int32Array(2 * size + 1);
  const offset = size;

  /** The middle snake of a box whose first and last elements both differ (so D ≥ 2). */
  const middleSnake = (aLo: number, n: number, bLo: number, m: number): Snake => {
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    for (let d = 0, last = Math.ceil((n + m) / 2); d <= last; d++) {
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && forward[offset + k - 1]! < forward[offset + k + 1]!) ? forward[offset + k + 1]! : forward[offset + k - 1]! + 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x++;
          y++;
        }
        forward[offset + k] = x;
        // With D odd the paths meet on a forward step: the reverse path took d - 1 steps.
        const kb = delta - k;
        if (odd && kb >= -(d - 1) && kb <= d - 1 && x + backward[offset + kb]! >= n) return { x0, y0, x1: x, y1: y };
      }
      // The reverse pass, on the reversed sequences: x counts from the box's far end.
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && backward[offset + k - 1]! < backward[offset + k + 1]!) ? backward[offset + k + 1]! : backward[offset + k - 1]! + 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && a[aLo + n - 1 - x] === b[bLo + m - 1 - y]) {
          x++;
          y++;
        }
        backward[offset + k] = x;
        const kf = delta - k;
        if (!odd && kf >= -d && kf <= d && x + forward[offset + kf]! >= n) return { x0: n - x, y0: m - y, x1: n - x0, y1: m - y0 };
      }
    }
    // Unreachable: the paths meet by d = ⌈(N+M)/2⌉.
    throw new Error('commonSubsequence: no middle snake');
  };

  const solve = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    // Common ends first: most edits leave the rest of an article as it was.
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push(aLo++, bLo++);
    let tail = 0;
    while (aHi - tail > aLo && bHi - tail > bLo && a[aHi - 1 - tail] === b[bHi - 1 - tail]) tail++;
    const aEnd = aHi - tail;
    const bEnd = bHi - tail;
    if (aLo < aEnd && bLo < bEnd) {
      const s = middleSnake(aLo, aEnd - aLo, bLo, bEnd - bLo);
      solve(aLo, aLo + s.x0, bLo, bLo + s.y0);
      for (let x = s.x0, y = s.y0; x < s.x1; x++, y++) out.push(aLo + x, bLo + y);
      solve(aLo + s.x1, aEnd, bLo + s.y1, bEnd);
    }
    for (let t = 0; t < tail; t++) out.push(aEnd + t, bEnd + t);
  };

  solve(0, a.length, 0, b.length);
  return out;
}
