import type { Listed } from '@/storage/db/digest';
import type { PageSummary } from '@/storage/db/page-summary';

/**
 * The popup's list as one flat sequence of rows: the types, and the rows of the list before a
 * search. Apart from list-rows.ts (which imports the search index's ordering) so that the popup's
 * first script can lay out its first screen with no query code. Pure: no browser API.
 */

export type PageHead = Pick<PageSummary, 'pageKey' | 'title' | 'site' | 'url' | 'updated'> & { count?: number };

export type ListRow =
  | { kind: 'page'; key: string; page: PageHead; open: boolean }
  | { kind: 'item'; key: string; pageKey: string; annotation: Listed };

/** A page heading's row key. */
export const pageKeyOf = (pageKey: string) => `p:${pageKey}`;

/** Each page's annotations in page order, by page key (a Map will do; the digest's library
 * makes a page's rows when it is first asked for them). */
export interface PageLists {
  has(pageKey: string): boolean;
  get(pageKey: string): readonly Listed[] | undefined;
}

/** Headings for `pages`; an open page's annotations follow its heading once they are known. */
export function pageRows(
  pages: readonly PageHead[],
  byPage: PageLists | null,
  open: ReadonlySet<string>,
): ListRow[] {
  const rows: ListRow[] = [];
  for (const page of pages) {
    const isOpen = open.has(page.pageKey);
    rows.push({ kind: 'page', key: pageKeyOf(page.pageKey), page, open: isOpen });
    if (!isOpen) continue;
    for (const annotation of byPage?.get(page.pageKey) ?? []) {
      rows.push({ kind: 'item', key: annotation.id, pageKey: page.pageKey, annotation });
    }
  }
  return rows;
}

