import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { LibraryIndex } from '@/components/listing/library-index';
import { DigestLibrary, LibraryGrouper, libraryOf, type DigestLibraryView } from '@/components/listing/digest-library';
import type { DigestCorpus } from '@/components/listing/digest-corpus';
import type { Library } from '@/components/listing/list-rows';
import type { PageList } from '@/storage/db/queries';
import type { SourcemarkDB } from '@/storage/db/db';
import type { DigestShard } from '@/storage/db/digest';
import { firstPages, firstPagesNow } from './first-pages';
import { digestNow, digestRead } from './seeded-digest';
import { whenIdle } from './when-idle';
import { warmSearch } from '@/components/listing/warm-search';

export interface LibraryState {
  /** The first screenful of pages (first-pages.ts), until the whole library is there. */
  first: PageList | undefined;
  /** Every annotation as the search digest lists it, grouped by page; kept current as the
   * table changes anywhere. */
  library: Library | undefined;
  error: Error | null;
  /** The search index over the library; null while the library is not read yet. */
  index(): LibraryIndex | null;
}

/**
 * The popup's library: a small first query for the first screen; beside it, the search digest
 * (32 records of a few long strings and offset arrays: storage/db/digest-shard.ts), read by a
 * live query from the first render on, from which the list and the search index are made and
 * kept current as the table changes anywhere.
 */
export function useLibrary(db: SourcemarkDB): LibraryState {
  const [first, setFirst] = useState<PageList | undefined>(() => firstPagesNow(db));
  const [firstError, setFirstError] = useState<Error | null>(null);
  useEffect(() => {
    if (first) return;
    let live = true;
    firstPages(db).then(
      (p) => live && setFirst(p),
      (err: unknown) => live && setFirstError(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, [db]);

  const unpacker = useMemo(() => new DigestLibrary(), [db]);
  // The first script's read, when it is in already (seeded-digest.ts): searchable from the first render.
  const [digest, setDigest] = useState<{ corpus: DigestCorpus | undefined; library: Library | undefined; error: Error | null }>(() => {
    const shards = digestNow(db);
    return { corpus: shards ? unpacker.read(shards) : undefined, library: undefined, error: null };
  });
  // Usually the first script has read the digest already (seeded-digest.ts). If not, the read
  // starts in a layout effect, in the task that rendered the App, before it is painted: it is
  // under way while the App is painted, and its clone (a few long strings per shard) costs the
  // page a few milliseconds. (With 10,000 × a dozen small strings to clone, reading it beside the
  // first screen made that screen 60–120 ms later.)
  useLayoutEffect(() => {
    let live = true;
    let latest: DigestCorpus | null = digest.corpus ?? null;
    let grouped: DigestLibraryView | null = null;
    let idle: (() => void) | null = null;
    let grouper: LibraryGrouper | null = null;
    const group = (timeLeft: () => number) => {
      idle = null;
      if (!live || !latest) return;
      if (grouper?.corpus !== latest) grouper = new LibraryGrouper(latest);
      const done = grouper.step(timeLeft);
      if (!done) {
        idle = whenIdle(group);
        return;
      }
      grouped = done;
      setDigest((d) => (d.corpus === done.corpus ? { ...d, library: done } : d));
      // Then, in idle time of its own, one search the reader does not see (warm-search.ts).
      idle = whenIdle(() => {
        idle = null;
        if (live) warmSearch(done);
      });
    };
    const arrived = (shards: readonly DigestShard[]) => {
      const corpus = unpacker.read(shards);
      if (corpus === latest) return;
      latest = corpus;
      if (grouped) {
        // A change while the popup is open: the list shows it at once.
        grouped = libraryOf(corpus);
        setDigest({ corpus, library: grouped, error: null });
      } else {
        // The first answer: searchable at once; the whole list (one pass over every row, in
        // a page whose code still runs cold) waits for idle time, while the first screen's
        // pages stand in for it.
        setDigest({ corpus, library: undefined, error: null });
        idle ??= whenIdle(group);
      }
    };
    // The plain read (the first script's, or one here) answers first, unless Dexie's live query,
    // which hears every later change, already has: an answer read before the live query's may be
    // older than it. A seeded digest is older than the live query's first answer, which replaces it.
    let answered = false;
    if (latest) idle = whenIdle(group);
    else void digestRead(db).then((shards) => live && shards && !answered && arrived(shards));
    const sub = liveQuery(() => db.digest.toArray()).subscribe({
      next: (shards) => {
        if (!live) return;
        answered = true;
        arrived(shards);
      },
      error: (err: unknown) => live && setDigest((d) => ({ ...d, error: err instanceof Error ? err : new Error(String(err)) })),
    });
    return () => {
      live = false;
      idle?.();
      sub.unsubscribe();
    };
  }, [db]);

  const index = useMemo(() => (digest.corpus ? new LibraryIndex(digest.corpus) : null), [digest.corpus]);
  return {
    first,
    library: digest.library,
    error: digest.error ?? firstError,
    index: () => index,
  };
}
