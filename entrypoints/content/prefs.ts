import { request } from '@/storage/messaging/client';
import type { Settings } from '@/storage/db/settings';
import { DEFAULT_SETTINGS } from '@/storage/model/settings-defaults';

/**
 * The reader's settings, kept by the background in the extension's database (the content script
 * cannot open it). If the background cannot answer, the page still works with the defaults.
 */
export async function loadSettings(): Promise<Settings> {
  try {
    return (await request({ type: 'settings.get' })).settings;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveClaimsEnabled(on: boolean): Promise<void> {
  try {
    await request({ type: 'settings.set', patch: { claimsEnabled: on } });
  } catch {
    // Not remembered this time; the marks still follow the click on this page.
  }
}
