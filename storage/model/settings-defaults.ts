import type { Settings } from './settings';

/**
 * What a reader who never opened the options page gets. Apart from the zod schemas so the
 * content script, which falls back to these when the background cannot answer, does not bundle zod.
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  claimsEnabled: true,
  bannerEnabled: true,
  defaultColor: 'yellow',
  language: 'auto',
});
