import { normalizeText } from './normalize';
import type { Wording } from './platforms/types';

/**
 * Finds a platform's self-media statement by its text: the smallest elements that each hold one
 * wording, in document order. By text, not class name, because the markup is unknown or differs
 * between desktop and mobile on most platforms, and on normalised text so full-width and
 * half-width copies both match. DOM-only: no extension APIs.
 */

/**
 * The wording this text is, if any. Chinese is compared with every space removed: copies space
 * Chinese out around punctuation, quotes and digits (“36 氪”), and no piece depends on a space.
 */
export function matchWording(text: string, wordings: readonly Wording[]): Wording | null {
  const n = normalizeText(text);
  const lower = n.toLowerCase();
  const unspaced = n.replace(/ /g, '');
  for (const w of wordings) {
    const subject = w.lang === 'en' ? lower : unspaced;
    if (w.pieces.every((p) => (typeof p === 'string' ? subject.includes(p) : p.test(subject)))) return w;
  }
  return null;
}

/**
 * A holder much longer than a statement is not "the statement's element" (it is a footer, or the
 * whole article): marking it would paint unrelated text. Statements run 40–250 characters.
 */
export const MAX_STATEMENT_CHARS = 400;

export function findStatementElements(root: ParentNode & Node, wordings: readonly Wording[]): Element[] {
  if (wordings.length === 0) return [];
  const doc = root.ownerDocument ?? (root as Document);
  const triggers = wordings.map((w) => ({ piece: w.pieces[0], lower: w.lang === 'en' }));
  const found: Element[] = [];
  for (const node of textNodesWithTrigger(doc, root, triggers)) {
    // Climb until the ancestor holds every piece: the statement may be split by inline markup.
    for (let el = node.parentElement; el && el !== doc.documentElement; el = el.parentElement) {
      const text = el.textContent ?? '';
      if (text.length > MAX_STATEMENT_CHARS * 4) break;
      if (matchWording(text, wordings)) {
        if (normalizeText(text).length <= MAX_STATEMENT_CHARS && !found.includes(el)) found.push(el);
        break;
      }
    }
  }
  // If both languages sit in one element, and each also in a child, keep the children only.
  return found.filter((el) => !found.some((other) => other !== el && el.contains(other)));
}

interface Trigger {
  piece: string;
  /** Looked for in the lower-cased text (English wordings; their pieces are lower-case ASCII). */
  lower: boolean;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The Text nodes under `root` holding a trigger, in document order. Walking every Text node of a
 * portal's page from script was most of recognition's cost (thousands of nodes, each crossing
 * into the DOM); the browser's XPath engine finds the few that matter in native code. DOMs with
 * no XPath (happy-dom) get the same answer from a TreeWalker.
 */
function textNodesWithTrigger(doc: Document, root: Node, triggers: readonly Trigger[]): Node[] {
  if (typeof doc.evaluate === 'function') {
    const tests = triggers.map((t) =>
      t.lower ? `contains(translate(., '${UPPER}', '${UPPER.toLowerCase()}'), ${xpathString(t.piece)})` : `contains(., ${xpathString(t.piece)})`,
    );
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
