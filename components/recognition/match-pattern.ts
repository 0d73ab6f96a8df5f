/**
 * Whether a host-permission match pattern covers an address, as the browsers match them: the
 * patterns here are the sites the reader granted (`https://news.example.com/*`,
 * `*://*.example.com/*`, `<all_urls>`), which the background registers the loader for. The
 * background uses it where the browser tells it of an address without running any script of
 * ours (a tab finished loading) and must not act outside those sites: the sync server's own
 * permission, for one, is granted but is not a site to read.
 *
 * Patterns that do not parse cover nothing. A port in the pattern (Chrome's) must equal the
 * address's; a pattern without one covers every port, as in both browsers.
 */
export function patternCovers(pattern: string, address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1);
  if (pattern === '<all_urls>') return scheme === 'http' || scheme === 'https';
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\d+|\*))?(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, wantScheme, host, port, path] = parts as unknown as [string, string, string, string | undefined, string];
  if (wantScheme === '*' ? scheme !== 'http' && scheme !== 'https' : wantScheme !== scheme) return false;
  const hostname = url.hostname.toLowerCase();
  const wantHost = host.toLowerCase();
  if (wantHost !== '*') {
    if (wantHost.startsWith('*.')) {
      const base = wantHost.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== wantHost) return false;
  }
  if (port !== undefined && port !== '*' && url.port !== (port === defaultPort(scheme) ? '' : port)) return false;
  return globMatches(path, url.pathname + url.search);
}

function defaultPort(scheme: string): string {
  return scheme === 'https' ? '443' : '80';
}

/** A match pattern's path: `*` matches any run of characters, everything else itself. */
function globMatches(glob: string, text: string): boolean {
  const pieces = glob.split('*');
  if (pieces.length === 1) return glob === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!text.startsWith(first) || text.length < first.length + last.length || !text.endsWith(last)) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > text.length - last.length) return false;
    at = found + piece.length;
  }
  return true;
}
