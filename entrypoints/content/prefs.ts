import { request } from '@/storage/messaging/client';
import type { Settings } from '@/storage/model/settings';
import { DEFAULT_SETTINGS } from '@/storage/model/settings-defaults';

/**
 * The reader's settings, kept by the background in the extension's database (the content script
 * cannot open it, and may not change it: the switches live in the popup and options). If the
 * background cannot answer, the page still works with the defaults.
 */
export async function loadSettings(): Promise<Settings> {
  try {
    return (await request({ type: 'settings.get' })).settings;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}
