import { browser } from 'wxt/browser';
import { SourcemarkDB } from '@/storage/db/db';
import { Writer } from '@/storage/db/writer';
import { injectArticle, injectInto, injectIntoFrame, sendToTab } from '@/storage/messaging/send-to-tab';
import { FullScriptLoads, sitePattern, type PageSender } from './full-script';
import { syncGrantedSites } from './granted-sites';
import { handleMessage } from './handlers';
import { createMenus, MENU_HIGHLIGHT, MENU_NOTE } from './menus';
import { NoteGrants } from './note-grants';
import { broadcast, PageTabs } from './notices';
import { revealAnnotation } from './reveal';
import { classifySender, originOf } from './senders';
import { SYNC_ALARM, SyncSchedule, WEEKLY_ALARM } from './sync/schedule';
import { SyncService } from './sync/service';
import { weeklyDownloadIfDue } from './sync/weekly-download';
import { isPageNotice } from '@/storage/messaging/page-notice';
import { onReadingSite } from '@/storage/messaging/ask-page';
import { hasAnnotations } from '@/storage/db/queries';
import { pageKey } from '@/storage/model/page-key';
import { atSelfMediaUrl } from '@/components/recognition/self-media-url';
import { clearBadge, showBadge, toolbarButton, type ToolbarButton } from './badge';

export default defineBackground(() => {
  const db = new SourcemarkDB();
  const tabs = new PageTabs();
  // Sync starts a while after the reader changes something; changes merged in from another
  // device are that device's, already on the server, and need no sync of their own.
  let schedule: SyncSchedule | null = null;
  // A page of a granted site with only the loader in it may need the content script for a change.
  const unanswered = (tabId: number) =>
    void browser.tabs
      .get(tabId)
      .then((t) => (t.url ? loads.arrived(tabId, t.url) : false))
      .catch(() => false);
  const writer = new Writer(db, (notice, target) => {
    void broadcast(tabs, notice, target, notice.type === 'settings.changed' ? undefined : unanswered);
    if (notice.type === 'annotations.changed' || notice.type === 'annotations.reload') schedule?.soon();
  });
  const refreshSites = () => void sync.serverPatterns().then(syncGrantedSites);
  const sync = new SyncService(
    db,
    writer,
    () => void browser.runtime.sendMessage({ type: 'sync.changed' }).catch(() => undefined),
    refreshSites,
  );
  schedule = new SyncSchedule(() => {
    void sync.status().then((s) => (s.configured && s.pending > 0 ? sync.run() : null));
  });
  const weekly = () => void weeklyDownloadIfDue(db).catch((err: unknown) => console.warn('Sourcemark: weekly backup failed', err));
  const grants = new NoteGrants();
  const extension = { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('/')) };
  // Typed by hand: the polyfill's types declare both namespaces, each browser has one of them.
  const button = toolbarButton(browser as unknown as { action?: ToolbarButton; browserAction?: ToolbarButton });
  // Granted sites load a small loader; it asks for the content script when the page needs it.
  const loads = new FullScriptLoads({
    // A self-media article URL is covered by the manifest's own host access (its article script
    // runs there); any other site only if the reader granted it.
    granted: async (url) => {
      if (atSelfMediaUrl(url)) return true;
      const pattern = sitePattern(url);
      return pattern !== null && (await browser.permissions.contains({ origins: [pattern] }));
    },
    inject: injectIntoFrame,
    readingSite: (url) => onReadingSite(url).catch(() => false),
    hasSaved: (url) => hasAnnotations(db, pageKey(url)),
    running: (tabId) => sendToTab(tabId, { type: 'content.status' }).then((a) => a !== undefined, () => false),
  });
  const deps = {
    db,
    writer,
    grants,
    injectInto,
    reveal: (a: Parameters<typeof revealAnnotation>[0]) => revealAnnotation(a, tabs),
    seen: (tabId: number, key: string) => tabs.seen(tabId, key),
    sync,
    weeklyTurnedOn: weekly,
    // The root and a relative path: getURL's types know only the pages that exist at build time.
    openPage: async (path: string) => void (await browser.tabs.create({ url: browser.runtime.getURL('/') + path.replace(/^\//, '') })),
    setBadge: button ? (tabId: number, badge: Parameters<typeof showBadge>[2]) => showBadge(button, tabId, badge) : undefined,
    loadFull: (page: PageSender) => loads.load(page),
    loadArticle: injectArticle,
  };
  // Returning the promise is how webextension-polyfill sends an asynchronous answer.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    // A content script's page.changed is for the side panel, not a request: no answer from here.
    isPageNotice(message) ? undefined : handleMessage(deps, message, classifySender(sender, extension)),
  );
  // A tab loading another page shows the plain button until that page's content script counts
  // its claims (badge.ts: Chromium resets per-tab values itself; Firefox is not relied on to).
  // A granted site's page with saved annotations gets the content script as it finishes loading.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') loads.forgetTab(tabId);
    if (change.status === 'complete' && tab.url) void loads.arrived(tabId, tab.url);
    // A single-page site moved to another address (the document stays, the loader with it).
    else if (change.url && tab.status === 'complete') void loads.arrived(tabId, change.url);
    if (change.status === 'loading' && button) void clearBadge(button, tabId).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.forget(tabId);
    loads.forgetTab(tabId);
    grants.dropTab(tabId);
  });

  browser.runtime.onInstalled.addListener(() => createMenus());
  const command = (tabId: number, which: string) => {
    if (which === MENU_HIGHLIGHT || which === 'highlight-selection') void sendToTab(tabId, { type: 'content.highlightSelection' }, { inject: true });
    if (which === MENU_NOTE || which === 'note-selection') void sendToTab(tabId, { type: 'content.noteSelection' }, { inject: true });
    // Only where Sourcemark already runs: a page without claims has nothing to step through.
    if (which === 'next-claim') void sendToTab(tabId, { type: 'content.stepClaim', step: 1 }).catch(() => undefined);
    if (which === 'previous-claim') void sendToTab(tabId, { type: 'content.stepClaim', step: -1 }).catch(() => undefined);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id !== undefined) command(tab.id, String(info.menuItemId));
  });
  browser.commands.onCommand.addListener((name, tab) => {
    if (tab?.id !== undefined) command(tab.id, name);
  });

  void SyncSchedule.start();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.configured().then((on) => (on ? sync.run() : null));
    if (alarm.name === WEEKLY_ALARM) weekly();
  });
  browser.runtime.onStartup.addListener(() => void sync.configured().then((on) => (on ? sync.run() : null)));

  refreshSites();
  browser.permissions.onAdded.addListener(refreshSites);
  browser.permissions.onRemoved.addListener(refreshSites);
});
