import { browser } from 'wxt/browser';
import { ARTICLE_MODULE } from '@/components/page-script/article-module';
import { ContentRequestSchema, type ContentRequest } from './protocol';

/** The built content script and its page CSS, as WXT names them in the output. */
export const CONTENT_JS = '/content-script.js';
export const CONTENT_CSS = '/assets/content-script.css';
/** Runs first wherever the reader asked for Sourcemark (entrypoints/reader-asked.ts). */
export const ASKED_JS = '/reader-asked.js';
/**
 * What sites the reader granted get at load instead of the content script: a few hundred bytes
 * that ask for the rest when the page needs it (entrypoints/granted-loader).
 */
export const LOADER_JS = '/granted-loader.js';

/**
 * Runs Sourcemark in a tab on demand (the popup's button, the shortcut or the context menu on a
 * site that is not granted). `activeTab` grants this for the tab the reader acted in; the script
 * itself ignores a second start.
 */
export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS] });
  await browser.scripting.executeScript({ target: { tabId }, files: [ASKED_JS, CONTENT_JS] });
}

/**
 * Runs Sourcemark in one frame of a tab: a granted site's loader asked (entrypoints/background/
 * full-script.ts). In Chrome aimed at the sender's document itself, so a page the tab moved on to
 * meanwhile gets nothing; Firefox's scripting API names frames only.
 */
export async function injectIntoFrame({ tabId, frameId, documentId }: { tabId: number; frameId: number; documentId?: string }): Promise<void> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
  await browser.scripting.insertCSS({ target, files: [CONTENT_CSS] });
  await browser.scripting.executeScript({ target, files: [ASKED_JS, CONTENT_JS] });
}

/**
 * Runs the article script in one document as an ordinary content script: where Chrome's article
 * loader could not import it as a module (entrypoints/article-loader.ts). Its CSS is the manifest's,
 * already on the page.
 */
export async function injectArticle({ tabId, documentId }: { tabId: number; documentId?: string }): Promise<void> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  await browser.scripting.executeScript({ target, files: [`/${ARTICLE_MODULE}`] });
}

/**
 * Sends a request to a tab's content script (top frame only). With `inject`, a tab that has no
 * content script yet gets one first (commands the reader gave in that tab). What is sent is
 * checked against the schema here, the one full check: the content script only checks the shape of
 * the fields it uses (only extension contexts can message it; ./content-request-guard.ts).
 */
export async function sendToTab(tabId: number, request: ContentRequest, opts: { inject?: boolean } = {}): Promise<unknown> {
  const message = ContentRequestSchema.parse(request);
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch (err) {
    if (!opts.inject) throw err;
  }
  // The content script answers every request; no answer is a granted site's loader, which
  // leaves commands to the script it has not loaded yet (the polyfill turns Chrome's "port
  // closed" into undefined, as Firefox answers).
  if (answer !== undefined || !opts.inject) return answer;
  await injectInto(tabId);
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}
