import type { Annotation } from '../model/annotation';
import { groupByPage } from '../model/group-by-page';
import { pageSummary, type PageSummary } from './page-summary';

/**
 * One row of the `pages` table (schema 6): a page's summary as "All annotations" lists it, kept
 * beside the annotations by pages-sync.ts, so that the popup's first screen reads its newest
 * pages and their counts in one request instead of walking the annotations and counting each
 * page's. Pure: no browser API.
 */
export interface PageRow extends PageSummary {
  /**
   * The id of the page's newest annotation (the one its title, url and time come from). With
   * `updated` it orders the pages as a walk of the annotations newest first finds them: the
   * table's `[updated+newest]` index, read backwards, ties broken by this id, highest first.
   */
  newest: string;
}

/** The index pages are read newest first by. */
export const PAGES_BY_NEWEST = '[updated+newest]';

/**
 * A page's row from all of its annotations (any order), or null when it has none: the count,
 * and the rest from the newest by time, then by id, highest first (the order of the `updated`
 * index read backwards).
 */
export function pageRowOf(annotations: readonly Annotation[]): PageRow | null {
  let newest: Annotation | undefined;
  for (const a of annotations) if (!newest || isNewer(a, newest)) newest = a;
  if (!newest) return null;
  return { ...pageSummary(newest, annotations.length), newest: newest.id };
}

/**
 * Later by time, or at the same instant with the higher id: the order of the `updated` index
 * read backwards (search results' newestFirst breaks ties the other way).
 */
function isNewer(a: Annotation, b: Annotation): boolean {
  return a.updated > b.updated || (a.updated === b.updated && a.id > b.id);
}

/** Every page's row, from the whole table (the schema upgrade, tests, fixtures written raw). */
export function buildPageRows(annotations: Iterable<Annotation>): PageRow[] {
  return [...groupByPage(annotations).values()].map((list) => pageRowOf(list)!);
}

/** The summary the popup shows of a stored row (without the ordering id). */
export function summaryOfRow({ newest: _, ...summary }: PageRow): PageSummary {
  return summary;
}
