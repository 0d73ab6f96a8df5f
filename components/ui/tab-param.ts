/**
 * `?tab=<id>` in an extension page's address: the tab the popup or side panel shows when it is
 * opened as a page of its own (in a tab, where the active tab would be the page itself). It names
 * what to show, never an action.
 */
export function tabFromLocation(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}
