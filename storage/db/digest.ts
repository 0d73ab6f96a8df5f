import type { Annotation, Assessment, Color } from '../model/annotation';
import { quoteOf, startOf } from '../model/quote';
import { foldText } from './search-text';
import { packShard, unpackShard, type DigestShard } from './digest-shard';

/**
 * The search digest: what the popup's list and search need of every annotation, kept in
 * DIGEST_SHARDS records beside the annotations table (storage/db/digest-sync.ts keeps it current
 * in the same transaction as every write). A shard holds its rows packed as a few long strings
 * and typed arrays of offsets (digest-shard.ts), newest first: reading the whole digest clones a
 * few hundred objects instead of 10,000 × a dozen small strings, which is what made reading it
 * cost tens of milliseconds on the popup's main thread. The folded search text is stored, so a
 * search folds nothing but its query. No selectors, no context, no evidence: the popup reads a
 * whole record by id when it needs one (undo, export). Pure: no browser API.
 */

export const DIGEST_SHARDS = 32;

export { type DigestShard } from './digest-shard';

/** One annotation as the popup lists and searches it. */
export interface Listed {
  id: string;
  pageKey: string;
  title: string;
  site: string;
  url: string;
  updated: string;
  created: string;
  color: Color;
  tags: string[];
  /** The quote's exact text. */
  quote: string;
  note: string;
  /** Where the quote starts on its page (page order); null without a position. */
  start: number | null;
  verdict: Assessment['verdict'] | null;
}

/** A digest row: a Listed annotation and its folded search text (queries.ts haystackOf). */
export interface DigestRow extends Listed {
  text: string;
}

/** Newest first, ties by id: the order `search` and `searchIn` return, and a shard's row order. */
export function newestFirst(a: { updated: string; id: string }, b: { updated: string; id: string }): number {
  return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The shard of an id: FNV-1a over its UTF-16 units, stable across releases and browsers. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % DIGEST_SHARDS;
}

/** What the popup lists of an annotation (no search text: "This page" needs none). */
export function listedOf(a: Annotation): Listed {
  const start = startOf(a);
  return {
    id: a.id,
    pageKey: a.pageKey,
    title: a.title,
    site: a.site,
    url: a.url,
    updated: a.updated,
    created: a.created,
    color: a.color,
    tags: a.tags,
    quote: quoteOf(a).exact,
    note: a.note,
    start: Number.isFinite(start) ? start : null,
    verdict: a.assessment?.verdict ?? null,
  };
}

/** The text a search looks in: quote, note, title and tags joined by a newline, which no term
 * contains, then folded (the same text as queries.ts haystackOf). */
export function searchTextOf(l: Pick<Listed, 'quote' | 'note' | 'title' | 'tags'>): string {
  return foldText([l.quote, l.note, l.title, l.tags.join('\n')].join('\n'));
}

export function digestRowOf(a: Annotation): DigestRow {
  const listed = listedOf(a);
  return { ...listed, text: searchTextOf(listed) };
}

/** The rows of a shard, newest first. */
export function rowsOf(shard: DigestShard): DigestRow[] {
  return unpackShard(shard);
}

/** The whole digest of these annotations: every shard, empty ones included, so that a shard
 * always exists to be updated. */
export function buildDigest(annotations: Iterable<Annotation>): DigestShard[] {
  const rows: DigestRow[][] = Array.from({ length: DIGEST_SHARDS }, () => []);
  for (const a of annotations) rows[shardOf(a.id)]!.push(digestRowOf(a));
  return rows.map((r, shard) => packShard(shard, 0, r.sort(newestFirst)));
}

/**
 * The shards after these writes: `put` annotations replace (or add) their rows, `deleted` ids
 * leave. Only the shards touched are returned; `current` holds them as stored (a missing one
 * counts as empty).
 */
export function updatedShards(
  current: ReadonlyMap<number, DigestShard | undefined>,
  put: readonly Annotation[],
  deleted: readonly string[],
): DigestShard[] {
  const touched = new Map<number, Map<string, DigestRow>>();
  const rowsIn = (shard: number) => {
    let rows = touched.get(shard);
    if (!rows) {
      const stored = current.get(shard);
      rows = new Map((stored ? rowsOf(stored) : []).map((r) => [r.id, r]));
      touched.set(shard, rows);
    }
    return rows;
  };
  for (const id of deleted) rowsIn(shardOf(id)).delete(id);
  for (const a of put) rowsIn(shardOf(a.id)).set(a.id, digestRowOf(a));
  return [...touched].map(([shard, rows]) => packShard(shard, (current.get(shard)?.rev ?? 0) + 1, [...rows.values()].sort(newestFirst)));
}

/** A shard's content without its rev: what the table says, however often it was rewritten. */
export function contentOf(shard: DigestShard): Omit<DigestShard, 'rev'> {
  const { rev: _rev, ...content } = shard;
  return content;
}

/** The shards a set of ids falls in. */
export function shardsOf(ids: Iterable<string>): number[] {
  return [...new Set([...ids].map(shardOf))];
}
