import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { IndexBuilder, type LibraryIndex } from '@/components/listing/library-index';
import { DigestLibrary } from '@/components/listing/digest-library';
import type { Library } from '@/components/listing/list-rows';
import type { PageList } from '@/storage/db/queries';
import type { SourcemarkDB } from '@/storage/db/db';
import type { DigestShard } from '@/storage/db/digest';
import { firstPages, firstPagesNow } from './first-pages';
import { useLive } from './use-live';

export interface LibraryState {
  /** The first screenful of pages (first-pages.ts), until the whole library is there. */
  first: PageList | undefined;
  /** Every annotation as the search digest lists it, grouped by page; kept current as the
   * table changes anywhere. */
  library: Library | undefined;
  error: Error | null;
  /**
   * The search index over the library: built a slice at a time while the popup is idle, and
   * finished at once when a search asks for it first. Null while the library is not read yet.
   */
  index(): LibraryIndex | null;
}

/** Slice length when the browser cannot say how much idle time there is. */
const SLICE_MS = 8;

/**
 * The popup's library: a small first query for the first screen; then the search digest (32
 * small records, not 10,000 whole ones: storage/db/digest.ts), read by a live query once the
 * first screen is up, or at once when `needNow` (a search has started), from which the list and
 * the search index are built and kept current as the table changes anywhere.
 */
export function useLibrary(db: SourcemarkDB, needNow: boolean): LibraryState {
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

  // Effects run after the browser painted: the live query starts after the first screen is shown.
  const [afterFirst, setAfterFirst] = useState(false);
  useEffect(() => {
    if (first && !afterFirst) setAfterFirst(true);
  }, [first, afterFirst]);
  const load = afterFirst || needNow;
  const digest = useLive(() => (load ? db.digest.toArray() : Promise.resolve(null)), [db, load]);
  const shards: DigestShard[] | null = digest.value ?? null;
  const unpacker = useMemo(() => new DigestLibrary(), [db]);
  const library = useMemo(() => (shards ? unpacker.read(shards) : undefined), [shards, unpacker]);

  const builder = useMemo(() => (library ? new IndexBuilder(library.all) : null), [library]);
  const built = useRef<{ builder: IndexBuilder; index: LibraryIndex } | null>(null);
  useEffect(() => {
    if (!builder) return;
    let handle = 0;
    let idle = false;
    const run = (deadline?: IdleDeadline) => {
      const start = performance.now();
      const left = deadline ? () => deadline.timeRemaining() : () => SLICE_MS - (performance.now() - start);
      if (builder.step(left) === null) schedule();
    };
    const schedule = () => {
      idle = typeof requestIdleCallback === 'function';
      handle = idle ? requestIdleCallback(run) : (setTimeout(run, 0) as unknown as number);
    };
    schedule();
    return () => (idle ? cancelIdleCallback(handle) : clearTimeout(handle));
  }, [builder]);

  return {
    first,
    library,
    error: digest.error ?? firstError,
    index() {
      if (!builder) return null;
      if (built.current?.builder !== builder) built.current = { builder, index: builder.finish() };
      return built.current.index;
    },
  };
}
