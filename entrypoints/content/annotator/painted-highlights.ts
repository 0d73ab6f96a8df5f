import { CANCELLED, anchorAll, anchorAllSteps, runInSlices, type Slicing } from '@/components/anchoring';
import { ATTR, MARK_KIND } from '@/components/vocabulary/attributes';
import { highlightRange, type HighlightHandle } from '@/components/marking/highlighter';
import { paintInOrder, paintInOrderSteps } from '@/components/marking/paint-order';
import type { AnnotationBackend } from '@/storage/messaging/backend';
import type { Change } from '@/storage/messaging/protocol';
import type { Annotation } from '@/storage/model/annotation';
import { PAGE_SLICING } from './page-slicing';

interface Painted {
  annotation: Annotation;
  handle: HighlightHandle | null;
}

/** Orphan retries after late content: 250 ms, then doubling, six times (about 16 s in all). */
export const ORPHAN_RETRY_FIRST_MS = 250;
export const ORPHAN_RETRY_MAX = 6;
/** Times the page may change under a load's painting before the rest is painted at once. */
const MAX_LOAD_RESTARTS = 3;

/**
 * The page's highlights as painted: which annotations it has, which are on the page and which
 * are orphans. DOM and backend only, no extension API, so tests drive it with a fake backend.
 *
 * Every way a highlight reaches the page (the first load, the reader's own new highlight, a
 * notice that one was made elsewhere) goes through `add`, which skips an id already painted: a
 * highlight made while the first load is on its way is wrapped once. Highlights are always
 * painted from their stored selectors on the page as it is then, never from a Range kept while
 * the reader was busy (other marks may have split its Text nodes meanwhile).
 */
