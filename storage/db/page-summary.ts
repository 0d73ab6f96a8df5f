import type { Annotation } from '../model/annotation';

/**
 * One page of "All annotations" as the first screen lists it. Here, with no runtime import, so
 * that the popup's first script (./first-screen.ts, no Dexie or zod) can read it from the pages
 * table (./page-row.ts) as the Dexie query (./queries.ts) does.
 */
export interface PageSummary {
  pageKey: string;
  /** From the page's most recently updated annotation: pages get retitled, the latest wins. */
  title: string;
  site: string;
  url: string;
  /** ISO time of the page's most recent change. */
  updated: string;
  count: number;
}

export interface PageList {
  pages: PageSummary[];
  /** There are pages after these. */
  more: boolean;
}

/** A page's summary from its most recently updated annotation and its count. */
export function pageSummary(a: Pick<Annotation, 'pageKey' | 'title' | 'site' | 'url' | 'updated'>, count: number): PageSummary {
  return { pageKey: a.pageKey, title: a.title, site: a.site, url: a.url, updated: a.updated, count };
}
