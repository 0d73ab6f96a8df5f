import { pagesNewestFirst, type PageList } from '@/storage/db/queries';
import type { SourcemarkDB } from '@/storage/db/db';
import { FIRST_PAGES } from './first-screen-size';

export { FIRST_PAGES };

/**
 * The first screenful of "All annotations", known before the popup's first render: read by its
 * first script without Dexie (storage/db/first-screen.ts, seedFirstPages), or asked for through
 * Dexie as the popup mounts when that read could not answer. Either way the first render already
 * holds it, instead of rendering, mounting the list and only then asking. Only a screenful (a few
 * dozen records and counts): the first screen never waits for the whole library, which is read
 * after it is up.
 */
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

/** An answer read before Dexie was loaded (storage/db/first-screen.ts): the same query's answer. */
export function seedFirstPages(db: SourcemarkDB, value: PageList): void {
  early = { db, answer: Promise.resolve(value), value };
}

/** The early answer if it is already there: the list's first render can show it. */
export function firstPagesNow(db: SourcemarkDB): PageList | undefined {
  return early?.db === db ? early.value : undefined;
}

/** The first pages: the early query's answer, or a new query if there was none. */
export function firstPages(db: SourcemarkDB): Promise<PageList> {
  return early?.db === db ? early.answer : pagesNewestFirst(db, { limit: FIRST_PAGES });
}
