/**
 * Finding the few Text nodes of a page that hold a given string. Walking every Text node of a
 * portal's page from script was most of recognition's cost (thousands of nodes, each crossing
 * into the DOM); the browser's XPath engine finds the few that matter in native code. DOMs with
 * no XPath (happy-dom) get the same answer from a TreeWalker. DOM-only.
 */

export interface Trigger {
  piece: string;
  /** Looked for in the lower-cased text (English wordings; their pieces are lower-case ASCII). */
  lower: boolean;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The Text nodes under `root` holding one of `triggers`, in document order. */
export function textNodesWith(doc: Document, root: Node, triggers: readonly Trigger[]): Node[] {
  if (triggers.length === 0) return [];
  if (typeof doc.evaluate === 'function') {
    const tests = triggers.map((t) => (t.lower ? lowerTest(t.piece) : `contains(., ${xpathString(t.piece)})`));
    try {
      const result = doc.evaluate(`.//text()[${tests.join(' or ')}]`, root, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
      const nodes: Node[] = [];
      for (let i = 0; i < result.snapshotLength; i++) nodes.push(result.snapshotItem(i)!);
      return nodes;
    } catch {
      // fall through to the walk
    }
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.nodeValue ?? '';
    if (triggers.some((t) => (t.lower ? asciiLower(data) : data).includes(t.piece))) nodes.push(node);
  }
  return nodes;
}

/**
 * XPath for "the node's text, A–Z lower-cased, holds `piece`". translate() copies every node's
 * text, which most of a Chinese page's nodes need not pay: a node without the piece's first
 * letter in either case cannot hold it, and XPath's `and` does not evaluate its right side then.
 */
function lowerTest(piece: string): string {
  const test = `contains(translate(., '${UPPER}', '${UPPER.toLowerCase()}'), ${xpathString(piece)})`;
  const first = piece.charAt(0);
  if (!/[a-z]/.test(first)) return test;
  return `((contains(., '${first}') or contains(., '${first.toUpperCase()}')) and ${test})`;
}

/** Lower-cases A–Z only, as XPath's translate() above does. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** `s` as an XPath 1.0 string literal, which has no escapes: quoted with the quote it lacks, or concatenated. */
function xpathString(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  return `concat(${s
    .split("'")
    .map((part) => `'${part}'`)
    .join(`, "'", `)})`;
}
