/**
 * The match patterns of the manifest's own content scripts. The browser lists them among the
 * extension's host permissions (`permissions.getAll()`), but the reader did not grant them: the
 * options page does not list them as granted sites, and the background registers no second
 * content script for them. Takes the manifest as a value, so it needs no browser API.
 */
export function builtInPatterns(manifest: { content_scripts?: { matches?: string[] }[] }): Set<string> {
  return new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []));
}
