import { pairGap } from './gap-pairs';
import { commonSubsequence } from './myers';

/**
 * What changed between two versions of an article, paragraph by paragraph: the paragraphs that
 * stayed are matched (a longest common subsequence, myers.ts), and between two matched ones, a
 * removed paragraph and an added one at the same place are one paragraph `changed`; the rest are
 * `removed` or `added`. A paragraph moved elsewhere shows as removed where it was and added
 * where it is: a reader checking an edit wants to see both places.
 */

/**
 * Where two versions of one paragraph differ, in UTF-16 offsets: `before.slice(start, beforeEnd)`
 * became `after.slice(start, afterEnd)`, and the text around it is the same in both.
 */
export interface ChangedSpan {
  start: number;
  beforeEnd: number;
  afterEnd: number;
}

/**
 * One difference, with its place in both versions. For `removed`, `afterIndex` is where the
 * paragraph would stand in the new version (the index of the paragraph now following it); for
 * `added`, `beforeIndex` is where it would have stood in the old one.
 */
export type ParagraphChange =
  | { kind: 'changed'; beforeIndex: number; afterIndex: number; before: string; after: string; span: ChangedSpan }
  | { kind: 'removed'; beforeIndex: number; afterIndex: number; before: string }
  | { kind: 'added'; beforeIndex: number; afterIndex: number; after: string };

export interface DiffSummary {
  changed: number;
  added: number;
  removed: number;
}

export interface ParagraphDiff {
  /** In reading order. Empty when the versions are the same. */
  changes: ParagraphChange[];
  summary: DiffSummary;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The changed middle of a paragraph: what is left after the longest common start and end. Never
 * splits a character written as a surrogate pair (an emoji, a rare CJK character).
 */
export function changedSpan(before: string, after: string): ChangedSpan {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && start < shorter && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start, beforeEnd: before.length - tail, afterEnd: after.length - tail };
}

/** Gives each distinct paragraph text a number, so paragraphs compare as integers. */
function numbered(before: readonly string[], after: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const id = (p: string): number => {
    let n = ids.get(p);
    if (n === undefined) ids.set(p, (n = ids.size));
    return n;
  };
  return [Int32Array.from(before, id), Int32Array.from(after, id)];
}

/** The changes in one stretch between matched paragraphs: `before[i0..i1)` became `after[j0..j1)`. */
function gapChanges(before: readonly string[], after: readonly string[], i0: number, i1: number, j0: number, j1: number): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  let i = i0;
  let j = j0;
  const flushTo = (iStop: number, jStop: number): void => {
    for (; i < iStop; i++) out.push({ kind: 'removed', beforeIndex: i, afterIndex: j, before: before[i]! });
    for (; j < jStop; j++) out.push({ kind: 'added', beforeIndex: i, afterIndex: j, after: after[j]! });
  };
  for (const [r, a] of pairGap(before.slice(i0, i1), after.slice(j0, j1))) {
    flushTo(i0 + r, j0 + a);
    const b = before[i]!;
    const c = after[j]!;
    out.push({ kind: 'changed', beforeIndex: i, afterIndex: j, before: b, after: c, span: changedSpan(b, c) });
    i++;
    j++;
  }
  flushTo(i1, j1);
  return out;
}

/** The paragraph-level difference from `before` to `after`. */
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphDiff {
  const [a, b] = numbered(before, after);
  const matched = commonSubsequence(a, b);
  const changes: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  // A sentinel match past both ends closes the last stretch.
  for (let p = 0; p <= matched.length; p += 2) {
    const mi = p < matched.length ? matched[p]! : before.length;
    const mj = p < matched.length ? matched[p + 1]! : after.length;
    if (mi > i || mj > j) changes.push(...gapChanges(before, after, i, mi, j, mj));
    i = mi + 1;
    j = mj + 1;
  }
  const summary: DiffSummary = { changed: 0, added: 0, removed: 0 };
  for (const c of changes) summary[c.kind]++;
  return { changes, summary };
}
