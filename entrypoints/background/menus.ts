import { browser } from 'wxt/browser';
import { langOf, strings } from '@/components/vocabulary/strings';

export const MENU_HIGHLIGHT = 'sourcemark-highlight';
export const MENU_NOTE = 'sourcemark-note';

/** The selection's context-menu items; created on install (menus persist across restarts). */
export function createMenus(): void {
  const t = strings[langOf(browser.i18n.getUILanguage())];
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_HIGHLIGHT, title: `Sourcemark: ${t.highlight}`, contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_NOTE, title: `Sourcemark: ${t.note}`, contexts: ['selection'] });
  });
}
