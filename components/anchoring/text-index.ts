/**
 * The text model that anchoring works on: the concatenated data of the root's Text nodes, walked
 * once, with maps between text offsets and DOM boundary points, a whitespace-free view for
 * matching, and a q-gram table so that many quotes can be looked up without rescanning the page.
 *
 * Pure: it only uses standard DOM APIs on the nodes it is given (no `window`, no `document`), so
 * it runs the same in the content script, in happy-dom/jsdom tests and in a Node benchmark.
 */

// Which elements hold no page text (script, our own UI hosts…) is shared with the claim text and
// the highlighter, so a quote can only anchor on text that can be painted.
import { isSkippedElement } from '../vocabulary/skipped-elements';

// Numeric node types instead of `Node.TEXT_NODE`: the `Node` global belongs to a window, and this
// module must work on a root from any document (jsdom in Node has no such global).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
// compareDocumentPosition bits.
const FOLLOWING = 4;
const CONTAINED_BY = 16;

/** Whitespace for matching: JS `\s` (which covers NBSP and the ideographic space U+3000) plus ZWSP. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Removes all whitespace. Chinese text has no spaces between words, and the whitespace between
 * paragraphs changes with markup (`<p>` vs `<div><span>`, pretty-printing, NBSP indents), so the
 * most robust comparison ignores whitespace entirely rather than collapsing it.
 */
export function stripSpace(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      if (i > from) out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Gram length of the lookup table; 3 UTF-16 units is selective for CJK and still short enough for
 * the pigeonhole pieces of a 10-character quote (see fuzzy.ts). */
export const GRAM = 3;

/** Whitespace-free view of the text with a map back to raw offsets. */
export interface NormalizedText {
  /** The raw text with every whitespace character removed. */
  readonly text: string;
  /** `toRaw[i]` is the raw offset of `text[i]`; `toRaw[text.length]` is the raw length. */
  readonly toRaw: Int32Array;
  /** `fromRaw[r]` is the number of non-whitespace characters before raw offset `r`. */
  readonly fromRaw: Int32Array;
}

/**
 * Hash chains of every GRAM-long substring of the normalised text, built in O(n) with typed arrays
 * (a Map of arrays would allocate one array per distinct gram). Chains run in ascending offset.
 */
export interface GramTable {
  readonly mask: number;
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly count: Int32Array;
}

/** Hash of the GRAM characters of `s` at `i`, reduced to the table size. */
export function gramHash(s: string, i: number, mask: number): number {
  let h =
    Math.imul(s.charCodeAt(i), 0x9e3779b1) ^
    Math.imul(s.charCodeAt(i + 1), 0x85ebca77) ^
    Math.imul(s.charCodeAt(i + 2), 0xc2b2ae3d);
  h ^= h >>> 15;
  return h & mask;
}

/** A DOM boundary point inside a Text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** Text nodes walked between yields when the index is built in pieces. */
const WALK_PIECE = 500;
/** Characters (or gram positions) handled between yields when the index is built in pieces. */
const TEXT_PIECE = 10_000;

/** The indexed Text nodes of a root and their data, in document order. */
export interface Walked {
  nodes: Text[];
  parts: string[];
}

/**
 * The walk over `root`'s page text, yielding after every `piece` Text nodes. An explicit walk
 * rather than a TreeWalker with a filter callback: rejecting whole subtrees (script, our UI hosts)
 * is the same, and it avoids a JS callback per node, which dominates on large pages in jsdom and
 * happy-dom.
 */
function* walkSteps(root: Element, piece: number): Generator<void, Walked, undefined> {
  const nodes: Text[] = [];
  const parts: string[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        parts.push(data);
        if (nodes.length % piece === 0) yield;
      }
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild && !isSkippedElement(node as Element)) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return { nodes, parts };
}

