import type { Assessment, Color } from '../model/annotation';
import type { DigestRow } from './digest';

/**
 * One search digest record, packed for a cheap read: IndexedDB hands records to the page by
 * structured clone, whose cost on the page's main thread grows with the number of objects and
 * strings it recreates, not with their length. So a shard stores its rows as two long strings
 * (every listed field, and every folded search text) and typed arrays of where each piece starts:
 * a handful of objects per shard, whatever its size. Rows are kept newest first, so that the
 * whole library's order is a merge of the shards'. Readers slice out only the fields they use
 * (fieldAt, hasString), and a search runs over `text` as one string (components/listing).
 * Pure: no browser API.
 */
export interface DigestShard {
  shard: number;
  /** Counts the shard's rewrites: a reader holding rev n of a shard need not unpack it again. */
  rev: number;
  /** How many rows. */
  count: number;
  /** Each row's strings one after another: its FIELDS in order, then its tags. */
  strings: string;
  /** Where string k starts in `strings`; the last entry is strings.length. */
  at: Int32Array;
  /** Row i's first string is number first[i] (its id); first[count] is the number of strings. */
  first: Int32Array;
  /** Where each row's quote starts on its page; NaN for no position. */
  start: Float64Array;
  /** Each row's `updated` in ms, when it is written as toISOString writes it (else NaN): two
   * such times compare as numbers exactly as their strings compare, so the popup can merge the
   * shards' orders without slicing out 10,000 strings to compare them. */
  time: Float64Array;
  /** Each row's folded search text, in row order, each followed by '\n'. A search term holds no
   * whitespace, so a term found in `text` always lies inside one row's text. */
  text: string;
  /** Where row i's text starts; textAt[count] is text.length. */
  textAt: Int32Array;
}

/** The string fields of a row, in their order in `strings`; a row's tags follow them. */
export const FIELDS = ['id', 'pageKey', 'title', 'site', 'url', 'updated', 'created', 'color', 'quote', 'note', 'verdict'] as const;
export type Field = (typeof FIELDS)[number];
const AT = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/** The row separator in `text`: whitespace, which searchTerms never leaves in a term. */
export const TEXT_END = '\n';

/** Packs `rows` (already in the shard's order, newest first) into a shard. */
export function packShard(shard: number, rev: number, rows: readonly DigestRow[]): DigestShard {
  const parts: string[] = [];
  const texts: string[] = [];
  const first = new Int32Array(rows.length + 1);
  const start = new Float64Array(rows.length);
  const time = new Float64Array(rows.length);
  const textAt = new Int32Array(rows.length + 1);
  let textLength = 0;
  rows.forEach((r, i) => {
    first[i] = parts.length;
    parts.push(r.id, r.pageKey, r.title, r.site, r.url, r.updated, r.created, r.color, r.quote, r.note, r.verdict ?? '', ...r.tags);
    start[i] = r.start ?? Number.NaN;
    time[i] = timeOf(r.updated);
    textAt[i] = textLength;
    texts.push(r.text, TEXT_END);
    textLength += r.text.length + TEXT_END.length;
  });
  first[rows.length] = parts.length;
  textAt[rows.length] = textLength;
  const at = new Int32Array(parts.length + 1);
  let offset = 0;
  parts.forEach((p, k) => {
    at[k] = offset;
    offset += p.length;
  });
  at[parts.length] = offset;
  return { shard, rev, count: rows.length, strings: parts.join(''), at, first, start, time, text: texts.join(''), textAt };
}

/** toISOString's form: fixed width, so its strings sort as its times. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A time in ms when `iso` is in toISOString's form; NaN otherwise (an offset, no milliseconds). */
export function timeOf(iso: string): number {
  return CANONICAL.test(iso) ? Date.parse(iso) : Number.NaN;
}

/** String k of a shard. */
function stringAt(s: DigestShard, k: number): string {
  return s.strings.slice(s.at[k]!, s.at[k + 1]!);
}

/** One field of row i. */
export function fieldAt(s: DigestShard, i: number, f: Field): string {
  return stringAt(s, s.first[i]! + AT[f]);
}

/** Whether string k of a shard is `value`, without slicing it out. */
function isString(s: DigestShard, k: number, value: string): boolean {
  return s.at[k + 1]! - s.at[k]! === value.length && s.strings.startsWith(value, s.at[k]!);
}

/** Whether field f of row i is `value`. */
export function fieldIs(s: DigestShard, i: number, f: Field, value: string): boolean {
  return isString(s, s.first[i]! + AT[f], value);
}

/** Whether row i has the tag `tag`. */
export function hasTag(s: DigestShard, i: number, tag: string): boolean {
  for (let k = s.first[i]! + FIELDS.length; k < s.first[i + 1]!; k++) if (isString(s, k, tag)) return true;
  return false;
}

/** Row i's folded search text. */
export function textAt(s: DigestShard, i: number): string {
  return s.text.slice(s.textAt[i]!, s.textAt[i + 1]! - TEXT_END.length);
}

/** The row containing offset `pos` of `text`: the last row whose text starts at or before it. */
export function rowOfText(s: DigestShard, pos: number): number {
  let lo = 0;
  let hi = s.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.textAt[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Row i, whole. */
export function rowAt(s: DigestShard, i: number): DigestRow {
  const k = s.first[i]!;
  const tags: string[] = [];
  for (let t = k + FIELDS.length; t < s.first[i + 1]!; t++) tags.push(stringAt(s, t));
  const start = s.start[i]!;
  const verdict = stringAt(s, k + AT.verdict);
  return {
    id: stringAt(s, k + AT.id),
    pageKey: stringAt(s, k + AT.pageKey),
    title: stringAt(s, k + AT.title),
    site: stringAt(s, k + AT.site),
    url: stringAt(s, k + AT.url),
    updated: stringAt(s, k + AT.updated),
    created: stringAt(s, k + AT.created),
    color: stringAt(s, k + AT.color) as Color,
    tags,
    quote: stringAt(s, k + AT.quote),
    note: stringAt(s, k + AT.note),
    start: Number.isNaN(start) ? null : start,
    verdict: verdict === '' ? null : (verdict as Assessment['verdict']),
    text: textAt(s, i),
  };
}

/** Every row of a shard, in its order. */
export function unpackShard(s: DigestShard): DigestRow[] {
  return Array.from({ length: s.count }, (_, i) => rowAt(s, i));
}
