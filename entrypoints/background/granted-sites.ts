import { browser } from 'wxt/browser';
import { isBuiltInOrigin } from '@/components/recognition/built-in-sites';
import { CONTENT_CSS, CONTENT_JS } from '@/storage/messaging/send-to-tab';

const SCRIPT_ID = 'sourcemark-granted-sites';

/**
 * Sites the reader granted (optional host permissions, asked at run time from the options page)
 * get Sourcemark automatically, like NetEase pages. Kept in step with the permissions: called at
 * start-up and whenever a permission is added or removed.
 */
export async function syncGrantedSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  // NetEase is always on through the manifest's content script; don't inject twice.
  const granted = origins.filter((o) => !isBuiltInOrigin(o));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return [];
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: granted, js: [CONTENT_JS], css: [CONTENT_CSS], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  return granted;
}
