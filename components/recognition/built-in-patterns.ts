/**
 * The match patterns of the manifest's own content scripts, each also as its whole site. The
 * manifest asks for exactly these hosts (wxt.config.ts: the article script's URLs, as content
 * script matches and host permissions), and the browser lists them among the extension's host
 * permissions (`permissions.getAll()`), Chrome as whole sites: it ignores a host permission's
 * path, so `https://www.163.com/dy/article/*` is listed as `https://www.163.com/*` too. The
 * reader did not grant them: the options page does not list them as granted sites, and the
 * background registers no loader for them. Takes the manifest as a value, so it needs no browser API.
 */
export function builtInPatterns(manifest: { content_scripts?: { matches?: string[] }[] }): Set<string> {
  const patterns = (manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []);
  return new Set(patterns.flatMap((p) => [p, p.replace(/^([a-z*]+:\/\/[^/]+)\/.*$/, '$1/*')]));
}