export class PaintedHighlights {
  private painted = new Map<string, Painted>();
  private generation = 0;
  private observer: MutationObserver | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private pageKey: string | undefined;
  /**
   * Ids deleted while a load was on its way: the list it brings may have been read before the
   * delete was written, and must not bring them back.
   */
  private deletedDuringLoad = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly backend: AnnotationBackend,
    /** After any change to what is painted or to a painted record (the verdict marks follow it). */
    private readonly onChange: () => void = () => {},
    /** How a load's anchoring and painting give the page its turn (see `load`). */
    private readonly slicing: Slicing = PAGE_SLICING,
  ) {}

  private get root(): Element {
    return this.doc.body;
  }

  get all(): Annotation[] {
    return [...this.painted.values()].map((p) => p.annotation);
  }

  /** Annotations saved for this page that could not be placed on it. */
  get orphans(): Annotation[] {
    return [...this.painted.values()].filter((p) => !p.handle).map((p) => p.annotation);
  }

  has(id: string): boolean {
    return this.painted.has(id);
  }

  elementsOf(id: string): HTMLElement[] {
    return this.painted.get(id)?.handle?.elements ?? [];
  }

  /**
   * Loads the page's annotations and paints every one not painted yet. A newer load wins.
   * `pageKey` is the page the caller is on, remembered for `reload`.
   *
   * Anchoring and painting hundreds of highlights on a long page takes far longer than a frame,
   * so a load works in slices (components/anchoring/slices.ts) and the page stays responsive
   * meanwhile. A highlight joins `all` once painted (or found to be an orphan); one that arrives
   * meanwhile by a notice is painted at once, and the load then leaves it alone.
   */
  async load(pageKey: string | undefined = this.pageKey): Promise<void> {
    this.pageKey = pageKey;
    const generation = ++this.generation;
    this.deletedDuringLoad.clear();
    const list = await this.backend.listForPage(pageKey);
    if (generation !== this.generation) return;
    const todo: Annotation[] = [];
    for (const a of list) {
      if (this.deletedDuringLoad.has(a.id)) continue;
      const p = this.painted.get(a.id);
      // A notice may have brought a newer record than a list read before it was written.
      if (p) p.annotation = a.updated >= p.annotation.updated ? a : p.annotation;
      else todo.push(a);
    }
    if (todo.length) {
      const done = await runInSlices(this.loadSteps(todo), {
        ...this.slicing,
        cancelled: () => generation !== this.generation,
      });
      if (done === CANCELLED) return;
    }
    this.deletedDuringLoad.clear();
  }

  /** Drops every mark, then loads again (an import or delete-all touched this page). */
  async reload(): Promise<void> {
    this.clear();
    await this.load();
  }

  /** Paints `a` if it is new here; refreshes the stored record if it is painted already. */
  add(a: Annotation): void {
    this.addAll([a]);
  }

  /**
   * Applies one change notice for this page: a note edit only refreshes the record (no DOM
   * work), a colour sets one attribute, a new highlight is painted, a deleted one unwrapped.
   */
  async apply(id: string, change: Change): Promise<void> {
    const generation = this.generation;
    if (change === 'deleted') {
      this.deletedDuringLoad.add(id);
      this.remove(id);
      return;
    }
    // This page's own new highlight is painted from the record its save answered with: the
    // notice that follows needs no second read.
    if (change === 'created' && this.painted.has(id)) return;
    const fresh = await this.backend.get(id);
    // The page moved on meanwhile (URL change, reload): this notice was for the old one.
    if (generation !== this.generation) return;
    if (!fresh) {
      this.remove(id);
      return;
    }
    const p = this.painted.get(id);
    if (!p) {
      this.add(fresh);
      return;
    }
    p.annotation = fresh;
    if (change === 'recoloured') {
      this.quietly(() => {
        for (const el of p.handle?.elements ?? []) el.setAttribute(ATTR.color, fresh.color);
      });
    }
    if (change === 'assessed') this.onChange();
  }

  remove(id: string): void {
    const p = this.painted.get(id);
    if (!p) return;
    this.quietly(() => p.handle?.remove());
    this.painted.delete(id);
    this.onChange();
  }

  /** Unpaints everything and forgets it; a load still on its way is dropped. */
  clear(): void {
    this.generation++;
    // Newest first: later marks may sit inside Text nodes split by earlier ones.
    const handles = [...this.painted.values()].map((p) => p.handle).reverse();
    this.quietly(() => handles.forEach((h) => h?.remove()));
    this.painted.clear();
    this.stopRetrying();
    this.retries = 0;
    this.onChange();
  }

  /** Watches for late content (lazy paragraphs) and retries the orphans, backing off, then stops. */
  observe(): void {
    const View = this.doc.defaultView;
    if (!View || this.observer) return;
    this.observer = new View.MutationObserver(() => this.scheduleRetry());
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.stopRetrying();
  }

  /** How many orphan retries have run since the last load or new orphan (for tests and status). */
  get retriesDone(): number {
    return this.retries;
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.orphans.length === 0) return;
    if (this.retries >= ORPHAN_RETRY_MAX) {
      // Still orphaned after every retry: the passage is gone, and a page with rotating ads must
      // not re-anchor on every change for the life of the tab.
      this.observer?.disconnect();
      this.observer = null;
      return;
    }
    const delay = ORPHAN_RETRY_FIRST_MS * 2 ** this.retries;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retries++;
      this.paintWaiting();
    }, delay);
  }

  private stopRetrying(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private addAll(list: readonly Annotation[]): void {
    let added = false;
    for (const a of list) {
      const p = this.painted.get(a.id);
      // A notice may have brought a newer record than a list read before it was written.
      if (p) p.annotation = a.updated >= p.annotation.updated ? a : p.annotation;
      else {
        this.painted.set(a.id, { annotation: a, handle: null });
        added = true;
      }
    }
    if (!added) return;
    this.paintWaiting();
    if (this.orphans.length) {
      // A new orphan gets the full set of retries, and the observer back if it had given up.
      this.retries = 0;
      this.observe();
    }
  }

  /**
   * A load's anchoring and painting as steps (see `load`). The offsets anchoring found hold while
   * the page does not change but by our own painting: a watcher sees any other change between
   * steps, and the highlights not yet painted are anchored again on the page as it is then.
   */
  private *loadSteps(todo: readonly Annotation[]): Generator<void, void, undefined> {
    const waiting = () => todo.filter((a) => !this.painted.has(a.id) && !this.deletedDuringLoad.has(a.id));
    const root = this.root;
    const View = this.doc.defaultView;
    if (!root || !View) return this.addAll(waiting());
    for (let attempt = 0; attempt < MAX_LOAD_RESTARTS; attempt++) {
      const pending = waiting();
      if (pending.length === 0) return;
      const results = yield* anchorAllSteps(root, pending.map((a) => a.selectors));
      const found: Array<{ a: Annotation; start: number; end: number }> = [];
      const orphans: Annotation[] = [];
      pending.forEach((a, i) => {
        const r = results[i];
        if (r && r.range !== null) found.push({ a, start: r.start, end: r.end });
        else orphans.push(a);
      });
      const watcher = new View.MutationObserver(() => {});
      watcher.observe(root, { childList: true, subtree: true, characterData: true });
      let changed = false;
      try {
        const paint = paintInOrderSteps(root, found, ({ a }, range) => {
          // Painted meanwhile from a notice, or deleted: the load leaves it alone.
          if (this.painted.has(a.id) || this.deletedDuringLoad.has(a.id)) return;
          let handle: HighlightHandle | null = null;
          this.quietly(() => {
            handle = highlightRange(range, {
              [ATTR.mark]: MARK_KIND.highlight,
              [ATTR.annotationId]: a.id,
              [ATTR.color]: a.color,
            });
          });
          watcher.takeRecords();
          this.painted.set(a.id, { annotation: a, handle });
        });
        while (!paint.next().done) {
          yield;
          if (watcher.takeRecords().length > 0) {
            changed = true;
            paint.return();
            break;
          }
        }
      } finally {
        watcher.disconnect();
      }
      if (changed) continue;
      for (const a of orphans) {
        if (!this.painted.has(a.id) && !this.deletedDuringLoad.has(a.id)) this.painted.set(a.id, { annotation: a, handle: null });
      }
      this.onChange();
      if (this.orphans.length) {
        // A new orphan gets the full set of retries, and the observer back if it had given up.
        this.retries = 0;
        this.observe();
      }
      return;
    }
    // The page kept changing under the painting: the rest at once, as a notice's highlight is.
    this.addAll(waiting());
  }

  /** Paints every annotation that has no highlight yet, from one walk of the page. */
  private paintWaiting(): void {
    const waiting = [...this.painted.values()].filter((p) => !p.handle);
    if (waiting.length === 0 || !this.root) return;
    this.quietly(() => {
      const results = anchorAll(this.root, waiting.map((p) => p.annotation.selectors));
      const found: Array<{ p: Painted; start: number; end: number }> = [];
      waiting.forEach((p, i) => {
        const r = results[i];
        if (r && r.range !== null) found.push({ p, start: r.start, end: r.end });
      });
      // Wrapping one highlight moves the live boundaries of the others but not the text offsets:
      // paintInOrder goes last-first so most need no new page walk.
      paintInOrder(this.root, found, ({ p }, range) => {
        p.handle = highlightRange(range, {
          [ATTR.mark]: MARK_KIND.highlight,
          [ATTR.annotationId]: p.annotation.id,
          [ATTR.color]: p.annotation.color,
        });
      });
      if (found.length) this.onChange();
    });
  }

  /** Our own DOM changes must not wake the late-content observer. */
  private quietly(fn: () => void): void {
    fn();
    this.observer?.takeRecords();
  }
}
