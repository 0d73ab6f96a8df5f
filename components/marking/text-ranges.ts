/**
 * The article text as the claim detector reads it: block-level paragraphs joined by "\n", with
 * layout whitespace trimmed, plus a map from offsets in that text back to DOM boundary points, so a
 * detected sentence becomes a `Range` for the highlighter.
 *
 * This is not anchoring's text index (that one keeps every Text node's data verbatim, for matching
 * stored quotes); this one models what a reader sees as paragraphs and sentences.
 *
 * Pure DOM: only the given root and its `ownerDocument` are used.
 */

import { isSkippedElement } from '../vocabulary/skipped-elements';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a paragraph. Everything else (span, b, a, font, our marks) is inline. */
const BLOCKS = new Set([
  'html',
  'body',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'menu',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'blockquote',
  'pre',
  'listing',
  'xmp',
  'plaintext',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'aside',
  'nav',
  'header',
  'footer',
  'main',
  'search',
  'address',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'dialog',
  'center',
  'br',
  'hr',
]);

/** Elements whose whitespace is preserved and whose newlines are line breaks. */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** A DOM boundary point inside a Text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

export interface BlockText {
  /** Paragraphs joined by "\n"; no leading, trailing or repeated "\n", no empty paragraph. */
  readonly text: string;
  /**
   * The DOM point before `text[offset]`. At a "\n" separator (not in the DOM) and at
   * `text.length`, the point after the previous character. Null outside `[0, text.length]`, for
   * empty text, or when the node has since been removed.
   */
  map(offset: number): TextPoint | null;
  /**
   * A Range over `text.slice(start, end)`: from before its first DOM character to after its last,
   * so it never starts at the end of a previous paragraph or ends at the start of the next. Its
   * `toString()` is the slice, except that collapsed whitespace reads as it is in the DOM and a
   * range crossing a "\n" spans whatever lies between the two blocks in the DOM (layout
   * whitespace, skipped script or UI, which the highlighter also skips). The claim detector never
   * crosses a "\n", so ranges that do are allowed rather than refused. Null for bad offsets.
   */
  rangeFor(start: number, end: number): Range | null;
}

/**
 * Builds the paragraph text of `root`. Whitespace follows CSS `white-space: normal`: a run of
 * spaces, tabs and newlines is one space, mapped to the run's first character; paragraph edges are
 * trimmed of those and of NBSP / U+3000 (Chinese first-line indents), which are kept inside a
 * paragraph. In pre-like elements whitespace is kept and "\n" is a paragraph break, like `<br>`.
 *
 * The map survives the highlighter splitting Text nodes after this was built (a claim loop marks
 * one sentence, then asks for the next range): an offset past the end of a node continues into the
 * following Text nodes, which is where `splitText` put the rest. Rebuild after anything else
 * changes the DOM, including removing marks.
 */
export function blockTexts(root: Element): BlockText {
  const b = new Builder();
  let preDepth = 0;
  for (let a: Node | null = root; a; a = a.parentNode) {
    if (a.nodeType === ELEMENT_NODE && PREFORMATTED.has((a as Element).localName)) preDepth++;
  }

  const enter = (el: Element): void => {
    const name = el.localName;
    if (BLOCKS.has(name)) b.paragraphBreak();
    if (PREFORMATTED.has(name)) preDepth++;
  };
  const exit = (el: Element): void => {
    const name = el.localName;
    if (BLOCKS.has(name)) b.paragraphBreak();
    if (PREFORMATTED.has(name)) preDepth--;
  };

  // An explicit walk rather than a TreeWalker: subtrees are skipped whole and enter/exit pairs
  // are needed for blocks and pre.
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      b.addText(node as Text, preDepth > 0);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      // What counts as page text is shared with anchoring and the highlighter.
      if (!isSkippedElement(el)) {
        enter(el);
        if (el.firstChild) {
          node = el.firstChild;
          continue;
        }
        exit(el);
      }
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) exit(node as Element);
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return b.finish(root);
}

