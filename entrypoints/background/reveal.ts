import { browser } from 'wxt/browser';
import type { Annotation } from '@/storage/model/annotation';
import { isWebUrl } from '@/storage/model/annotation';
import { sendToTab } from '@/storage/messaging/send-to-tab';
import type { PageTabs } from './notices';

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
 * Opens the annotation's page (a tab already showing it, else a new tab at its stored address,
 * which must be a web address) and asks its content script to scroll to the highlight and flash
 * it. Runs in the background, so the popup closing when the tab comes to the front stops nothing.
 */
export async function revealAnnotation(a: Annotation, tabs: PageTabs): Promise<boolean> {
  const [showing] = await tabs.tabsFor([a.pageKey]);
  let tabId = showing;
  if (tabId === undefined) {
    if (!isWebUrl(a.url)) throw new Error(`not a web address: ${a.url.slice(0, 80)}`);
    tabId = (await browser.tabs.create({ url: a.url, active: false })).id;
  }
  if (tabId === undefined) return false;
  await waitForComplete(tabId);
  let shown = false;
  // The content script starts at document_end and anchors after loading: retry for a while.
  for (let attempt = 0; attempt < 20 && !shown; attempt++) {
    try {
      const answer = (await sendToTab(tabId, { type: 'content.reveal', id: a.id })) as { ok?: boolean } | undefined;
      shown = answer?.ok === true;
    } catch {
      // Not loaded yet.
    }
    if (!shown) await sleep(250);
  }
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  // Flash again now that the reader can see it.
  if (shown) await sendToTab(tabId, { type: 'content.reveal', id: a.id }).catch(() => undefined);
  return shown;
}
