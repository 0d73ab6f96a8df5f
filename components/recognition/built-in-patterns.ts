/** The parts of a manifest that name hosts at install. */
export interface InstallHosts {
  content_scripts?: { matches?: string[] }[];
  host_permissions?: string[];
  permissions?: string[];
}

/**
 * The host patterns the manifest itself asks for: its content scripts' matches and its host
 * permissions (MV2: the host patterns among `permissions`), each also as its whole site, since
 * Chrome ignores a host permission's path and lists `https://www.163.com/dy/article/*` as
 * `https://www.163.com/*` (`permissions.getAll()`). The reader did not grant them: the options page
 * does not list them as granted sites, and the background registers no loader for them. Takes
 * the manifest as a value, so it needs no browser API.
 */
export function builtInPatterns(manifest: InstallHosts): Set<string> {
  const patterns = [
    ...(manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []).filter((p) => p.includes('://')),
  ];
  return new Set(patterns.flatMap((p) => [p, p.replace(/^([a-z*]+:\/\/[^/]+)\/.*$/, '$1/*')]));
}
