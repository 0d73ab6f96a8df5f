import { searchTerms } from '@/storage/db/queries';
import type { DigestRow } from '@/storage/db/digest';
import type { Color } from '@/storage/model/annotation';

/**
 * A search index built once over the whole library, from the search digest's rows
 * (storage/db/digest.ts: each annotation's quote, note, title and tags already folded as `search`
 * folds them), newest first. A keystroke then filters 10,000 strings in memory (a millisecond or
 * two) instead of reading the table again, and the order is already the result's order, so
 * nothing is sorted per keystroke. Pure: no browser API.
 */

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

type Entry = DigestRow;

/** Newest first, ties by id: the order `search` and `searchIn` return. */
export function newestFirst(a: { updated: string; id: string }, b: { updated: string; id: string }): number {
  return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class LibraryIndex {
  /** The last search and its matches: typing on usually narrows it, and then only those are scanned. */
  private last: { terms: string[]; colors: string; tag: string | null; found: Entry[] } | null = null;

  constructor(private readonly entries: readonly Entry[]) {}

  get size(): number {
    return this.entries.length;
  }

  /** Every match, newest first (the same matches and order as `search` in storage/db/queries.ts). */
  search({ query, colors, tag }: SearchFilter): IndexResult {
    const terms = searchTerms(query);
    const colorKey = [...colors].sort().join();
    const colorSet = colors.length > 0 ? new Set<string>(colors) : null;
    const prev = this.last;
    // Every earlier term inside some new term (same filters): the new matches are among the old.
    const narrows =
      prev !== null &&
      prev.colors === colorKey &&
      prev.tag === tag &&
      prev.terms.every((p) => terms.some((t) => t.includes(p)));
    const from = narrows ? prev.found : this.entries;
    const found = from.filter(
      (e) =>
        (tag === null || e.tags.includes(tag)) &&
        (!colorSet || colorSet.has(e.color)) &&
        terms.every((t) => e.text.includes(t)),
    );
    this.last = { terms, colors: colorKey, tag, found };
    return { annotations: found, total: found.length };
  }
}

/**
 * Builds a LibraryIndex a slice at a time, so that building it never holds up the page for long:
 * the popup runs slices when it is idle and finishes the rest at once if a search needs it first.
 */
export class IndexBuilder {
  private readonly sorted: DigestRow[];
  private readonly entries: Entry[] = [];
  private built: LibraryIndex | null = null;

  constructor(list: readonly DigestRow[]) {
    this.sorted = [...list].sort(newestFirst);
  }

  get done(): boolean {
    return this.built !== null;
  }

  /** Indexes records until `timeLeft()` says the slice is over; the index when all are done. */
  step(timeLeft: () => number): LibraryIndex | null {
    while (!this.built) {
      const end = Math.min(this.sorted.length, this.entries.length + 200);
      for (let i = this.entries.length; i < end; i++) this.entries.push(this.sorted[i]!);
      if (this.entries.length === this.sorted.length) this.built = new LibraryIndex(this.entries);
      else if (timeLeft() <= 0) return null;
    }
    return this.built;
  }

  /** The rest at once. */
  finish(): LibraryIndex {
    return this.step(() => 1)!;
  }
}
