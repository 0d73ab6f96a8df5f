/**
 * Ranges over page words for DOM tests, by text rather than by node: tests describe a passage the
 * way a reader sees it, whatever Text nodes it is split into.
 */

/** Every Text node under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out.push(n as Text);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return out;
}

/** A Range over the `nth` occurrence of `quote` in the concatenated data of root's Text nodes. */
export function rangeOf(root: Element, quote: string, nth = 0): Range {
  const nodes = textNodes(root);
  const all = nodes.map((t) => t.data).join('');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = all.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`quote not found: ${quote}`);
  const point = (offset: number, after: boolean): [Text, number] => {
    let base = 0;
    for (const t of nodes) {
      const end = base + t.length;
      if (after ? offset <= end && offset > base : offset < end) return [t, offset - base];
      base = end;
    }
    throw new Error('offset out of range');
  };
  const range = root.ownerDocument.createRange();
  range.setStart(...point(at, false));
  range.setEnd(...point(at + quote.length, true));
  return range;
}
