import { searchTerms } from '@/storage/db/search-text';
import { newestFirst, type DigestRow } from '@/storage/db/digest';
import { fieldIs, hasTag, rowOfText, textAt, type DigestShard } from '@/storage/db/digest-shard';
import type { Color } from '@/storage/model/annotation';
import { ROW_BITS, ROW_MASK, refOf, type DigestCorpus } from './digest-corpus';

/**
 * Search over the whole library as the search digest holds it (storage/db/digest-shard.ts: each
 * shard's folded texts as one string, its rows newest first), with nothing to build first: a
 * term is looked for with indexOf over each shard's text, 32 long strings instead of 10,000
 * short ones, and a hit is mapped to its row by a binary search over the texts' offsets. Each
 * shard's matches come newest first; only they are merged into the result's order and made
 * into row objects. Pure: no browser API.
 */

export { newestFirst };

export interface SearchFilter {
  query: string;
  /** Only these colours; empty means any. */
  colors: readonly Color[];
  tag: string | null;
}

/** Every match, newest first, and how many (the same as `search` in storage/db/queries.ts). */
export interface IndexResult {
  annotations: DigestRow[];
  total: number;
}

export class LibraryIndex {
  /** The last search and its matches (refs, newest first): typing on usually narrows it, and then only those are looked at. */
  private last: { terms: string[]; colors: string; tag: string | null; found: number[] } | null = null;

  constructor(private readonly corpus: DigestCorpus) {}

  get size(): number {
    return this.corpus.size;
  }

  /** Every match, newest first (the same matches and order as `search` in storage/db/queries.ts). */
  search({ query, colors, tag }: SearchFilter): IndexResult {
    const terms = searchTerms(query);
    const colorKey = [...colors].sort().join();
    const prev = this.last;
    // Every earlier term inside some new term (same filters): the new matches are among the old.
    const narrows =
      prev !== null &&
      prev.colors === colorKey &&
      prev.tag === tag &&
      prev.terms.every((p) => terms.some((t) => t.includes(p)));
    const { shards } = this.corpus;
    const kept = (shard: DigestShard, i: number) =>
      (tag === null || hasTag(shard, i, tag)) && (colors.length === 0 || colors.some((c) => fieldIs(shard, i, 'color', c)));
    let found: number[];
    if (narrows) {
      found = prev.found.filter((ref) => {
        const shard = shards[ref >>> ROW_BITS]!;
        const i = ref & ROW_MASK;
        if (!kept(shard, i)) return false;
        const text = textAt(shard, i);
        return terms.every((t) => text.includes(t));
      });
    } else {
      found = this.corpus.merge(
        shards.map((shard, s) => {
          const list: number[] = [];
          if (terms.length > 0) {
            for (const i of rowsWithAll(shard, terms)) if (kept(shard, i)) list.push(refOf(s, i));
          } else {
            for (let i = 0; i < shard.count; i++) if (kept(shard, i)) list.push(refOf(s, i));
          }
          return list;
        }),
      );
    }
    this.last = { terms, colors: colorKey, tag, found };
    return { annotations: found.map((ref) => this.corpus.row(ref)), total: found.length };
  }
}

/** The rows whose text holds every term, in row order: only the rows the first term is found
 * in are looked at for the others, so a keystroke touches its matches, not every row. */
function rowsWithAll(shard: DigestShard, terms: readonly string[]): number[] {
  const [term, ...others] = terms;
  const rows: number[] = [];
  for (let pos = shard.text.indexOf(term!); pos !== -1; ) {
    const i = rowOfText(shard, pos);
    rows.push(i);
    // One hit is enough: go on from the next row's text.
    pos = i + 1 < shard.count ? shard.text.indexOf(term!, shard.textAt[i + 1]!) : -1;
  }
  if (others.length === 0) return rows;
  return rows.filter((i) => {
    const text = textAt(shard, i);
    return others.every((t) => text.includes(t));
  });
}
