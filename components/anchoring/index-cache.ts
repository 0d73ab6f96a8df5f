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

/** Walks in pieces that a DOM change may interrupt before `indexSteps` walks at once. */
const MAX_WALKS = 3;

/** The current index of `root`, rebuilt only if the DOM under it changed since the last call. */
export function indexFor(root: Element): TextIndex {
  return entryFor(root)?.index ?? new TextIndex(root);
}

/**
 * `indexFor` in pieces (anchoring/slices.ts): the cached index if it is current, else a new one
 * walked in pieces under the cache's watcher, started over if the DOM changed between pieces.
 * Returns null where nothing can watch the root (no MutationObserver, or one that refuses it):
 * there a walk in pieces could mix two states of the page, so the caller must work at once.
 */
export function* indexSteps(root: Element): Generator<void, TextIndex | null, undefined> {
  for (let attempt = 0; ; attempt++) {
    // A page that changes faster than the walk's pieces: walked at once, as indexFor does.
    if (attempt === MAX_WALKS) return entryFor(root)?.index ?? null;
    const cached = entries.get(root);
    if (cached && isCurrent(root, cached.index)) {
      cached.used = Date.now();
      return cached.index;
    }
    const watching = watch(root);
    if (!watching) return null;
    let kept = false;
    try {
      const index = yield* TextIndex.steps(root);
      if (watching.watcher.takeRecords().length > 0) continue;
      // Another caller may have cached an index meanwhile (built at once); this one is as good.
      const other = entries.get(root);
      if (other) drop(root, other);
      kept = true;
      return install(root, index, watching).index;
    } finally {
      if (!kept) watching.watcher.disconnect();
    }
  }
}

/**
 * Whether `index` is still `root`'s cached index with no DOM change since: what a caller working
 * in pieces asks after each pause before trusting offsets and Ranges from it.
 */
export function isCurrent(root: Element, index: TextIndex): boolean {
  const entry = entries.get(root);
  if (!entry || entry.index !== index || entry.stale) return false;
  if (entry.watcher.takeRecords().length === 0) return true;
  drop(root, entry);
  return false;
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
  const watching = watch(root);
  return watching && install(root, new TextIndex(root), watching);
}

interface Watching {
  watcher: MutationObserver;
  /** The entry the watcher drops on a change, once there is one. */
  holder: { entry?: Entry };
}

/**
 * A MutationObserver from the root's realm watching what the text model reads, started before the
 * walk so that a change during it is seen; null where there is none or it refuses the root.
 */
function watch(root: Element): Watching | null {
  const Observer = root.ownerDocument?.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  if (!Observer) return null;
  const holder: { entry?: Entry } = {};
  try {
    const watcher = new Observer(() => {
      if (holder.entry) drop(root, holder.entry);
    });
    watcher.observe(root, WATCHED);
    return { watcher, holder };
  } catch {
    // An observer from another realm may refuse this root (jsdom does): do without the cache.
    return null;
  }
}

/** Caches `index` for `root` under its watcher; let go once unused for IDLE_MS. */
function install(root: Element, index: TextIndex, { watcher, holder }: Watching): Entry {
  const entry: Entry = { index, watcher, stale: false, searches: 0, used: Date.now() };
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
