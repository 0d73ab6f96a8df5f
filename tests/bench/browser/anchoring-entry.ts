/**
 * The bench page's script, bundled by esbuild (tests/bench/anchoring-browser.ts) and run in plain
 * Debian Chromium on the generated article (tests/bench/anchoring-page.ts). It anchors the same
 * saved quotes with Sourcemark and the two peer libraries and reports time and correctness:
 *
 *  - `sourcemark`: our `anchor(root, selectors)`, one call per quote, as the peers are called
 *    (the first call after a change to the page walks it and builds the text index, later calls
 *    reuse it until the DOM under the root changes);
 *  - `sourcemark-batched`: `anchorAll(root, list)`, one call for all quotes (what the content
 *    script does on page load: one walk, one gram table);
 *
 * Sourcemark's index outlives a call, so every pass of ours starts on a page just changed (a
 * comment node added and removed under the root): each pass pays one walk, as a page load does,
 * and a pass never profits from the one before it.
 *  - `dtq`: dom-anchor-text-quote 4.0.2 `toRange(root, {exact, prefix, suffix}, {hint})` with the
 *    stored position as the hint, as Hypothesis called it (diff-match-patch bitap);
 *  - `apache`: @apache-annotator/dom 0.2.0 `createTextQuoteSelectorMatcher(selector)(root)`, the
 *    first match it yields. It matches exactly (prefix + exact + suffix, whitespace included) and
 *    has no fuzzy mode and no position hint.
 *
 * Timing: `performance.now()` around each call (the page is cross-origin isolated, so the clock
 * is 5 µs fine instead of 100 µs), after one untimed warm-up pass over the same quotes; then
 * timed passes, as many as fit in about two seconds (one to five, the same rule for every
 * library), reporting the median pass and the longest call of any pass.
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { toRange as dtqToRange } from 'dom-anchor-text-quote';
import type { Selector } from '@/storage/model/annotation';
import { Anchorer, CANCELLED, TextIndex, anchor, anchorAll, anchorAllInSlices } from '@/components/anchoring';
import { PaintedHighlights } from '@/entrypoints/content/annotator/painted-highlights';
import { yieldToPage } from '@/entrypoints/content/annotator/page-slicing';
import { sampleAnnotation } from '../../support/sample-annotation';
import { highlightRange, type HighlightHandle } from '@/components/marking/highlighter';
import { paintInOrder } from '@/components/marking/paint-order';
import { detectClaims } from '@/components/claims';
import type { BenchItem, Edit } from '../anchoring-page';

export type Lib = 'sourcemark' | 'sourcemark-batched' | 'dtq' | 'apache';

/**
 * One library's run: on the first `count` items (default all), after an untimed warm-up pass over
 * the first `warmup` of them (default the same items).
 */
export interface Run {
  lib: Lib;
  count?: number;
  warmup?: number;
}

export interface LibResult {
  lib: Lib;
  count: number;
  /** ms for all quotes (batched: the one anchorAll call). */
  totalMs: number;
  /** The longest single call (batched: the longest Anchorer.anchor in a separately timed pass). */
  maxMs: number;
  /** Batched only: building the TextIndex (the page walk) before the first anchor. */
  indexMs?: number;
  /** Batched only: how each quote was found (position, quote, fuzzy) or not (orphan). */
  methods?: Record<string, number>;
  /** Items in the untimed warm-up pass. */
  warmup: number;
  /** Timed passes over all items; `totalMs` is their median, `maxMs` the longest call in any. */
  passes: number;
  right: number;
  /** Returned a range that is not the passage; `overlapping` of them overlap it (bounds off). */
  wrong: number;
  overlapping: number;
  /** Wrong ranges over the quote's original words where they still stand elsewhere on the page. */
  oldWords: number;
  orphan: number;
  /** Calls that threw (counted as orphans too). */
  errors: number;
  firstError?: string;
}

const now = (): number => performance.now();

/** A change under the root that leaves its text alone: Sourcemark's cached index is dropped. */
function touchPage(): void {
  root().appendChild(document.createComment('touched')).remove();
}
const stripSpace = (s: string): string => s.replace(/\s+/g, '');

function root(): Element {
  const el = document.getElementById('root');
  if (!el) throw new Error('no #root on the bench page');
  return el;
}

