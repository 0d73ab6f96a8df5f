import type { Annotation, Assessment, Color } from '../model/annotation';
import { quoteOf } from '../model/quote';
import { foldText, startOf } from './queries';

/**
 * The search digest: what the popup's list and search need of every annotation, kept in
 * DIGEST_SHARDS rows of column arrays beside the annotations table (storage/db/digest-sync.ts
 * keeps it current in the same transaction as every write). Reading 32 records of string arrays
 * costs the popup about a tenth of reading 10,000 whole records, and the folded search text is
 * stored, so the index needs no folding either. No selectors, no context, no evidence: the
 * popup reads a whole record by id when it needs one (undo, export). Pure: no browser API.
 */

export const DIGEST_SHARDS = 32;

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

/** One stored shard: the rows whose id hashes to `shard`, by id, as one array per field. */
export interface DigestShard {
  shard: number;
  /** Counts the shard's rewrites: a reader holding rev n of a shard need not unpack it again. */
  rev: number;
  id: string[];
  pageKey: string[];
  title: string[];
  site: string[];
  url: string[];
  updated: string[];
  created: string[];
  color: Color[];
  tags: string[][];
  quote: string[];
  note: string[];
  start: (number | null)[];
  verdict: (Assessment['verdict'] | null)[];
  text: string[];
}

const FIELDS = ['id', 'pageKey', 'title', 'site', 'url', 'updated', 'created', 'color', 'tags', 'quote', 'note', 'start', 'verdict', 'text'] as const;

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

function emptyShard(shard: number, rev: number): DigestShard {
  return { shard, rev, id: [], pageKey: [], title: [], site: [], url: [], updated: [], created: [], color: [], tags: [], quote: [], note: [], start: [], verdict: [], text: [] };
}

/** The rows of a shard, in its (id) order. */
export function rowsOf(shard: DigestShard): DigestRow[] {
  const rows: DigestRow[] = [];
  for (let i = 0; i < shard.id.length; i++) {
    rows.push({
      id: shard.id[i]!,
      pageKey: shard.pageKey[i]!,
      title: shard.title[i]!,
      site: shard.site[i]!,
      url: shard.url[i]!,
      updated: shard.updated[i]!,
      created: shard.created[i]!,
      color: shard.color[i]!,
      tags: shard.tags[i]!,
      quote: shard.quote[i]!,
      note: shard.note[i]!,
      start: shard.start[i]!,
      verdict: shard.verdict[i]!,
      text: shard.text[i]!,
    });
  }
  return rows;
}

const byId = (a: DigestRow, b: DigestRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function shardFrom(shard: number, rev: number, rows: DigestRow[]): DigestShard {
  const out = emptyShard(shard, rev);
  rows.sort(byId);
  for (const r of rows) for (const f of FIELDS) (out[f] as unknown[]).push(r[f]);
  return out;
}

/** The whole digest of these annotations: every shard, empty ones included, so that a shard
 * always exists to be updated. */
export function buildDigest(annotations: Iterable<Annotation>): DigestShard[] {
  const rows: DigestRow[][] = Array.from({ length: DIGEST_SHARDS }, () => []);
  for (const a of annotations) rows[shardOf(a.id)]!.push(digestRowOf(a));
  return rows.map((r, shard) => shardFrom(shard, 0, r));
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
  return [...touched].map(([shard, rows]) => shardFrom(shard, (current.get(shard)?.rev ?? 0) + 1, [...rows.values()]));
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
