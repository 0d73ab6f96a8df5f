/**
 * The marking layer: wraps the text of a DOM `Range` in inline elements and takes them out again.
 *
 * It knows nothing about selectors, storage or claims; anchoring turns those into a Range and the
 * callers decide the attributes. The hard requirement is that removal is exact: after every mark is
 * removed, in any order, the page has the same nodes, the same Text node boundaries and the same
 * data as before, because page scripts and our own anchoring hold references to those nodes.
 *
 * Pure DOM: only the nodes it is given and their `ownerDocument` are used (no `window`/`document`),
 * so it runs unchanged in the content script, happy-dom and jsdom.
 */

import { MARK_TAG } from '../vocabulary/attributes';
import { isSkippedElement } from '../vocabulary/skipped-elements';

// Numeric node types: the `Node` global belongs to one window, and the nodes may come from another.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Wrappers are `sourcemark-mark` unless a caller asks otherwise (see vocabulary/attributes.ts). */
export const DEFAULT_MARK_TAG = MARK_TAG;

/**
 * Parents that may not have an inline child: a wrapper there is invalid structure (tables would
 * move or drop it, lists would gain a non-`li` box). In parsed HTML the text directly inside them
 * is layout whitespace (table text is foster-parented out by the parser); the rare sloppy
 * `<ul>text<li>` stays unmarked rather than producing broken structure. Subtrees with no page
 * text at all (head, select, frames, media…) are skipped before this is asked, by the rule the
 * text models share (vocabulary/skipped-elements.ts).
 */
const NO_INLINE_CHILD = new Set([
  'html',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'colgroup',
  'col',
  'ul',
  'ol',
  'dl',
  'menu',
  'optgroup',
  'option',
  'frameset',
  'picture',
]);

export interface HighlightHandle {
  /** One wrapper per marked Text node (or part of one), in document order. */
  elements: HTMLElement[];
  /** Unwraps the elements and re-joins the Text nodes this mark split. Safe to call twice. */
  remove(): void;
}

export interface HighlightOptions {
  /** Wrapper tag; defaults to `sourcemark-mark`. */
  tag?: string;
  className?: string;
}

/**
 * Text nodes created by `splitText` on behalf of a mark, shared by every handle: the right-hand
 * piece of a split belongs to no single mark, since another mark may split or wrap it again, so
 * whichever removal makes it adjacent to its left-hand piece again re-joins them. Only these nodes
 * are ever merged, so Text nodes that were separate in the page stay separate (unlike
 * `Node.normalize()`). A WeakSet lets merged-away pieces be collected.
 */
const splitPieces = new WeakSet<Text>();

/**
 * Wraps every non-empty Text node (or the part of it) inside `range` in its own element carrying
 * `attrs`. Text that is not page text (vocabulary/skipped-elements.ts: script, form values, media
 * fallbacks, SVG/MathML, Sourcemark UI hosts…), and text directly inside table/list containers, is
 * left alone, so no wrapper ever lands where the text models see no prose or where
 * an inline element is invalid. A collapsed range gives no elements.
 *
 * Splitting and moving nodes moves `range`'s live boundaries by the DOM's mutation rules, so do not
 * reuse it afterwards; `elements` are the marked text. (Resetting it here would cost a tree walk
 * per boundary in DOM emulators for no caller that needs it.)
 */
export function highlightRange(
  range: Range,
  attrs: Record<string, string>,
  opts: HighlightOptions = {},
): HighlightHandle {
  for (const name of Object.keys(attrs)) {
    // An inline handler set from the content script would run in the page's world.
    if (/^on/i.test(name)) throw new Error(`highlightRange: refusing event-handler attribute ${name}`);
  }
  if (range.collapsed) return { elements: [], remove: () => {} };

  const pieces = textPiecesInRange(range);
  // Lower-cased as createElement would in HTML documents; createElementNS keeps case.
  const tag = (opts.tag ?? DEFAULT_MARK_TAG).toLowerCase();
  const elements: HTMLElement[] = [];

  for (const { node, start, end } of pieces) {
    const doc = node.ownerDocument;
    // End first: splitting at `end` leaves `start` valid in the left-hand node.
    if (end < node.length) splitPieces.add(node.splitText(end));
    let target = node;
    if (start > 0) {
      target = node.splitText(start);
      splitPieces.add(target);
    }
    // createElementNS so the wrapper is an HTML element in XHTML pages too.
    const wrapper = doc.createElementNS(HTML_NS, tag) as HTMLElement;
    for (const [name, value] of Object.entries(attrs)) wrapper.setAttribute(name, value);
    if (opts.className) wrapper.setAttribute('class', opts.className);
    target.parentNode!.insertBefore(wrapper, target);
    wrapper.appendChild(target);
    elements.push(wrapper);
  }

  let removed = false;
  return {
    elements,
    remove() {
      if (removed) return;
      removed = true;
      for (const el of elements) unwrap(el);
    },
  };
}

interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

/**
 * The markable Text nodes the range touches, with the offsets of the part inside it. Collected in
 * full before any splitting, so the walk never sees nodes that the marking itself creates and the
 * range's live boundaries (which the splits move) are read only once.
 */
function textPiecesInRange(range: Range): TextPiece[] {
  const sc = range.startContainer;
  const so = range.startOffset;
  const ec = range.endContainer;
  const eo = range.endOffset;

  // The walk covers [first, stop) in tree order; `stop === null` means "to the end of the tree".
  let first: Node | null = isCharacterData(sc) ? sc : (sc.childNodes[so] ?? nextSkippingChildren(sc));
  const stop: Node | null = isCharacterData(ec)
    ? nextSkippingChildren(ec)
    : (ec.childNodes[eo] ?? nextSkippingChildren(ec));

  // A range that starts inside skipped content (script text, our own UI) resumes after it.
  for (let a = first?.parentNode ?? null; a && first; a = a.parentNode) {
    if (a.nodeType === ELEMENT_NODE && isSkippedElement(a as Element)) {
      if (stop && a.contains(stop)) return [];
      first = nextSkippingChildren(a);
    }
  }

  const pieces: TextPiece[] = [];
  let node = first;
  while (node && node !== stop) {
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      const start = text === sc ? so : 0;
      const end = text === ec ? eo : text.length;
      if (start < end && canWrapIn(text.parentNode)) pieces.push({ node: text, start, end });
      if (text === ec) break;
    } else if (node.nodeType === ELEMENT_NODE && isSkippedElement(node as Element)) {
      // The range ends inside content we skip: nothing after it is in range.
      if (stop && node.contains(stop)) break;
      node = nextSkippingChildren(node);
      continue;
    }
    node = nextInTree(node);
  }
  return pieces;
}

function canWrapIn(parent: Node | null): boolean {
  if (!parent || parent.nodeType !== ELEMENT_NODE) return false;
  const el = parent as Element;
  // An HTML element inside SVG or MathML text is not rendered.
  if (el.namespaceURI !== HTML_NS) return false;
  return !NO_INLINE_CHILD.has(el.localName);
}

function isCharacterData(node: Node): boolean {
  const t = node.nodeType;
  return t === TEXT_NODE || t === CDATA_SECTION_NODE || t === COMMENT_NODE || t === PROCESSING_INSTRUCTION_NODE;
}

function nextInTree(node: Node): Node | null {
  return node.firstChild ?? nextSkippingChildren(node);
}

function nextSkippingChildren(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/**
 * Moves the wrapper's children back into its place and re-joins split pieces that are adjacent
 * again. Only the two seams the wrapper occupied can have become adjacent: its first child with
 * the node before it, and the node after it with its last child. Inside the wrapper, pieces were
 * already siblings, and any seam between them was closed when it opened up.
 */
function unwrap(wrapper: HTMLElement): void {
  const parent = wrapper.parentNode;
  if (!parent) return; // already detached, e.g. the page replaced the paragraph
  const firstChild = wrapper.firstChild;
  while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
  const after = wrapper.nextSibling;
  parent.removeChild(wrapper);
  if (firstChild) joinWithPrevious(firstChild);
  if (after) joinWithPrevious(after);
}

/**
 * A split piece whose previous sibling is a Text node is next to the piece it was split from:
 * the marking only ever puts element boundaries between pieces and never inserts text, so once no
 * wrapper separates them, the previous text sibling is the left-hand piece. Appending to the left
 * piece keeps the original node (which the page may hold) as the survivor.
 */
function joinWithPrevious(node: Node): void {
  if (node.nodeType !== TEXT_NODE || !splitPieces.has(node as Text)) return;
  const prev = node.previousSibling;
  if (!prev || prev.nodeType !== TEXT_NODE) return;
  (prev as Text).appendData((node as Text).data);
  splitPieces.delete(node as Text);
  node.parentNode!.removeChild(node);
}
