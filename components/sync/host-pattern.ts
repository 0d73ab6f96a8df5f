/**
 * The host permission pattern for one server: its scheme, host and port, any path
 * (`https://dav.example.com:8443/*`). Sync asks for exactly this, never a whole scheme.
 */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/*`;
}
