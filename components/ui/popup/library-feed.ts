import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { readLibrary } from '@/storage/db/queries';
import type { SourcemarkDB } from '@/storage/db/db';
import type { Annotation } from '@/storage/model/annotation';

/** The whole table, read again whenever it changes (in this page or any other context). */
export interface LibraryFeed {
  value: Annotation[] | undefined;
  error: Error | null;
}

interface Feed {
  state: LibraryFeed;
  listeners: Set<(s: LibraryFeed) => void>;
  sub: Subscription | null;
  /** Started by the page itself: kept while the page lives, not only while a list shows it. */
  kept: boolean;
}

const EMPTY: LibraryFeed = { value: undefined, error: null };
const feeds = new Map<SourcemarkDB, Feed>();

function feedOf(db: SourcemarkDB): Feed {
  const known = feeds.get(db);
  if (known) return known;
  const feed: Feed = { state: EMPTY, listeners: new Set(), sub: null, kept: false };
  const tell = (state: LibraryFeed) => {
    feed.state = state;
    for (const l of feed.listeners) l(state);
  };
  feed.sub = liveQuery(() => readLibrary(db)).subscribe({
    next: (value) => tell({ value, error: null }),
    error: (err: unknown) => tell({ ...feed.state, error: err instanceof Error ? err : new Error(String(err)) }),
  });
  feeds.set(db, feed);
  return feed;
}

/**
 * Starts reading the library now, for the page's whole life. The popup calls it as its script
 * starts: reading 10,000 records takes a while, and so the read overlaps the popup's start-up
 * instead of beginning after the first screen (a search typed at once then waits less).
 */
export function startLibraryFeed(db: SourcemarkDB): void {
  feedOf(db).kept = true;
}

/** The library feed while `enabled` (started then if nobody started it). */
export function useLibraryFeed(db: SourcemarkDB, enabled: boolean): LibraryFeed {
  const [state, setState] = useState<LibraryFeed>(() => feeds.get(db)?.state ?? EMPTY);
  useEffect(() => {
    if (!enabled) return;
    const feed = feedOf(db);
    setState(feed.state);
    feed.listeners.add(setState);
    return () => {
      feed.listeners.delete(setState);
      if (!feed.kept && feed.listeners.size === 0) {
        feed.sub?.unsubscribe();
        feeds.delete(db);
      }
    };
  }, [db, enabled]);
  return state;
}
