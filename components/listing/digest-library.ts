import { fieldAt, type DigestShard } from '@/storage/db/digest-shard';
import type { DigestRow } from '@/storage/db/digest';
import type { PageSummary } from '@/storage/db/queries';
import { DigestCorpus, ROW_BITS, ROW_MASK, refOf } from './digest-corpus';
import { byListedOrder, type Library, type PageLists } from './list-rows';

/** The library grouped from a corpus, with that corpus. */
export interface DigestLibraryView extends Library {
  corpus: DigestCorpus;
}

/**
 * The search digest's shards as the popup holds them, read again whenever the digest changes:
 * rows already made of a shard whose rev it still holds are kept, and when no shard changed (a
 * live query answering again with the same digest) the same corpus comes back, so nothing
 * downstream (the list's rows, the search index) is redone. Pure: no browser API.
 */
export class DigestLibrary {
  private held = new Map<number, { rev: number; made: (DigestRow | undefined)[] }>();
  private corpus: DigestCorpus | null = null;

  read(shards: readonly DigestShard[]): DigestCorpus {
    let changed = this.corpus === null || shards.length !== this.held.size;
    const next = new Map<number, { rev: number; made: (DigestRow | undefined)[] }>();
    for (const s of shards) {
      const had = this.held.get(s.shard);
      if (had && had.rev === s.rev) next.set(s.shard, had);
      else {
        next.set(s.shard, { rev: s.rev, made: [] });
        changed = true;
      }
    }
    this.held = next;
    if (changed || !this.corpus) this.corpus = new DigestCorpus(shards, shards.map((s) => next.get(s.shard)!.made));
    return this.corpus;
  }
}

/**
 * Pages newest first with their counts (as pagesNewestFirst lists them), and each page's
 * annotations in page order, made into rows when the page is first opened: one pass over every
 * row, which the popup runs a shard at a time while it is idle (step), so that a keystroke never
 * waits behind it for long, or at once (finish).
 */
export class LibraryGrouper {
  private readonly byKey = new Map<string, { refs: number[]; newest: number }>();
  private next = 0;
  private done: DigestLibraryView | null = null;

  constructor(readonly corpus: DigestCorpus) {}

  /** Groups shards until `timeLeft()` says the slice is over; the library when all are done. */
  step(timeLeft: () => number): DigestLibraryView | null {
    const { corpus, byKey } = this;
    while (!this.done) {
      if (this.next === corpus.shards.length) {
        this.done = this.library();
        break;
      }
      const s = this.next++;
      const shard = corpus.shards[s]!;
      for (let i = 0; i < shard.count; i++) {
        const key = fieldAt(shard, i, 'pageKey');
        const ref = refOf(s, i);
        const page = byKey.get(key);
        if (!page) byKey.set(key, { refs: [ref], newest: ref });
        else {
          page.refs.push(ref);
          if (corpus.newer(ref, page.newest)) page.newest = ref;
        }
      }
      if (timeLeft() <= 0) return null;
    }
    return this.done;
  }

  /** The rest at once. */
  finish(): DigestLibraryView {
    return this.step(() => 1)!;
  }

  private library(): DigestLibraryView {
    const { corpus, byKey } = this;
    const pages: PageSummary[] = [...byKey]
      .sort(([, a], [, b]) => (corpus.newer(a.newest, b.newest) ? -1 : 1))
      .map(([pageKey, { refs, newest }]) => {
        const shard = corpus.shards[newest >>> ROW_BITS]!;
        const i = newest & ROW_MASK;
        return {
          pageKey,
          title: fieldAt(shard, i, 'title'),
          site: fieldAt(shard, i, 'site'),
          url: fieldAt(shard, i, 'url'),
          updated: fieldAt(shard, i, 'updated'),
          count: refs.length,
        };
      });
    const listed = new Map<string, readonly DigestRow[]>();
    const byPage: PageLists = {
      has: (pageKey) => byKey.has(pageKey),
      get(pageKey) {
        let rows = listed.get(pageKey);
        const page = byKey.get(pageKey);
        if (!rows && page) {
          rows = page.refs.map((r) => corpus.row(r)).sort(byListedOrder);
          listed.set(pageKey, rows);
        }
        return rows;
      },
    };
    return { pages, byPage, size: corpus.size, corpus };
  }
}

/** The library of a corpus, grouped at once. */
export function libraryOf(corpus: DigestCorpus): DigestLibraryView {
  return new LibraryGrouper(corpus).finish();
}
