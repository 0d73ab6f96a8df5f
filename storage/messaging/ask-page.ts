import { browser } from 'wxt/browser';
import { patternCovers } from '@/components/recognition/match-pattern';
import { pageKey } from '../model/page-key';
import { idleOutline, idleStatus } from './idle-page';
import { GRANTED_SCRIPT_ID } from './protocol-constants';
import { sendToTab } from './send-to-tab';

/**
 * Whether `url` is on a site the granted sites' loader is registered for (granted by the reader,
 * and not their sync server: entrypoints/background/granted-sites.ts). Read from the registration
 * itself, so it is right in any extension context and after the service worker restarted.
 */
export async function onReadingSite(url: string): Promise<boolean> {
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  return (registered?.matches ?? []).some((pattern) => patternCovers(pattern, url));
}

/**
 * What Sourcemark says of the page in a tab, for the popup's "This page" and the side panel: its
 * content script's answer, or, on a granted site where only the loader runs (it listens for
 * nothing, so a page pays nothing for it until the reader selects), the loader's case: Sourcemark
 * runs here, nothing needed to load. Throws as `sendToTab` does where neither is the case.
 */
export async function askPage(tabId: number, type: 'content.status' | 'content.outline'): Promise<unknown> {
  try {
    const answer = await sendToTab(tabId, { type });
    if (answer !== undefined) return answer;
  } catch (err) {
    const idle = await idleAnswer(tabId, type);
    if (idle === undefined) throw err;
    return idle;
  }
  return idleAnswer(tabId, type);
}

async function idleAnswer(tabId: number, type: 'content.status' | 'content.outline'): Promise<unknown> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url || !(await onReadingSite(tab.url).catch(() => false))) return undefined;
  const key = pageKey(tab.url);
  return type === 'content.status' ? idleStatus(tab.url, key) : idleOutline(tab.url, key, tab.title ?? '');
}
