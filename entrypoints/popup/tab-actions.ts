import { browser, type Browser } from 'wxt/browser';
import type { ActiveTab } from '@/components/ui/popup/active-tab';
import type { PageStatus } from '@/storage/messaging/protocol';

export type { ActiveTab };
import { askPage } from '@/storage/messaging/ask-page';
import { findTab, mayRun } from './find-tab';

/**
 * What the popup asks of the tab it was opened over. Tolerates tabs without the content script (a
 * new tab page, a site that was never granted): those simply do not answer.
 */

type Tab = Browser.tabs.Tab;

function isStatus(v: unknown): v is PageStatus {
  return typeof v === 'object' && v !== null && typeof (v as PageStatus).pageKey === 'string' && Array.isArray((v as PageStatus).orphans);
}

/**
 * The tab the popup was opened over, and what Sourcemark found in it. `tabId` names another tab:
 * `popup.html?tab=<id>` shows the popup for that tab when it is opened as a page of its own
 * (in a tab or window, where the active tab would be the popup itself).
 */
export async function activeTab(tabId?: number, found: Promise<Tab | undefined> = findTab(tabId)): Promise<ActiveTab> {
  const tab = await found;
  // Without access to the tab its URL is hidden: it may still be a web page.
  if (!tab || !mayRun(tab)) return { kind: 'unsupported', tab: tab ?? null };
  try {
    const status = await askPage(tab.id, 'content.status');
    if (isStatus(status)) return { kind: 'running', tab, status };
  } catch {
    // "Receiving end does not exist": Sourcemark is not running in this tab.
  }
  return { kind: 'not-running', tab };
}
