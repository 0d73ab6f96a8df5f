import type { PageOutline, PageStatus } from './protocol';

/*
 * What the popup and the side panel show for a page of a granted site where only the loader runs
 * (entrypoints/granted-loader, which listens for nothing: ./ask-page.ts answers for it):
 * Sourcemark runs here and nothing of it needed to load, as the page has no saved annotation (the
 * background would have injected the content script). The same shapes the content script answers
 * with, so "This page" and the side panel show the page as they would with the content script.
 */

/** The answer to `content.status`: settled, nothing found. */
export function idleStatus(url: string, pageKey: string): PageStatus {
  return {
    url,
    pageKey,
    kind: 'unknown',
    platform: null,
    page: null,
    account: null,
    claims: { vague: 0, certainty: 0, statistic: 0 },
    highlights: 0,
    orphans: [],
    ready: true,
    revision: 0,
  };
}

/** The answer to `content.outline` (the side panel): no claims, no orphans. */
export function idleOutline(url: string, pageKey: string, title: string): PageOutline {
  return {
    url,
    pageKey,
    title: title.slice(0, 2000),
    platform: null,
    product: null,
    account: null,
    statement: null,
    claims: [],
    orphans: [],
    ready: true,
    revision: 0,
  };
}
