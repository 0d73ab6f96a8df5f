import { request } from '@/storage/client';

/**
 * The reader's choices the content script needs, kept by the background in the extension's
 * database (the content script cannot open it). A failure falls back to the default: marks on.
 */
export async function loadClaimsEnabled(): Promise<boolean> {
  try {
    const { settings } = await request({ type: 'settings.get' });
    return settings.claimsEnabled;
  } catch {
    return true;
  }
}

export async function saveClaimsEnabled(on: boolean): Promise<void> {
  try {
    await request({ type: 'settings.set', patch: { claimsEnabled: on } });
  } catch {
    // Not remembered this time; the marks still follow the click on this page.
  }
}
