/**
 * A stored address as a link target: http(s) only, whatever an import, another device or an
 * older release stored, so a click can never run `javascript:` or open a local file.
 */
export function webHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
