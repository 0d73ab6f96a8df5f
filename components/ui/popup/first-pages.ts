import { pagesNewestFirst, type PageList } from '@/storage/db/queries';
import type { SourcemarkDB } from '@/storage/db/db';

/**
 * The first screenful of "All annotations", asked for the moment the popup's script runs: it
 * then shares one database opening with the settings read instead of waiting for the popup to
 * render, find its tab and mount the list. Only a screenful (a few dozen records and counts),
 * so the first screen never waits for the whole library, which is read after it is up.
 */
export const FIRST_PAGES = 20;

let early: { db: SourcemarkDB; answer: Promise<PageList> } | null = null;

/** Starts the first query now; firstPages picks its answer up. */
export function prefetchFirstPages(db: SourcemarkDB): void {
  const answer = pagesNewestFirst(db, { limit: FIRST_PAGES });
  // Read (or read again) by firstPages; an error here is shown there.
  answer.catch(() => undefined);
  early = { db, answer };
}

/** The first pages: the early query's answer once, a new query after that. */
export function firstPages(db: SourcemarkDB): Promise<PageList> {
  if (early?.db === db) {
    const { answer } = early;
    early = null;
    return answer;
  }
  return pagesNewestFirst(db, { limit: FIRST_PAGES });
}
