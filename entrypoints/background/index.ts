import { browser } from 'wxt/browser';
import { SourcemarkDB } from '@/storage/db/db';
import { Writer } from '@/storage/db/writer';
import { injectInto, sendToTab } from '@/storage/messaging/send-to-tab';
import { syncGrantedSites } from './granted-sites';
import { handleMessage } from './handlers';
import { createMenus, MENU_HIGHLIGHT, MENU_NOTE } from './menus';
import { NoteGrants } from './note-grants';
import { broadcast, PageTabs } from './notices';
import { revealAnnotation } from './reveal';
import { classifySender, originOf } from './senders';

export default defineBackground(() => {
  const db = new SourcemarkDB();
  const tabs = new PageTabs();
  const writer = new Writer(db, (notice, target) => void broadcast(tabs, notice, target));
  const grants = new NoteGrants();
  const extension = { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('/')) };
  const deps = {
    db,
    writer,
    grants,
    injectInto,
    reveal: (a: Parameters<typeof revealAnnotation>[0]) => revealAnnotation(a, tabs),
    seen: (tabId: number, key: string) => tabs.seen(tabId, key),
  };
  // Returning the promise is how webextension-polyfill sends an asynchronous answer.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(deps, message, classifySender(sender, extension)),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.forget(tabId);
    grants.dropTab(tabId);
  });

  browser.runtime.onInstalled.addListener(() => createMenus());
  const command = (tabId: number, which: string) => {
    if (which === MENU_HIGHLIGHT || which === 'highlight-selection') void sendToTab(tabId, { type: 'content.highlightSelection' }, { inject: true });
    if (which === MENU_NOTE || which === 'note-selection') void sendToTab(tabId, { type: 'content.noteSelection' }, { inject: true });
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id !== undefined) command(tab.id, String(info.menuItemId));
  });
  browser.commands.onCommand.addListener((name, tab) => {
    if (tab?.id !== undefined) command(tab.id, name);
  });

  void syncGrantedSites();
  browser.permissions.onAdded.addListener(() => void syncGrantedSites());
  browser.permissions.onRemoved.addListener(() => void syncGrantedSites());
});
