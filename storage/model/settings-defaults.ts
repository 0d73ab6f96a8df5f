import type { Settings } from './settings';

/** The interface languages; 'auto' follows the browser's. Zod-free, like the defaults. */
export const LANGUAGES = ['auto', 'zh', 'en'] as const;
export type LanguageSetting = (typeof LANGUAGES)[number];

/**
 * What a reader who never opened the options page gets. Apart from the zod schemas so the
 * content script, which falls back to these when the background cannot answer, does not bundle zod.
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  claimsEnabled: true,
  bannerEnabled: true,
  defaultColor: 'yellow',
  language: 'auto',
  weeklyBackup: false,
  ledgerEnabled: true,
});
