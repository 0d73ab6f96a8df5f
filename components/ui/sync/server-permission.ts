import { browser } from 'wxt/browser';
import { PATTERNS_TAKE_PORTS, serverOriginPattern } from '@/components/sync/host-pattern';

/**
 * Asks the browser for the one host permission sync needs: the reader's server. Call it inside
 * the click, before any await: the browser shows its prompt only during the reader's own gesture.
 * Firefox's match patterns take no port (see serverOriginPattern).
 */
export function askServerPermission(url: string): Promise<boolean> {
  const pattern = serverOriginPattern(url, { withPort: PATTERNS_TAKE_PORTS });
  if (!pattern) return Promise.reject(new Error(`not an http(s) address: ${url}`));
  try {
    return browser.permissions.request({ origins: [pattern] });
  } catch (err) {
    // A pattern the browser refuses throws at once in some browsers: one path for every failure.
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}
