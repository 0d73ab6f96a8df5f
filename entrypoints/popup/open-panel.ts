import { browser } from 'wxt/browser';

/** The two browsers' panel APIs, as far as this file uses them (neither is in the polyfill's types). */
interface PanelApis {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the side panel next to the tab: Chrome's sidePanel, Firefox's sidebar. Must run inside
 * the reader's click (both browsers require a user gesture), so nothing is awaited before it.
 */
export function openSidePanel(tabId: number | undefined): Promise<void> {
  const chromeApis = (globalThis as { chrome?: PanelApis }).chrome;
  if (chromeApis?.sidePanel) return chromeApis.sidePanel.open(tabId === undefined ? {} : { tabId });
  const firefox = browser as unknown as PanelApis;
  if (firefox.sidebarAction) return firefox.sidebarAction.open();
  return Promise.reject(new Error('this browser has no side panel'));
}