function selectorsOf(item: BenchItem): Selector[] {
  const q = item.quote;
  return [
    { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
    { type: 'TextPositionSelector', start: q.start, end: q.end },
  ];
}

type Anchor = (item: BenchItem) => Promise<Range | null> | Range | null;

const anchors: Record<Exclude<Lib, 'sourcemark-batched'>, Anchor> = {
  sourcemark: (item) => anchor(root(), selectorsOf(item)),
  dtq: (item) => {
    const { exact, prefix, suffix, start } = item.quote;
    return dtqToRange(root(), { exact, prefix, suffix }, { hint: start });
  },
  apache: async (item) => {
    const { exact, prefix, suffix } = item.quote;
    const matches = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact, prefix, suffix })(root());
    for await (const range of matches) return range;
    return null;
  },
};

/** Offset of a boundary point in the root's text (Text containers by a map, others by a Range). */
function offsetFinder(): (node: Node, offset: number) => number {
  const starts = new Map<Node, number>();
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n, at);
    at += (n as Text).data.length;
  }
  return (node, offset) => {
    const s = starts.get(node);
    if (s !== undefined) return s + offset;
    const r = document.createRange();
    r.setStart(root(), 0);
    r.setEnd(node, offset);
    return r.toString().length;
  };
}

function score(lib: Lib, items: readonly BenchItem[], ranges: ReadonlyArray<Range | null | undefined>): Omit<LibResult, 'totalMs' | 'maxMs' | 'errors' | 'warmup' | 'passes'> {
  const offset = offsetFinder();
  const out = { lib, count: items.length, right: 0, wrong: 0, overlapping: 0, oldWords: 0, orphan: 0 };
  items.forEach((item, i) => {
    const range = ranges[i];
    const want = item.expect;
    if (!range) {
      out.orphan++;
      return;
    }
    const start = offset(range.startContainer, range.startOffset);
    const end = offset(range.endContainer, range.endOffset);
    if (want && stripSpace(range.toString()) === stripSpace(want.text) && start === want.start) {
      out.right++;
      return;
    }
    out.wrong++;
    if (want && start < want.end && end > want.start) out.overlapping++;
    else if (stripSpace(range.toString()) === stripSpace(item.quote.exact)) out.oldWords++;
  });
  return out;
}

/**
 * How many timed passes: as many as fit in about TIMED_BUDGET_MS judging by the first, at most
 * MAX_PASSES. A pass of a few milliseconds is at the mercy of one GC pause or a busy neighbour;
 * a pass of seconds already averages them out. Every library gets the same rule.
 */
const TIMED_BUDGET_MS = 2_000;
const MAX_PASSES = 5;
const passesAfter = (firstMs: number) => Math.max(1, Math.min(MAX_PASSES, Math.floor(TIMED_BUDGET_MS / Math.max(firstMs, 1e-3))));

async function runLib(run: Run, all: readonly BenchItem[]): Promise<LibResult> {
  const { lib } = run;
  const items = all.slice(0, run.count ?? all.length);
  const warmup = Math.min(run.warmup ?? items.length, items.length);
  if (lib === 'sourcemark-batched') return runBatched(items, warmup);
  const fn = anchors[lib];
  let errors = 0;
  let firstError: string | undefined;
  const pass = async (timed: boolean) => {
    touchPage();
    const ranges: Array<Range | null> = [];
    let max = 0;
    let failures = 0;
    const t0 = now();
    for (const item of timed ? items : items.slice(0, warmup)) {
      const s = now();
      let range: Range | null = null;
      try {
        range = await fn(item);
      } catch (err) {
        failures++;
        firstError ??= String(err);
      }
      max = Math.max(max, now() - s);
      ranges.push(range);
    }
    return { ranges, totalMs: now() - t0, maxMs: max, failures };
  };
  await pass(false); // warm-up: the JIT, and any lazily loaded code paths
  const passes = [await pass(true)];
  for (let n = passesAfter(passes[0]!.totalMs); passes.length < n; ) passes.push(await pass(true));
  const last = passes[passes.length - 1]!;
  errors = last.failures;
  return {
    ...score(lib, items, last.ranges),
    totalMs: median(passes.map((p) => p.totalMs)),
    maxMs: Math.max(...passes.map((p) => p.maxMs)),
    passes: passes.length,
    errors,
    warmup,
    ...(errors && firstError ? { firstError } : {}),
  };
}

