import type { PageOutline, PageStatus } from '@/storage/messaging/protocol';

/*
 * What a granted site's loader says about its page until the content script starts: Sourcemark
 * runs here, nothing of it is loaded, and (the background having said so) nothing needed to be:
 * the page has no saved annotation. The same shapes the content script answers with, so the
 * popup's "This page" and the side panel show the page as they would with the content script.
 * The page key is the background's answer (it derives it from the sender's address, as the
 * content script does from its own): computing it here would double the loader's size.
 */

/** The answer to `content.status`: settled, nothing found. */
export function loaderStatus(url: string, pageKey: string): PageStatus {
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
export function loaderOutline(url: string, pageKey: string, title: string): PageOutline {
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
