/**
 * Finding the few Text nodes of a page that hold a given string, for the statement search and the
 * deletion-notice check, both at load on every article page. One TreeWalker pass testing each
 * node's text with one regular expression per kind of trigger, after a test of the root's whole
 * text that most pages without a trigger stop at. The browser's XPath engine was tried for this
 * and was the slower by far in Chromium 156 (`contains()` copies every node's text for every
 * test): on the 网易号 seed 1.6–2.4 ms for the statement and 2–4 ms for the five deletion words,
 * against 0.3–0.7 and 0.2–0.3 ms for the walk (tests/bench/page-cost.ts measures the whole
 * page). DOM-only.
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
