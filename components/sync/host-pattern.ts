/**
 * The sync server's address as a host permission, in one place: the options page asks for it
 * and the background checks it with `permissions.contains` before every request.
 */

/** An http(s) address with a host, or null. */
export function parseHttp(input: string): URL | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return null;
  return url;
}

/**
 * The host permission for one sync server: `https://cloud.example.com/*`, or with the port when
 * the address names one (`http://192.168.1.5:8080/*`), so that granting sync one server on a
 * shared host grants no other port there. Firefox's match patterns take no port (they never match
 * when they have one, MDN "Match patterns", bug 1362809): there `withPort` is false and the
 * pattern covers the host's ports. Null for anything that is not an http(s) address.
 */
export function serverOriginPattern(input: string, opts: { withPort: boolean }): string | null {
  const url = parseHttp(input);
  if (!url) return null;
  // `url.port` is empty for the scheme's default port, and `hostname` keeps IPv6 brackets.
  const port = opts.withPort && url.port ? `:${url.port}` : '';
  return `${url.protocol}//${url.hostname}${port}/*`;
}

/** Whether this browser's match patterns take a port (Firefox's do not). */
export const PATTERNS_TAKE_PORTS = !import.meta.env.FIREFOX;
