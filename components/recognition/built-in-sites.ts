/**
 * Whether a host-permission pattern is NetEase's, which the manifest's content scripts cover
 * (the main script on every https page of 163.com, the claim detector on 网易号 article URLs). Those
 * are not sites the reader granted: the options page does not list them, and the background does
 * not register a second content script for them.
 */
export function isBuiltInOrigin(pattern: string): boolean {
  const m = /^(?:\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  const host = m[1]!.replace(/^\*\./, '');
  return host === '163.com' || host.endsWith('.163.com');
}
