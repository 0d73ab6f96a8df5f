/** Items grouped by their page, pages in the order first met, items in their given order. Pure. */
export function groupByPage<T extends { pageKey: string }>(items: Iterable<T>): Map<string, T[]> {
  const byPage = new Map<string, T[]>();
  for (const item of items) {
    const list = byPage.get(item.pageKey);
    if (list) list.push(item);
    else byPage.set(item.pageKey, [item]);
  }
  return byPage;
}