function runBatched(items: readonly BenchItem[], warmup: number): LibResult {
  const list = items.map(selectorsOf);
  touchPage();
  anchorAll(root(), list.slice(0, warmup)); // warm-up
  const totals: number[] = [];
  let results: ReturnType<typeof anchorAll> = [];
  do {
    touchPage();
    const t0 = now();
    results = anchorAll(root(), list);
    totals.push(now() - t0);
  } while (totals.length < passesAfter(totals[0]!));
  // The same work step by step, as many times, to find the longest single anchor (the first one
  // also builds the whitespace-free text and the gram table, lazily).
  let maxMs = 0;
  const index: number[] = [];
  for (let p = 0; p < totals.length; p++) {
    const ti = now();
    const anchorer = new Anchorer(new TextIndex(root()), () => list.length > 1);
    index.push(now() - ti);
    for (const selectors of list) {
      const s = now();
      anchorer.anchor(selectors);
      maxMs = Math.max(maxMs, now() - s);
    }
  }
  const methods: Record<string, number> = {};
  for (const r of results) methods[r.method ?? 'orphan'] = (methods[r.method ?? 'orphan'] ?? 0) + 1;
  return {
    ...score('sourcemark-batched', items, results.map((r) => r.range)),
    totalMs: median(totals),
    maxMs,
    indexMs: median(index),
    methods,
    passes: totals.length,
    errors: 0,
    warmup,
  };
}

async function runAll(items: readonly BenchItem[], runs: readonly Run[]): Promise<LibResult[]> {
  const out: LibResult[] = [];
  for (const run of runs) out.push(await runLib(run, items));
  return out;
}

/** Replaces one character per edit in the page's Text nodes (lengths unchanged). */
function applyEdits(edits: readonly Edit[]): void {
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  const nodes: Array<{ node: Text; start: number }> = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: at });
    at += (n as Text).data.length;
  }
  for (const e of edits) {
    const hit = nodes.find(({ node, start }) => e.offset >= start && e.offset < start + node.data.length);
    if (!hit) throw new Error(`edit offset ${e.offset} outside the page text`);
    hit.node.replaceData(e.offset - hit.start, 1, e.char);
  }
}

let edited = false;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const bench = {
  /** Whether the page text is what the generator produced, and the clock's resolution. */
  check(expected: string) {
    const text = root().textContent ?? '';
    return { ok: text === expected, length: text.length, isolated: globalThis.crossOriginIsolated === true };
  },
  exact: (items: BenchItem[], runs: Run[]) => runAll(items, runs),
  orphans: (items: BenchItem[], runs: Run[]) => runAll(items, runs),
  /** Applies the edits (once), then anchors the original selectors on the edited page. */
  fuzzy: (items: BenchItem[], edits: Edit[], runs: Run[]) => {
    if (!edited) applyEdits(edits);
    edited = true;
    return runAll(items, runs);
  },
  /**
   * What every `anchor()` call pays before matching, on this page (median of `reps`): the walk
   * that builds the TextIndex, the whitespace-free copy (any quote not confirmed at its position),
   * and the gram table (any fuzzy search; `anchorAll` builds it for any search).
   */
  /**
   * Page load with `count` saved highlights: anchorAll, then every found one wrapped in marks, as
   * the content script does (paintInOrder), and for reference the way it did before (a page walk
   * for every highlight after the first). Median of `reps`; the marks are removed after each pass
   * and the page's text checked unchanged.
   */
  paint(items: BenchItem[], counts: number[], reps: number) {
    const rows: Array<{ count: number; method: 'in-order' | 'walk-each'; medianMs: number; painted: number }> = [];
    const before = root().textContent;
    for (const count of counts) {
      const list = items.slice(0, count).map(selectorsOf);
      for (const method of ['in-order', 'walk-each'] as const) {
        const ms: number[] = [];
        let painted = 0;
        for (let r = 0; r < reps; r++) {
          touchPage();
          const handles: HighlightHandle[] = [];
          const attrs = { 'data-sourcemark': 'highlight' };
          const t0 = now();
          const results = anchorAll(root(), list);
          const found = results.flatMap((x) => (x.range ? [{ start: x.start, end: x.end }] : []));
          if (method === 'in-order') {
            paintInOrder(root(), found, (_span, range) => handles.push(highlightRange(range, attrs)));
          } else {
            found.forEach((f, i) => {
              const range = i === 0 ? results.find((x) => x.range)!.range : new TextIndex(root()).rangeOf(f.start, f.end);
              if (range) handles.push(highlightRange(range, attrs));
            });
          }
          ms.push(now() - t0);
          painted = handles.length;
          for (const h of handles) h.remove();
          if (root().textContent !== before) throw new Error('painting and removing marks changed the page text');
        }
        rows.push({ count, method, medianMs: median(ms), painted });
      }
    }
    return rows;
  },
  setupCost(reps: number) {
    const walk: number[] = [];
    const norm: number[] = [];
    const grams: number[] = [];
    for (let i = 0; i < reps; i++) {
      let t = now();
      const index = new TextIndex(root());
      walk.push(now() - t);
      t = now();
      index.norm();
      norm.push(now() - t);
      t = now();
      index.gramTable();
      grams.push(now() - t);
    }
    return { walkMs: median(walk), normMs: median(norm), gramsMs: median(grams), reps };
  },
  /** detectClaims on `text`: warm-up, then the median of `iterations` timed runs. */
  claims(text: string, iterations: number) {
    for (let i = 0; i < Math.min(5, iterations); i++) detectClaims(text);
    const ms: number[] = [];
    let claims = 0;
    for (let i = 0; i < iterations; i++) {
      const t0 = now();
      claims = detectClaims(text).length;
      ms.push(now() - t0);
    }
    return { chars: text.length, iterations, medianMs: median(ms), claims };
  },
};

