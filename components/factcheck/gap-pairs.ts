/**
 * Within one stretch where two versions of an article differ (paragraphs removed from the old one,
 * others added in the new one, between the same unchanged neighbours), which removed paragraph
 * became which added one. As many pairs as the smaller side has paragraphs, in order, chosen so
 * the paired texts are as alike as possible: when an author rewrites one paragraph of three and
 * drops another, the rewrite is shown against its old wording, not against the dropped one.
 */

/** Stretches larger than this (paragraphs removed × added) pair in order without comparing texts. */
const MAX_COMPARED = 10_000;

/** Characters in a paragraph's bigram profile: longer texts are profiled on their first part. */
const PROFILE_CHARS = 2_000;

/** Counts of the text's two-character pieces (one-character texts: the character itself). */
function profile(text: string): Map<string, number> {
  const t = text.length > PROFILE_CHARS ? text.slice(0, PROFILE_CHARS) : text;
  const grams = new Map<string, number>();
  if (t.length === 1) grams.set(t, 1);
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function size(p: Map<string, number>): number {
  let n = 0;
  for (const c of p.values()) n += c;
  return n;
}

/** Dice's coefficient of two bigram profiles: 1 for the same text, 0 for nothing in common. */
function likeness(p: Map<string, number>, q: Map<string, number>, pn: number, qn: number): number {
  if (pn + qn === 0) return 1;
  const [small, large] = p.size <= q.size ? [p, q] : [q, p];
  let shared = 0;
  for (const [g, c] of small) shared += Math.min(c, large.get(g) ?? 0);
  return (2 * shared) / (pn + qn);
}

/**
 * Pairs `removed[r]` with `added[a]`: returns `[r, a]` pairs, increasing in both, exactly
 * `min(removed.length, added.length)` of them, maximising the summed likeness.
 */
export function pairGap(removed: readonly string[], added: readonly string[]): Array<[number, number]> {
  const swap = removed.length > added.length;
  const few = swap ? added : removed;
  const many = swap ? removed : added;
  const f = few.length;
  const m = many.length;
  if (f === 0) return [];
  let picks: number[];
  if (f === m || f * m > MAX_COMPARED) {
    picks = few.map((_, i) => i);
  } else {
    const fp = few.map(profile);
    const mp = many.map(profile);
    const fn = fp.map(size);
    const mn = mp.map(size);
    // best[i][j]: the best sum pairing few[i..] with a subsequence of many[j..]; every one of few
    // must pair, so many[j] may be skipped only while enough of many remains.
    const width = m + 1;
    const best = new Float64Array((f + 1) * width);
    for (let i = f - 1; i >= 0; i--) {
      for (let j = m - (f - i); j >= 0; j--) {
        const take = likeness(fp[i]!, mp[j]!, fn[i]!, mn[j]!) + best[(i + 1) * width + j + 1]!;
        const skip = j + 1 <= m - (f - i) ? best[i * width + j + 1]! : Number.NEGATIVE_INFINITY;
        best[i * width + j] = Math.max(take, skip);
      }
    }
    picks = [];
    for (let i = 0, j = 0; i < f; j++) {
      const canSkip = j + 1 <= m - (f - i);
      const take = likeness(fp[i]!, mp[j]!, fn[i]!, mn[j]!) + best[(i + 1) * width + j + 1]!;
      // Taking wins ties, so equally alike texts pair in order.
      if (!canSkip || take >= best[i * width + j + 1]!) {
        picks.push(j);
        i++;
      }
    }
  }
  return picks.map((j, i) => (swap ? [j, i] : [i, j]));
}
