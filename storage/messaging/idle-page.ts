import type { PageOutline, PageStatus } from './protocol';
import { pageOutline, pageStatus, type PageFacts } from './page-answers';

/*
 * What the popup and the side panel show for a page of a granted site where only the loader runs
 * (entrypoints/granted-loader, which listens for nothing: ./ask-page.ts answers for it):
 * Sourcemark runs here and nothing of it needed to load, as the page has no saved annotation (the
 * background would have injected the content script). The same shapes the content script answers
 * with, so "This page" and the side panel show the page as they would with the content script.
 */

/** Settled, nothing recognised, nothing saved. */
const idle = (url: string, pageKey: string): PageFacts => ({ url, pageKey, page: null, claims: [], ready: true, revision: 0 });

/** The answer to `content.status`: settled, nothing found. */
export function idleStatus(url: string, pageKey: string): PageStatus {
  return pageStatus(idle(url, pageKey), 0, []);
}

/** The answer to `content.outline` (the side panel): no claims, no orphans. */
export function idleOutline(url: string, pageKey: string, title: string): PageOutline {
  return pageOutline(idle(url, pageKey), title, () => null, []);
}
