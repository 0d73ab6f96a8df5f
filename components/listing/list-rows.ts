import type { PageSummary } from '@/storage/db/queries';
import { newestFirst, type DigestRow, type Listed } from '@/storage/db/digest';
import { groupByPage } from '@/storage/model/group-by-page';
import { pageKeyOf, type ListRow, type PageLists } from './page-rows';

export { pageRows, type ListRow, type PageHead, type PageLists } from './page-rows';

/**
 * The popup's list as one flat sequence of rows, page headings and the annotations under them,
 * so that a windowed list can render only the rows in view. Pure: no browser API.
 */

/** Everything "All annotations" lists: pages newest first, each page's annotations in page order. */
export interface Library {
  pages: PageSummary[];
  byPage: PageLists;
  /** How many annotations in all. */
  size: number;
}

/** Reading order on a page, as queries.ts byPageOrder orders whole records: by position (none
 * last), then by creation, then by id. */
export function byListedOrder(a: Listed, b: Listed): number {
  return (
    (a.start ?? Number.POSITIVE_INFINITY) - (b.start ?? Number.POSITIVE_INFINITY) ||
    Date.parse(a.created) - Date.parse(b.created) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Groups rows into pages (as pagesNewestFirst and annotationsForPage would list them): what the
 * digest's library (digest-library.ts) lists, written plainly, for tests to hold it to. */
export function groupLibrary(all: readonly DigestRow[]): Library & { byPage: ReadonlyMap<string, readonly DigestRow[]> } {
  const byPage = groupByPage(all);
  const latest = [...byPage.values()].map((list) => list.reduce((l, a) => (newestFirst(a, l) < 0 ? a : l)));
  for (const list of byPage.values()) list.sort(byListedOrder);
  const pages = latest.sort(newestFirst).map((a) => ({
    pageKey: a.pageKey,
    title: a.title,
    site: a.site,
    url: a.url,
    updated: a.updated,
    count: byPage.get(a.pageKey)!.length,
  }));
  return { pages, byPage, size: all.length };
}

/**
 * Search results under their pages: pages in the order of their newest match, matches newest
 * first under each (`found` comes newest first), every page open. A page closed by the reader
 * keeps its heading only.
 */
export function resultRows(found: readonly Listed[], closed: ReadonlySet<string> = new Set()): ListRow[] {
  const groups = groupByPage(found);
  const rows: ListRow[] = [];
  for (const [pageKey, items] of groups) {
    const first = items[0]!;
    const open = !closed.has(pageKey);
    const page = { pageKey, title: first.title, site: first.site, url: first.url, updated: first.updated };
    rows.push({ kind: 'page', key: pageKeyOf(pageKey), page, open });
    if (open) for (const annotation of items) rows.push({ kind: 'item', key: annotation.id, pageKey, annotation });
  }
  return rows;
}

/** Index of the heading row of the page that row `i` belongs to. */
export function headingOf(rows: readonly ListRow[], i: number): number {
  let h = i;
  while (h > 0 && rows[h]!.kind !== 'page') h--;
  return h;
}
