import type { PageOutline, PageStatus } from '@/storage/messaging/protocol';
import { pageKey } from '@/storage/model/page-key';

/*
 * What a granted site's loader says about its page until the content script starts: Sourcemark
 * runs here, nothing of it is loaded, and (the background having been asked) nothing needed to
 * be: the page has no saved annotation. The same shapes the content script answers with, so the
 * popup's "This page" and the side panel show the page as they would with the content script.
 */

/**
 * The answer to `content.status`. `settled`: no request of the loader's is on its way (its first
 * question to the background, or a selection it is asking the content script for); until then
 * `ready` is false, so a check of what is absent waits for the answer.
 */
export function loaderStatus(url: string, settled: boolean): PageStatus {
  return {
    url,
    pageKey: pageKey(url),
    kind: 'unknown',
    platform: null,
    page: null,
    account: null,
    claims: { vague: 0, certainty: 0, statistic: 0 },
    highlights: 0,
    orphans: [],
    ready: settled,
    revision: 0,
  };
}

/** The answer to `content.outline` (the side panel): no claims, no orphans. */
export function loaderOutline(url: string, title: string, settled: boolean): PageOutline {
  return {
    url,
    pageKey: pageKey(url),
    title: title.slice(0, 2000),
    platform: null,
    product: null,
    account: null,
    statement: null,
    claims: [],
    orphans: [],
    ready: settled,
    revision: 0,
  };
}
