// The one measure of difference anchoring uses, for quotes and context alike.

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
