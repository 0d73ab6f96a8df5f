import { browser, type Browser } from 'wxt/browser';
import type { Annotation } from '@/storage/model/annotation';
import { ContentRequestSchema, type ContentRequest, type PageStatus } from '@/storage/messaging/content-messages';

/**
 * What the popup and the options page ask of tabs. Every call tolerates tabs without the content
 * script (a new tab page, a site that was never granted): those simply do not answer.
 */

type Tab = Browser.tabs.Tab;

async function sendToTab(tabId: number, message: ContentRequest): Promise<unknown> {
  // The content script's guard only mirrors the schema: what is sent is checked against it here.
  return browser.tabs.sendMessage(tabId, ContentRequestSchema.parse(message));
}

/** A tab that can hold the content script; its URL is only visible with host access to it. */
function mayRun(tab: Tab): tab is Tab & { id: number } {
  return tab.id !== undefined && (tab.url === undefined || /^https?:/i.test(tab.url));
}

/**
 * The page key the tab's content script uses, or null where none runs. Asked rather than
 * computed from `tab.url`: without the "tabs" permission the URL of most tabs is hidden, and the
 * script's key may come from the page's canonical link, which the URL does not show.
 */
async function keyInTab(tabId: number): Promise<string | null> {
  try {
    const status = await sendToTab(tabId, { type: 'content.status' });
    return isStatus(status) ? status.pageKey : null;
  } catch {
    // "Receiving end does not exist": no content script in that tab.
    return null;
  }
}

/** Open tabs whose content script shows one of these pages (every running one for `null`). */
async function tabsShowing(pageKeys: ReadonlySet<string> | null): Promise<number[]> {
  const tabs = (await browser.tabs.query({})).filter(mayRun);
  const keys = await Promise.all(tabs.map((t) => keyInTab(t.id)));
  return tabs.filter((_, i) => keys[i] !== null && (!pageKeys || pageKeys.has(keys[i]!))).map((t) => t.id);
}

/**
 * Tells the tabs showing these pages to load their annotations again (the popup edited,
 * deleted, restored or imported some). `'all'` reaches every tab running Sourcemark.
 */
export async function notifyPages(pageKeys: Iterable<string> | 'all'): Promise<void> {
  const wanted = pageKeys === 'all' ? null : new Set(pageKeys);
  if (wanted && wanted.size === 0) return;
  const ids = await tabsShowing(wanted);
  await Promise.all(ids.map((id) => sendToTab(id, { type: 'content.reload' }).catch(() => undefined)));
}

export type ActiveTab =
  | { kind: 'unsupported'; tab: Tab | null }
  | { kind: 'not-running'; tab: Tab & { id: number } }
  | { kind: 'running'; tab: Tab & { id: number }; status: PageStatus };

function isStatus(v: unknown): v is PageStatus {
  return typeof v === 'object' && v !== null && typeof (v as PageStatus).pageKey === 'string' && Array.isArray((v as PageStatus).orphans);
}

/**
 * The tab the popup was opened over, and what Sourcemark found in it. `tabId` names another tab:
 * `popup.html?tab=<id>` shows the popup for that tab when it is opened as a page of its own
 * (in a tab or window, where the active tab would be the popup itself).
 */
export async function activeTab(tabId?: number): Promise<ActiveTab> {
  const tab =
    tabId === undefined
      ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
      : await browser.tabs.get(tabId).catch(() => undefined);
  // Without access to the tab its URL is hidden: it may still be a web page.
  if (!tab || !mayRun(tab)) return { kind: 'unsupported', tab: tab ?? null };
  try {
    const status = await sendToTab(tab.id, { type: 'content.status' });
    if (isStatus(status)) return { kind: 'running', tab, status };
  } catch {
    // "Receiving end does not exist": Sourcemark is not running in this tab.
  }
  return { kind: 'not-running', tab };
}

/** `?tab=<id>` in the page's address, if any. */
export function tabFromLocation(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function waitForComplete(tabId: number, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve();
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') done();
    };
    // A slow page still gets its tab shown; the reveal is then simply skipped.
    const timer = setTimeout(done, timeoutMs);
    browser.tabs.onUpdated.addListener(onUpdated);
    void browser.tabs.get(tabId).then(
      (t) => t.status === 'complete' && done(),
      () => done(),
    );
  });
}

/**
 * Opens the annotation's page (an open tab of that page, else a new tab) and asks its content
 * script to scroll to the highlight and flash it. The tab is brought to the front last: that
 * closes a real popup, and with it this script, so everything else must be done by then.
 */
export async function revealAnnotation(a: Annotation): Promise<boolean> {
  const tabs = await browser.tabs.query({});
  let tab: Tab | undefined = tabs.find((t) => t.url === a.url);
  if (!tab) {
    const [showing] = await tabsShowing(new Set([a.pageKey]));
    tab = tabs.find((t) => t.id === showing);
  }
  if (!tab) tab = await browser.tabs.create({ url: a.url, active: false });
  const tabId = tab.id;
  if (tabId === undefined) return false;
  await waitForComplete(tabId);
  let shown = false;
  // The content script starts at document_idle and anchors after loading: retry for a while.
  for (let attempt = 0; attempt < 20 && !shown; attempt++) {
    try {
      const answer = (await sendToTab(tabId, { type: 'content.reveal', id: a.id })) as { ok?: boolean } | undefined;
      shown = answer?.ok === true;
    } catch {
      // Not loaded yet.
    }
    if (!shown) await sleep(250);
  }
  await browser.tabs.update(tabId, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  // Still alive (opened as a tab, not as a popup): flash again now that the reader can see it.
  if (shown) await sendToTab(tabId, { type: 'content.reveal', id: a.id }).catch(() => undefined);
  return shown;
}
