/**
 * One TextIndex per root, kept while the DOM under the root is unchanged, so that anchoring one
 * annotation after another (the popup's "go to", a note saved, a late paragraph) does not walk a
 * 200,000-character page each time.
 *
 * Staleness is known exactly, not guessed: a MutationObserver on the root queues a record for
 * every change the index depends on, synchronously as it happens, and `takeRecords()` reads that
 * queue before the cached index is trusted. The callback covers records delivered between calls.
 * Once stale, the observer is disconnected, so a busy page pays for it at most until its next
 * change after an anchoring call. An index nobody used for IDLE_MS is let go too: on a page that
 * never changes it would otherwise hold its text, maps and gram table for the life of the tab.
 *
 * Pure like the index itself: the observer comes from the root's own window (or this realm's, for
 * a document without one), and where there is none (a DOM fake in Node) nothing is cached.
 */
import { ATTR } from '../vocabulary/attributes';
import { TextIndex } from './text-index';

interface Entry {
  index: TextIndex;
  watcher: MutationObserver;
  stale: boolean;
  /** Searches (quotes not confirmed at their position) made on this index so far. */
  searches: number;
  /** `Date.now()` of the last call that used the index. */
  used: number;
}

/** How long an unused index is kept. */
export const IDLE_MS = 30_000;

const entries = new WeakMap<Element, Entry>();

/** What the text model reads: text, the tree's shape, and the attribute that hides our UI. */
const WATCHED: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: [ATTR.ui],
};

/** The current index of `root`, rebuilt only if the DOM under it changed since the last call. */
export function indexFor(root: Element): TextIndex {
  return entryFor(root)?.index ?? new TextIndex(root);
}

/**
 * Counts a search on `root`'s cached index and says whether the gram table has now paid off: it
 * costs a few full scans to build, so the first search of an index scans and later ones use it.
 */
export function searchedAgain(root: Element): boolean {
  const entry = entries.get(root);
  if (!entry || entry.stale) return false;
  entry.searches++;
  return entry.searches > 1;
}

function entryFor(root: Element): Entry | null {
  const cached = entries.get(root);
  if (cached && !cached.stale && cached.watcher.takeRecords().length === 0) {
    cached.used = Date.now();
    return cached;
  }
  if (cached) drop(root, cached);

  const Observer = root.ownerDocument?.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  if (!Observer) return null;
  const holder: { entry?: Entry } = {};
  let watcher: MutationObserver;
  try {
    watcher = new Observer(() => {
      if (holder.entry) drop(root, holder.entry);
    });
    watcher.observe(root, WATCHED);
  } catch {
    // An observer from another realm may refuse this root (jsdom does): do without the cache.
    return null;
  }
  const entry: Entry = { index: new TextIndex(root), watcher, stale: false, searches: 0, used: Date.now() };
  holder.entry = entry;
  // One timer per index, not one per call: it re-arms itself while the index is in use.
  const expire = () => {
    if (entry.stale) return;
    const idle = Date.now() - entry.used;
    if (idle >= IDLE_MS) drop(root, entry);
    else later(expire, IDLE_MS - idle);
  };
  later(expire, IDLE_MS);
  entries.set(root, entry);
  return entry;
}

function drop(root: Element, entry: Entry): void {
  entry.stale = true;
  entry.watcher.disconnect();
  if (entries.get(root) === entry) entries.delete(root);
}

/** setTimeout that, under Node (tests, benchmarks), does not keep the process alive. */
function later(fn: () => void, ms: number): void {
  const timer: unknown = setTimeout(fn, ms);
  (timer as { unref?: () => void }).unref?.();
}
