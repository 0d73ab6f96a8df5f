import { browser, type Browser } from 'wxt/browser';

/**
 * The tab the popup shows: the active tab of its window, or the one `popup.html?tab=<id>` names
 * (opened as a page of its own, where the active tab would be the popup itself). Apart from
 * tab-actions.ts, which brings the message schemas, so the popup's first script can ask at once.
 */
export async function findTab(tabId?: number): Promise<Browser.tabs.Tab | undefined> {
  return tabId === undefined
    ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
    : browser.tabs.get(tabId).catch(() => undefined);
}
