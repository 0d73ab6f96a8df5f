import { browser } from 'wxt/browser';
import type { ChangeNotice, ReloadNotice, SettingsNotice } from '@/storage/messaging/protocol';
import { isWebUrl } from '@/storage/model/annotation';
import { pageKey } from '@/storage/model/page-key';
import type { NoticeTarget } from '@/storage/db/writer';
import { sendToTab } from '@/storage/messaging/send-to-tab';

/**
 * Which tab shows which page, and sending notices to them.
 *
 * A content script's page is known whenever it sends a request (it lists its annotations on
 * every load and URL change), so the map is exact for running scripts. The service worker may be
 * stopped and lose it; then a tab's page is computed from its URL, which the background sees for
 * NetEase and granted sites (its host permissions). A tab where Sourcemark was injected once
 * through activeTab and whose URL is hidden hears again once its script next asks for anything.
 */
export class PageTabs {
  private readonly byTab = new Map<number, string>();

  seen(tabId: number, key: string): void {
    this.byTab.set(tabId, key);
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  /** Tabs showing one of these pages (every tab for 'all'). */
  async tabsFor(target: NoticeTarget): Promise<number[]> {
    const tabs = await browser.tabs.query({});
    const wanted = target === 'all' ? null : new Set(target);
    const out: number[] = [];
    for (const t of tabs) {
      if (t.id === undefined) continue;
      // The tab's own address when the background may see it (it is always current); else what
      // its content script last spoke for.
      const key = (t.url && isWebUrl(t.url) ? pageKey(t.url) : undefined) ?? this.byTab.get(t.id);
      if (key !== undefined && (wanted === null || wanted.has(key))) out.push(t.id);
    }
    return out;
  }
}

/**
 * Sends a notice to the tabs showing its pages and to open extension pages; never throws. A tab
 * with nothing to receive it (a granted site's loader listens for nothing) is handed to
 * `unanswered`: a change to its page's annotations may mean it needs the content script now.
 */
export async function broadcast(
  tabs: PageTabs,
  notice: ChangeNotice | ReloadNotice | SettingsNotice,
  target: NoticeTarget,
  unanswered?: (tabId: number) => void,
): Promise<void> {
  const ids = await tabs.tabsFor(target).catch(() => [] as number[]);
  await Promise.all([
    ...ids.map((id) => sendToTab(id, notice, { inject: false }).catch(() => unanswered?.(id))),
    // The popup, options and note frames; with none open the send fails, which is fine.
    browser.runtime.sendMessage(notice).catch(() => undefined),
  ]);
}
