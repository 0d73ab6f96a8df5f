import { ASKED_FLAG } from '@/storage/messaging/protocol-constants';

/**
 * Runs just before the content script wherever the reader asked for Sourcemark: injected on
 * demand, or registered for a site they granted. It tells the content script to start even on a
 * page that is not self-media, where the manifest's automatic injection stays idle.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ASKED_FLAG] = true;
});
