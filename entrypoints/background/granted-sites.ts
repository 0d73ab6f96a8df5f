import { browser } from 'wxt/browser';
import { GRANTED_SCRIPT_ID } from '@/storage/messaging/protocol-constants';
import { builtInPatterns } from '@/components/recognition/built-in-patterns';
import { LOADER_JS } from '@/storage/messaging/send-to-tab';


/**
 * Sites the reader granted (optional host permissions, asked at run time from the options page)
 * get Sourcemark automatically, like self-media articles: at load only its loader
 * (entrypoints/granted-loader), which has the content script injected when the page has saved
 * annotations or the reader first selects something, so a page read without either pays next to
 * nothing. Kept in step with the permissions: called at
 * start-up and whenever a permission is added or removed. `notSites` are granted origins that are
 * not for reading: the reader's sync server, whose permission lets sync reach it and nothing else.
 */
export async function syncGrantedSites(notSites: ReadonlySet<string> = new Set()): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  // The manifest's own patterns are listed too; they are covered already. Where a granted site
  // and the manifest both inject, the content script starts once.
  const builtIn = builtInPatterns(browser.runtime.getManifest());
  const granted = origins.filter((o) => !builtIn.has(o) && !notSites.has(o));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  if (granted.length === 0) return [];
  await browser.scripting.registerContentScripts([
    { id: GRANTED_SCRIPT_ID, matches: granted, js: [LOADER_JS], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  return granted;
}