function isCollapsible(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

function isEdgeSpace(c: number): boolean {
  return isCollapsible(c) || c === 0xa0 || c === 0x3000;
}

/** A run of characters none of which isEdgeSpace: sticky, from `lastIndex`, which it leaves after the run. */
const CONTENT_RUN = /[^ \t\n\r\f\u00a0\u3000]+/y;

/**
 * Collects the text as runs rather than characters: a run is output text whose characters are
 * consecutive characters of one Text node, so an article of some thousand characters is some
 * hundred runs, not three entries per character (which was most of reading an article's text at
 * load, tests/bench/page-cost.ts). A "\n" separator is a run of its own with no node.
 */
class Builder {
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  /** Per run: where it starts in the output text. Increasing. */
  private readonly runStart: number[] = [];
  /** Per run: index into `nodes`, or -1 for a "\n" separator. */
  private readonly runNode: number[] = [];
  /** Per run: the offset of its first character in its node. */
  private readonly runOffset: number[] = [];
  private length = 0;
  private hasContent = false;
  private needBreak = false;
  /** Whitespace seen since the last content character, emitted only if more content follows. */
  private pending: { node: Text; offset: number; code: number; pre: boolean }[] = [];

  paragraphBreak(): void {
    if (this.hasContent) {
      this.needBreak = true;
      this.hasContent = false;
    }
    this.pending = [];
  }

  addText(node: Text, pre: boolean): void {
    const data = node.data;
    const n = data.length;
    let i = 0;
    while (i < n) {
      const c = data.charCodeAt(i);
      if (pre && c === 0x0a) {
        this.paragraphBreak();
        i++;
        continue;
      }
      if (isEdgeSpace(c)) {
        if (this.hasContent) this.pending.push({ node, offset: i, code: c, pre });
        i++;
        continue;
      }
      // A run of content characters ends at the next whitespace ("\n" included, pre or not). Found
      // by the regular expression engine: a loop over the characters, which the page's first run
      // of this script interprets, was most of reading an article's text.
      CONTENT_RUN.lastIndex = i;
      const j = CONTENT_RUN.test(data) ? CONTENT_RUN.lastIndex : i + 1;
      if (this.needBreak) {
        this.emit('\n', -1, 0);
        this.needBreak = false;
      }
      this.flushPending();
      this.emit(j - i === n ? data : data.slice(i, j), this.indexOf(node), i);
      this.hasContent = true;
      i = j;
    }
  }

  private flushPending(): void {
    let inRun = false;
    for (const p of this.pending) {
      if (!p.pre && isCollapsible(p.code)) {
        if (!inRun) this.emit(' ', this.indexOf(p.node), p.offset);
        inRun = true;
      } else {
        this.emit(String.fromCharCode(p.code), this.indexOf(p.node), p.offset);
        inRun = false;
      }
    }
    this.pending = [];
  }

  /** Nodes are met in document order, pending whitespace's before the content that flushes it. */
  private indexOf(node: Text): number {
    const last = this.nodes.length - 1;
    if (last >= 0 && this.nodes[last] === node) return last;
    this.nodes.push(node);
    return last + 1;
  }

  /** Appends `s`, whose characters are `node`'s from `offset` on (node -1: the separator). */
  private emit(s: string, node: number, offset: number): void {
    const runs = this.runStart.length;
    const prev = runs - 1;
    // Continuing the previous run (a single space between words, say) keeps the runs few.
    const continues = node >= 0 && prev >= 0 && this.runNode[prev] === node && this.runOffset[prev]! + (this.length - this.runStart[prev]!) === offset;
    if (!continues) {
      this.runStart.push(this.length);
      this.runNode.push(node);
      this.runOffset.push(offset);
    }
    this.parts.push(s);
    this.length += s.length;
  }

  finish(root: Element): BlockText {
    const text = this.parts.join('');
    const { nodes, runStart, runNode, runOffset } = this;
    const doc = root.ownerDocument;

    /** The run holding output character `i` (0 <= i < text.length). */
    const runAt = (i: number): number => {
      let lo = 0;
      let hi = runStart.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (runStart[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // Only separators are "\n" in the text: in pre a newline breaks the paragraph, elsewhere it collapses to a space.
    const isSeparator = (i: number): boolean => text.charCodeAt(i) === 0x0a;

    // The point before (after = false) or after (after = true) DOM character `i`.
    const pointAt = (i: number, after: boolean): TextPoint | null => {
      const r = runAt(i);
      return resolve(nodes[runNode[r]!]!, runOffset[r]! + (i - runStart[r]!) + (after ? 1 : 0));
    };

    const map = (offset: number): TextPoint | null => {
      if (!Number.isInteger(offset) || offset < 0 || offset > text.length || text.length === 0) return null;
      if (offset < text.length && !isSeparator(offset)) return pointAt(offset, false);
      // A separator or the end: separators are never first, last or adjacent, so offset - 1 is
      // a DOM character.
      return pointAt(offset - 1, true);
    };

    const rangeFor = (start: number, end: number): Range | null => {
      if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
      if (start < 0 || end > text.length || start > end) return null;
      let first = start;
      let last = end - 1;
      if (first < end && isSeparator(first)) first++;
      if (last >= start && isSeparator(last)) last--;
      let from: TextPoint | null;
      let to: TextPoint | null;
      if (first > last) {
        // Empty, or only a separator: a collapsed range where the slice begins.
        from = to = map(start);
      } else {
        from = pointAt(first, false);
        to = pointAt(last, true);
      }
      if (!from || !to) return null;
      const range = doc.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range;
    };

    return { text, map, rangeFor };
  }
}

/**
 * Follows an offset past the end of a node into the next Text nodes in tree order: when the
 * highlighter splits a node, the rest of its data is the next Text node (wrappers are elements and
 * it never inserts text), so offsets recorded before the split still land on the same character.
 */
function resolve(node: Text, offset: number): TextPoint | null {
  // A node merged back into its left piece (a mark was removed) is detached; its offsets are stale.
  if (!node.parentNode) return null;
  let n: Text = node;
  let o = offset;
  while (o > n.length) {
    o -= n.length;
    const next = nextText(n);
    if (!next) return null;
    n = next;
  }
  return { node: n, offset: o };
}

function nextText(node: Node): Text | null {
  let n: Node | null = node;
  while (n) {
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && !n.nextSibling) n = n.parentNode;
      n = n ? n.nextSibling : null;
    }
    if (n && n.nodeType === TEXT_NODE) return n as Text;
  }
  return null;
}