/** The main-thread tasks of one piece of sliced work: each slice's length, and the whole. */
export interface SliceTimes {
  /** Slices (tasks) the work ran in. */
  tasks: number;
  longestMs: number;
  /** The slices' lengths added up: the work itself, without the page's turns in between. */
  busyMs: number;
  /** First slice's start to the last one's end, the page's turns included. */
  wallMs: number;
}

/**
 * Runs `work` with the content script's own way of yielding (page-slicing.ts), timing every
 * slice: from the work's start or its return from a turn, to its next turn or its end.
 */
async function timeSlices(work: (yieldNow: () => Promise<void>) => Promise<unknown>): Promise<SliceTimes> {
  const slices: number[] = [];
  const t0 = now();
  let sliceStart = t0;
  await work(async () => {
    slices.push(now() - sliceStart);
    await yieldToPage();
    sliceStart = now();
  });
  const end = now();
  slices.push(end - sliceStart);
  return { tasks: slices.length, longestMs: Math.max(...slices), busyMs: slices.reduce((a, b) => a + b, 0), wallMs: end - t0 };
}

/** `reps` runs of `fn`, each on a page just changed; the run with the median longest task. */
async function medianRun(reps: number, fn: () => Promise<SliceTimes>): Promise<SliceTimes & { runs: SliceTimes[] }> {
  const runs: SliceTimes[] = [];
  for (let r = 0; r < reps; r++) {
    touchPage();
    runs.push(await fn());
    // A turn for the page between runs, as between page loads.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const sorted = [...runs].sort((a, b) => a.longestMs - b.longestMs);
  return { ...sorted[sorted.length >> 1]!, runs };
}

const paced = {
  /**
   * The longest task of anchoring `items` at page load: `anchorAll` in one task (before) and
   * `anchorAllInSlices` (now), with the content script's yield, `reps` runs each on a page just
   * changed. Results are checked equal.
   */
  async sliced(items: BenchItem[], reps: number) {
    const list = items.map(selectorsOf);
    touchPage();
    const expected = anchorAll(root(), list).map((r) => (r.range ? r.start : null));
    const oneTask = await medianRun(reps, () => timeSlices(async () => anchorAll(root(), list)));
    let same = true;
    const sliced = await medianRun(reps, () =>
      timeSlices(async (yieldNow) => {
        const r = await anchorAllInSlices(root(), list, { yieldNow, now });
        if (r === CANCELLED || r.some((x, i) => (x.range ? x.start : null) !== expected[i])) same = false;
      }),
    );
    return { count: list.length, oneTask, sliced, same };
  },
  /**
   * A page load of `count` saved highlights as the content script does it (PaintedHighlights over
   * a backend that answers at once): anchored and painted in slices now, or in one task as before
   * (the same class given a turn that never comes: a budget no slice reaches). Marks removed and
   * the text checked after each run.
   */
  async loadHighlights(items: BenchItem[], count: number, reps: number) {
    const before = root().textContent;
    const annotations = items.slice(0, count).map((item, i) =>
      sampleAnnotation({ id: `bench-${i}`, selectors: selectorsOf(item), note: '' }),
    );
    const backend = {
      listForPage: async () => annotations,
      get: async () => null,
      create: () => Promise.reject(new Error('not in the bench')),
      assess: () => Promise.reject(new Error('not in the bench')),
    };
    let painted = 0;
    const run = (budgetMs: number) =>
      medianRun(reps, async () => {
        let highlights!: PaintedHighlights;
        const times = await timeSlices(async (yieldNow) => {
          highlights = new PaintedHighlights(document, backend, () => {}, { yieldNow, now, budgetMs });
          await highlights.load('bench');
        });
        painted = highlights.all.length - highlights.orphans.length;
        highlights.disconnect();
        highlights.clear();
        if (root().textContent !== before) throw new Error('painting and removing marks changed the page text');
        return times;
      });
    const oneTask = await run(Infinity);
    const sliced = await run(8);
    return { count, painted, oneTask, sliced };
  },
};

const all = { ...bench, ...paced };
export type Bench = typeof all;
(globalThis as unknown as { bench: Bench }).bench = all;
