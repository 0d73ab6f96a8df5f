/**
 * How a search reads text, apart from queries.ts (Dexie's queries, zod's schemas through the
 * model) so that the popup's first script can search the digest with nothing else loaded.
 */

/**
 * Folds what a reader does not distinguish when searching: case (Latin, Greek, Cyrillic) and
 * width (ＡＢＣ, full-width ，：？ on pages that mix them with ASCII). CJK text has no case and
 * no word spaces, so after folding a plain substring test is the right match for it.
 */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Whitespace separates terms; every term must occur (in any field). */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/\s+/u)
    .filter((t) => t !== '');
}
