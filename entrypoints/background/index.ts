import { browser } from 'wxt/browser';
import { AnnotationStore } from '@/storage/db/annotation-store';
import { SourcemarkDB } from '@/storage/db/db';
import { SettingsStore } from '@/storage/db/settings';
import { syncGrantedSites } from './granted-sites';
import { handleMessage } from './handlers';
import { injectInto, sendToTab } from './inject';
import { createMenus, MENU_HIGHLIGHT, MENU_NOTE } from './menus';

export default defineBackground(() => {
  const db = new SourcemarkDB();
  const store = new AnnotationStore(db);
  const settings = new SettingsStore(db);
  // Returning the promise is how webextension-polyfill sends an asynchronous answer.
  browser.runtime.onMessage.addListener((message: unknown) =>
    handleMessage({ store, injectInto, settings }, message),
  );

  browser.runtime.onInstalled.addListener(() => createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_HIGHLIGHT) void sendToTab(tab.id, { type: 'content.highlightSelection' });
    if (info.menuItemId === MENU_NOTE) void sendToTab(tab.id, { type: 'content.noteSelection' });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === 'highlight-selection') void sendToTab(tab.id, { type: 'content.highlightSelection' });
    if (command === 'note-selection') void sendToTab(tab.id, { type: 'content.noteSelection' });
  });

  void syncGrantedSites();
  browser.permissions.onAdded.addListener(() => void syncGrantedSites());
  browser.permissions.onRemoved.addListener(() => void syncGrantedSites());
});
