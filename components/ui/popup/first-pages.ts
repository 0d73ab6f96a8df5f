import { pagesNewestFirst, type PageList } from '@/storage/db/queries';
import type { SourcemarkDB } from '@/storage/db/db';

/**
 * The first screenful of "All annotations", asked for the moment the popup's script runs: it
 * then shares one database opening with the settings read, and the popup's first render can
 * already hold it, instead of rendering, finding its tab, mounting the list and only then
 * asking. Only a screenful (a few dozen records and counts): the first screen never waits for
 * the whole library, which is read after it is up.
 */
export const FIRST_PAGES = 20;

let early: { db: SourcemarkDB; answer: Promise<PageList>; value?: PageList } | null = null;

/** Starts the first query now; resolves (never rejects) when it has answered. */
export function prefetchFirstPages(db: SourcemarkDB): Promise<void> {
  const answer = pagesNewestFirst(db, { limit: FIRST_PAGES });
  const entry: NonNullable<typeof early> = { db, answer };
  early = entry;
  // An error is shown by the list, which asks firstPages for the answer.
  return answer.then(
    (value) => void (entry.value = value),
    () => undefined,
  );
}

/** The early answer if it is already there: the list's first render can show it. */
export function firstPagesNow(db: SourcemarkDB): PageList | undefined {
  return early?.db === db ? early.value : undefined;
}

/** The first pages: the early query's answer, or a new query if there was none. */
export function firstPages(db: SourcemarkDB): Promise<PageList> {
  return early?.db === db ? early.answer : pagesNewestFirst(db, { limit: FIRST_PAGES });
}
