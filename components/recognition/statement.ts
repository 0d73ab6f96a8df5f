import { normalizeText } from './normalize';
import { textNodesWith } from './text-nodes-with';
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
  for (const node of textNodesWith(doc, root, triggers)) {
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

/**
 * The platform's statement on a page: looked for first in the elements it prints it in (`where`,
 * its registry selectors, each in turn), and in the whole of `root` only when none holds it. A statement
 * the platform also printed elsewhere on the page is then not marked there; the registry names
 * an element only where the evidence shows the statement in it.
 */
export function findPlatformStatement(root: Element, wordings: readonly Wording[], where: readonly string[]): Element[] {
  if (wordings.length === 0) return [];
  for (const selector of where) {
    const found: Element[] = [];
    for (const holder of Array.from(root.querySelectorAll(selector))) {
      for (const el of findStatementElements(holder, wordings)) if (!found.includes(el)) found.push(el);
    }
    if (found.length) return found;
  }
  return findStatementElements(root, wordings);
}