/** Runs a generator of this module to its end (the one-shot forms of the stepped builders). */
function runWalk<T>(steps: Generator<void, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export class TextIndex {
  /** Concatenated data of the indexed Text nodes, in document order. */
  readonly text: string;
  private readonly nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`; `starts[nodes.length]` is `text.length`. */
  private readonly starts: Int32Array;
  private readonly position = new Map<Node, number>();
  private normalized: NormalizedText | undefined;
  private grams: GramTable | undefined;

  /**
   * Walks `root` at once, or takes the walk `TextIndex.steps` made in pieces (the same nodes, in
   * the same order, from a DOM that did not change meanwhile: the caller's to ensure).
   */
  constructor(
    readonly root: Element,
    walked: Walked = runWalk(walkSteps(root, Infinity)),
  ) {
    const { nodes, parts } = walked;
    for (let i = 0; i < nodes.length; i++) this.position.set(nodes[i]!, i);
    this.nodes = nodes;
    this.text = parts.join('');
    this.starts = new Int32Array(nodes.length + 1);
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      this.starts[i] = at;
      at += parts[i]!.length;
    }
    this.starts[nodes.length] = at;
  }

  /**
   * The index built in pieces (anchoring/slices.ts): the page walk yields every WALK_PIECE nodes.
   * The DOM must not change between pieces; anchoring/index-cache.ts watches it and starts over.
   */
  static *steps(root: Element): Generator<void, TextIndex, undefined> {
    const walked = yield* walkSteps(root, WALK_PIECE);
    return new TextIndex(root, walked);
  }

  /** Whitespace-free view, built on first use: the position fast path never needs it. */
  norm(): NormalizedText {
    return this.normalized ?? runWalk(this.normSteps(Infinity));
  }

  /** Whether the whitespace-free view has been built. */
  hasNorm(): boolean {
    return this.normalized !== undefined;
  }

  /** `norm()` in pieces of `piece` characters, yielding between them (anchoring/slices.ts). */
  *normSteps(piece = TEXT_PIECE): Generator<void, NormalizedText, undefined> {
    if (this.normalized) return this.normalized;
    const raw = this.text;
    const toRaw = new Int32Array(raw.length + 1);
    const fromRaw = new Int32Array(raw.length + 1);
    let n = 0;
    const chunks: string[] = [];
    let from = 0;
    for (let r = 0; r < raw.length; r++) {
      if (r > 0 && r % piece === 0) yield;
      fromRaw[r] = n;
      if (isSpace(raw.charCodeAt(r))) {
        if (r > from) chunks.push(raw.slice(from, r));
        from = r + 1;
      } else {
        toRaw[n++] = r;
      }
    }
    if (raw.length > from) chunks.push(raw.slice(from));
    fromRaw[raw.length] = n;
    toRaw[n] = raw.length;
    // Another caller may have built it while this one was paused: keep the first, both are equal.
    this.normalized ??= { text: chunks.join(''), toRaw: toRaw.subarray(0, n + 1), fromRaw };
    return this.normalized;
  }

  /** Whether the q-gram table has been built (exact search then prefers it over `indexOf`). */
  hasGrams(): boolean {
    return this.grams !== undefined;
  }

  gramTable(): GramTable {
    return this.grams ?? runWalk(this.gramSteps(Infinity));
  }

  /** `gramTable()` in pieces of `piece` positions, yielding between them (anchoring/slices.ts). */
  *gramSteps(piece = TEXT_PIECE): Generator<void, GramTable, undefined> {
    if (this.grams) return this.grams;
    const s = yield* this.normSteps(piece);
    let size = 1024;
    while (size < s.text.length * 2) size *= 2;
    const mask = size - 1;
    const head = new Int32Array(size).fill(-1);
    const count = new Int32Array(size);
    const next = new Int32Array(Math.max(0, s.text.length - GRAM + 1));
    const text = s.text;
    for (let i = text.length - GRAM, done = 0; i >= 0; i--, done++) {
      if (done > 0 && done % piece === 0) yield;
      const h = gramHash(text, i, mask);
      next[i] = head[h]!;
      head[h] = i;
      count[h]!++;
    }
    this.grams ??= { mask, head, next, count };
    return this.grams;
  }

  /**
   * Every offset where `needle` occurs in the normalised text, ascending. With the gram table it
   * walks the chain of the needle's rarest gram, so a quote costs about its number of occurrences
   * instead of a scan of the whole page.
   */
  findAll(needle: string, limit = Infinity): number[] {
    const s = this.norm().text;
    const out: number[] = [];
    if (needle.length === 0) return out;
    if (needle.length < GRAM || !this.grams) {
      for (let at = s.indexOf(needle); at >= 0 && out.length < limit; at = s.indexOf(needle, at + 1)) {
        out.push(at);
      }
      return out;
    }
    const { mask, head, next, count } = this.grams;
    let bestGram = 0;
    let bestHash = gramHash(needle, 0, mask);
    for (let g = 1; g + GRAM <= needle.length; g++) {
      const h = gramHash(needle, g, mask);
      if (count[h]! < count[bestHash]!) {
        bestHash = h;
        bestGram = g;
      }
    }
    for (let p = head[bestHash]!; p >= 0 && out.length < limit; p = next[p]!) {
      const at = p - bestGram;
      if (at >= 0 && s.startsWith(needle, at)) out.push(at);
    }
    return out;
  }

  /** Raw offset of a DOM boundary point; points outside the root clamp to 0 or `text.length`. */
  offsetOf(container: Node, offset: number): number {
    if (container.nodeType === TEXT_NODE) {
      const i = this.position.get(container);
      if (i !== undefined) return this.starts[i]! + Math.min(offset, this.starts[i + 1]! - this.starts[i]!);
      // A Text node we do not index (empty, or inside a script or our UI): its characters do not
      // count, so the point sits where the next indexed text begins.
      return this.firstAtOrAfter(container, false);
    }
    const child = container.childNodes[offset];
    return child ? this.firstAtOrAfter(child, false) : this.firstAtOrAfter(container, true);
  }

  /**
   * Offset of the first indexed Text node at or after `ref` (or, with `afterEnd`, after the end of
   * `ref`'s subtree). Binary search is valid because `nodes` is in document order.
   */
  private firstAtOrAfter(ref: Node, afterEnd: boolean): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const n = this.nodes[mid]!;
      let atOrAfter: boolean;
      if (n === ref) atOrAfter = !afterEnd;
      else {
        const pos = ref.compareDocumentPosition(n);
        atOrAfter = (pos & FOLLOWING) !== 0 && !(afterEnd && (pos & CONTAINED_BY) !== 0);
      }
      if (atOrAfter) hi = mid;
      else lo = mid + 1;
    }
    return this.starts[lo]!;
  }

  /**
   * The Text node and offset for a raw offset. A start point prefers the beginning of the next node
   * over the end of the previous one (and an end point the reverse), so ranges never begin or end
   * on an empty stretch of a neighbouring node, which would make highlights wrap nothing.
   */
  pointAt(offset: number, edge: 'start' | 'end'): TextPoint | null {
    const n = this.nodes.length;
    if (n === 0) return null;
    // First i whose end is > offset (start) or >= offset (end).
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const end = this.starts[mid + 1]!;
      if (edge === 'start' ? end > offset : end >= offset) hi = mid;
      else lo = mid + 1;
    }
    const node = this.nodes[lo]!;
    return { node, offset: Math.max(0, Math.min(offset - this.starts[lo]!, node.data.length)) };
  }

  /** A Range over raw offsets [start, end), created with the root's own document. */
  rangeOf(start: number, end: number): Range | null {
    const s = this.pointAt(start, 'start');
    const e = this.pointAt(end, 'end');
    const doc = this.root.ownerDocument;
    if (!s || !e || !doc) return null;
    const range = doc.createRange();
    range.setStart(s.node, s.offset);
    range.setEnd(e.node, e.offset);
    return range;
  }
}
