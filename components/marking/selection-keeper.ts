/**
 * Keeps the reader's selection across marking. Wrapping a Text node moves it into the new
 * element, and the DOM's mutation rules then pull every selection boundary inside it out to the
 * parent: a passage the reader had selected while the claims were on their way would collapse or
 * shrink under them. Marking changes no text, only the elements around it, so a boundary inside
 * `root` is remembered as the number of characters of `root`'s Text nodes before it, and put back
 * at the same character afterwards.
 *
 * Asking for the selection at all costs a layout in Chromium (every Selection accessor brings
 * layout up to date first, 30 ms on a long page just changed), so it is asked only once the reader
 * has interacted with the page (`navigator.userActivation`: a key, a click or the press that starts
 * a drag), as any selection of theirs needs; a selection a page script makes is not theirs.
 *
 * DOM only: `root`, its `ownerDocument` and that document's window.
 */

const TEXT_NODE = 3;
const SHOW_TEXT = 4;

/** A selection boundary: a node and offset outside `root` (left as it is), or a character offset in it. */
type Boundary = { node: Node; offset: number } | { chars: number };

/** Runs `change` (which may wrap Text nodes of `root`, changing no text) and puts the selection back. */
export function keepingSelection<T>(root: Element, change: () => T): T {
  const doc = root.ownerDocument;
  // Undefined where the DOM has none (jsdom, browsers before it): then the selection is asked.
  const activation = doc.defaultView?.navigator.userActivation as UserActivation | undefined;
  if (activation && !activation.hasBeenActive) return change();
  const selection = doc.getSelection();
  // A selection inside a text field lives in the field, which marking never enters.
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || isTextField(doc.activeElement)) return change();
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  if (!anchorNode || !focusNode || (!root.contains(anchorNode) && !root.contains(focusNode))) return change();
  const anchor = boundaryOf(root, anchorNode, anchorOffset);
  const focus = boundaryOf(root, focusNode, focusOffset);
  const out = change();
  const a = pointOf(root, anchor, false);
  const f = pointOf(root, focus, true);
  if (a && f && (a.node !== selection.anchorNode || a.offset !== selection.anchorOffset || f.node !== selection.focusNode || f.offset !== selection.focusOffset)) {
    // Direction kept: extending from the anchor as the reader did.
    selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
  }
  return out;
}

function boundaryOf(root: Element, node: Node, offset: number): Boundary {
  if (!root.contains(node)) return { node, offset };
  const before = root.ownerDocument.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  // Range.toString() is the data of the Text nodes it covers, in tree order: exactly the characters
  // before the boundary, which wrapping does not change.
  return { chars: before.toString().length };
}

/**
 * The point `chars` characters into `root`'s text. At the edge between two Text nodes a start is
 * put at the beginning of the later one and an end at the close of the earlier one, so the
 * selection spans the same marks it did.
 */
function pointOf(root: Element, b: Boundary, isEnd: boolean): { node: Node; offset: number } | null {
  if (!('chars' in b)) return b.node.isConnected ? b : null;
  let left = b.chars;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (n.nodeType !== TEXT_NODE) continue;
    if (left < t.length || (left === t.length && isEnd)) return { node: t, offset: left };
    left -= t.length;
    last = t;
  }
  if (last && left === 0) return { node: last, offset: last.length };
  return left === 0 ? { node: root, offset: root.childNodes.length } : null;
}

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const name = el.localName;
  return name === 'input' || name === 'textarea' || (el as HTMLElement).isContentEditable === true;
}
