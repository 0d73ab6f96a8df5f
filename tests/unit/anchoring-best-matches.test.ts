import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { bestMatches } from '@/components/anchoring/best-matches';
import { editDistance } from '@/components/anchoring/edit-distance';
import { rng } from '../fixtures/anchoring-pages';

/** A random string over a small alphabet, so near-matches are everywhere. */
function word(rand: () => number, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)]!;
  return s;
}

/** `s` with `edits` random substitutions, insertions and deletions. */
function mutate(rand: () => number, alphabet: string, s: string, edits: number): string {
  let out = s;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (out.length + 1));
    const c = alphabet[Math.floor(rand() * alphabet.length)]!;
    const kind = rand();
    if (kind < 0.4 && at < out.length) out = out.slice(0, at) + c + out.slice(at + 1);
    else if (kind < 0.7) out = out.slice(0, at) + c + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

describe('bestMatches', () => {
  it('finds a one-character change inside a window', () => {
    const text = '前文。特朗普宣布了新的关税政策，引发市场震荡。后文';
    const [match, ...more] = bestMatches(text, 0, text.length, '特朗普宣布了新的关税政箫，引发市场震荡', 3);
    expect(more).toEqual([]);
    expect(match).toEqual({ start: 3, end: 22, errors: 1 });
  });

  it('searches only inside [lo, hi) and reports offsets in the whole text', () => {
    const text = 'abcdefXXabcdefYYabcdef';
    expect(bestMatches(text, 8, 16, 'abcdef', 1)).toEqual([{ start: 8, end: 14, errors: 0 }]);
  });

  it('reports nothing when every alignment needs more than k errors', () => {
    expect(bestMatches('完全不同的一段文字', 0, 9, '特朗普宣布关税', 2)).toEqual([]);
  });

  it('refuses a bound that would let the empty alignment match', () => {
    expect(bestMatches('abc', 0, 3, 'ab', 2)).toEqual([]);
  });

  it('agrees with approx-string-match on ends and errors, and its starts are the longest of that cost', () => {
    const rand = rng(99);
    let compared = 0;
    for (let t = 0; t < 600; t++) {
      const alphabet = t % 3 === 0 ? '特朗普关税政策市场' : t % 3 === 1 ? 'ab' : 'abcd';
      const pattern = word(rand, alphabet, 5 + Math.floor(rand() * 70));
      const k = Math.floor(rand() * Math.min(12, pattern.length));
      const text =
        word(rand, alphabet, Math.floor(rand() * 40)) +
        mutate(rand, alphabet, pattern, Math.floor(rand() * (k + 3))) +
        word(rand, alphabet, Math.floor(rand() * 40));
      const ours = bestMatches(text, 0, text.length, pattern, k);
      const theirs = search(text, pattern, k);
      expect(ours.map((x) => [x.end, x.errors])).toEqual(theirs.map((x) => [x.end, x.errors]));
      for (const x of ours) {
        expect(editDistance(pattern, text.slice(x.start, x.end))).toBe(x.errors);
        for (let s = Math.max(0, x.end - pattern.length - k); s < x.start; s++) {
          expect(editDistance(pattern, text.slice(s, x.end))).toBeGreaterThan(x.errors);
        }
      }
      compared += ours.length;
    }
    expect(compared).toBeGreaterThan(600);
  });

  it('with a start range, reports exactly the best matches that start in it (checked by brute force)', () => {
    const rand = rng(2026);
    let compared = 0;
    for (let t = 0; t < 400; t++) {
      const alphabet = t % 2 ? 'ab' : '特朗普关税政策';
      const pattern = word(rand, alphabet, 4 + Math.floor(rand() * 20));
      const k = Math.floor(rand() * Math.min(5, pattern.length));
      const text =
        word(rand, alphabet, Math.floor(rand() * 15)) +
        mutate(rand, alphabet, pattern, Math.floor(rand() * (k + 2))) +
        word(rand, alphabet, Math.floor(rand() * 15));
      const lo = Math.floor(rand() * 5);
      const hi = text.length - Math.floor(rand() * 5);
      if (hi <= lo) continue;
      const startLo = lo + Math.floor(rand() * (hi - lo));
      const startHi = Math.min(hi, startLo + Math.floor(rand() * 8));

      // Brute force: for every end, the fewest errors over the allowed starts, smallest start.
      const want: Array<{ start: number; end: number; errors: number }> = [];
      let best = k + 1;
      for (let end = lo; end <= hi; end++) {
        let errors = Infinity;
        let start = -1;
        for (let s = startLo; s <= Math.min(startHi, end); s++) {
          const d = editDistance(pattern, text.slice(s, end));
          if (d < errors) {
            errors = d;
            start = s;
          }
        }
        if (errors > k || errors > best) continue;
        if (errors < best) {
          best = errors;
          want.length = 0;
        }
        want.push({ start, end, errors });
      }
      expect(bestMatches(text, lo, hi, pattern, k, startLo, startHi)).toEqual(want);
      compared += want.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
