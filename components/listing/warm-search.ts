import { LibraryIndex } from './library-index';
import { resultRows } from './list-rows';
import type { DigestLibraryView } from './digest-library';

/**
 * A search the popup runs once when it is idle, before the reader's first: the first keystroke
 * otherwise runs the search and the result rows' code for the first time, in a page whose code
 * is still cold (a few ms of a 20 ms keystroke in a Chromium profile; tests/bench/popup-browser.ts).
 * A throwaway index, so the popup's own index keeps no state of it (LibraryIndex narrows from its
 * last search); the rows the corpus makes for it are kept (digest-corpus.ts row()), as they are
 * for any search. The query is two characters of the newest page's title: matches in the tens or
 * hundreds, a slice of idle time, not thousands. Returns how many rows it made. Pure.
 */
export function warmSearch(library: DigestLibraryView): number {
  const title = library.pages[0]?.title.trim() ?? '';
  if (!title) return 0;
  const found = new LibraryIndex(library.corpus).search({ query: [...title].slice(0, 2).join(''), colors: [], tag: null });
  return resultRows(found.annotations).length;
}
