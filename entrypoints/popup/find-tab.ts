import type { Browser } from 'wxt/browser';

type Tab = Browser.tabs.Tab;

/**
 * The tabs API without webextension-polyfill: the popup's first script must not wait for the
 * polyfill's 10 KB chunk before it can ask. Both browsers' own objects answer with promises here
 * (Chrome's `chrome.tabs` in MV3, Firefox's `browser.tabs`), which is all this file uses.
 */
function tabsApi(): typeof Browser.tabs {
  const g = globalThis as { browser?: { tabs?: typeof Browser.tabs }; chrome?: { tabs?: typeof Browser.tabs } };
  return (g.browser?.tabs ?? g.chrome?.tabs)!;
}

/**
 * The tab the popup shows: the active tab of its window, or the one `popup.html?tab=<id>` names
 * (opened as a page of its own, where the active tab would be the popup itself). Apart from
 * tab-actions.ts, which brings the message schemas, so the popup's first script can ask at once.
 */
export async function findTab(tabId?: number): Promise<Tab | undefined> {
  const tabs = tabsApi();
  return tabId === undefined ? (await tabs.query({ active: true, currentWindow: true }))[0] : tabs.get(tabId).catch(() => undefined);
}

/**
 * A tab that can hold the content script; its URL is only visible with host access to it. Any
 * other tab is "unsupported": the popup opens on "All annotations" there, and on "This page" here.
 */
export function mayRun(tab: Tab): tab is Tab & { id: number } {
  return tab.id !== undefined && (tab.url === undefined || /^https?:/i.test(tab.url));
}
