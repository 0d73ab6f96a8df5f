import type { PageChangedNotice } from './protocol';

/**
 * A content script's `page.changed` notice, by shape, without zod (the side panel bundles zod and
 * checks the schema; the background only needs to know not to answer it as a request).
 */
export function isPageNotice(raw: unknown): raw is PageChangedNotice {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'page.changed';
}
