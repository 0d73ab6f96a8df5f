/**
 * Popup benchmark: 10,000 annotations on 1,000 pages in fake-indexeddb (Node), the popup's
 * "All annotations" rendered by Preact into a happy-dom document. Measures, as medians of several
 * runs:
 *  - first render: mount → the first 50 page groups in the DOM (query + render);
 *  - search keystroke: the input event → results in the DOM, minus the 150 ms debounce the popup
 *    waits for typing to pause; cold (first search, folded texts not cached) and warm;
 *  - the search query alone, and the longest the event loop was blocked while it ran (what
 *    typing would wait for).
 * fake-indexeddb is a pure-JS IndexedDB, several times slower than a browser's, so these are
 * upper bounds. Run: `npx tsx tests/bench/popup.bench.ts [--runs=7]`.
 */
import 'fake-indexeddb/auto';
import { setMaxListeners } from 'node:events';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { makeLibrary } from './popup-data';

// Dexie's live-query cache adds one abort listener per query to its signal, and a search is one
// query per chunk; Node warns past 10 listeners (browsers do not). Not a leak: they go with it.
setMaxListeners(64);

export interface PopupBenchReport {
  annotations: number;
  pages: number;
  runs: number;
  fillMs: number;
  rows: { name: string; medianMs: number; minMs: number; maxMs: number }[];
}

const now = (): number => performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function stats(name: string, xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { name, medianMs: round(median), minMs: round(s[0]!), maxMs: round(s[s.length - 1]!) };
}
const round = (x: number) => Math.round(x * 10) / 10;

/** Resolves when `done()` holds, checking after every macrotask (IndexedDB answers are tasks). */
async function until(done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = now();
  while (!done()) {
    if (now() - start > timeoutMs) throw new Error('benchmark step timed out');
    await new Promise<void>((r) => setImmediate(r));
  }
}

/** Longest gap between event-loop turns while `work` runs: how long a keystroke could wait. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; blockMs: number; totalMs: number }> {
  let last = now();
  let worst = 0;
  let running = true;
  const tick = () => {
    const t = now();
    worst = Math.max(worst, t - last);
    last = t;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const start = now();
  const result = await work();
  const totalMs = now() - start;
  running = false;
  return { result, blockMs: worst, totalMs };
}

function installDom(): Window {
  const window = new Window({ url: 'chrome-extension://bench/popup.html' });
  const g = globalThis as Record<string, unknown>;
  // Preact creates nodes through the global document, as in a browser page.
  g.window = window;
  g.document = window.document;
  if (!('navigator' in globalThis)) g.navigator = window.navigator;
  return window;
}

export async function runPopupBench(opts: { pages?: number; perPage?: number; runs?: number } = {}): Promise<PopupBenchReport> {
  const { pages = 1000, perPage = 10, runs = 7 } = opts;
  const window = installDom();
  // Imported after the DOM exists: Preact reads `document` lazily, but keep the order explicit.
  const { h, render } = await import('preact');
  const { SourcemarkDB } = await import('@/storage/db/db');
  const { search } = await import('@/storage/db/queries');
  const { EnvContext } = await import('@/components/ui/popup/env');
  const { popupStrings } = await import('@/components/vocabulary/strings');
  const { NO_SEARCH } = await import('@/components/ui/popup/search-state');
  const AllAnnotations = (await import('@/components/ui/popup/AllAnnotations')).default;
  type SearchState = import('@/components/ui/popup/search-state').SearchState;

  const name = `popup-bench-${Date.now()}`;
  const seedDb = new SourcemarkDB(name);
  const library = makeLibrary(pages, perPage);
  let t0 = now();
  await seedDb.annotations.bulkPut(library);
  const fillMs = now() - t0;
  seedDb.close();

  const actions = { saveNote: async () => {}, remove: async () => {}, go: async () => {} };
  const firstRender: number[] = [];
  const keystrokeCold: number[] = [];
  const keystrokeWarm: number[] = [];
  const queryWarm: number[] = [];
  const blockWarm: number[] = [];
  const DEBOUNCE = 150;
  const QUERY = '匮缺的高科'; // in one phrase of ten: 1,000 matches, 100 rendered
  const queries = ['据知情', '美俄阿拉斯加', 'minister', '数据显示', '（417-3）', '川普政府'];

  for (let run = 0; run < runs; run++) {
    // A fresh connection per run: Dexie caches live query results per database instance.
    const db = new SourcemarkDB(name);
    await db.open();
    const container = window.document.createElement('div');
    window.document.body.append(container);
    let state: SearchState = NO_SEARCH;
    const env = { db, lang: 'zh' as const, t: popupStrings.zh, actions };
    const view = () =>
      h(EnvContext.Provider, { value: env }, h(AllAnnotations, {
        search: state,
        onSearch: (s: SearchState) => {
          state = s;
          render(view(), container as unknown as Element);
        },
        onOpenSettings: () => {},
      }));

    t0 = now();
    render(view(), container as unknown as Element);
    await until(() => container.querySelectorAll('section.group').length === 50);
    firstRender.push(now() - t0);

    // One keystroke: the field's input event, then results on screen.
    const input = container.querySelector('input[type="search"]') as unknown as HTMLInputElement;
    const type = async (q: string, cold: boolean) => {
      input.value = q;
      const start = now();
      input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
      await until(() => {
        const status = container.querySelector('.results [role="status"]');
        return !!status && /找到|没有找到/.test(status.textContent ?? '') && container.querySelector('.results')?.getAttribute('aria-busy') === 'false';
      });
      (cold ? keystrokeCold : keystrokeWarm).push(now() - start - DEBOUNCE);
    };
    await type(QUERY, run === 0);
    if (run > 0) {
      // The same for other words (warm cache), then clear for the next run.
      for (const q of queries.slice(0, 2)) {
        input.value = '';
        input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
        await until(() => container.querySelectorAll('section.group').length === 50);
        await type(q, false);
      }
    }
    render(null, container as unknown as Element);
    container.remove();

    const q = queries[run % queries.length]!;
    const timed = await longestBlock(() => search(db, q, { limit: 100 }));
    queryWarm.push(timed.totalMs);
    blockWarm.push(timed.blockMs);
    db.close();
    await sleep(0);
  }

  const rows = [
    stats('first render: 50 page groups (query + render)', firstRender),
    stats('search keystroke, first ever (cold), to results', keystrokeCold),
    stats('search keystroke, warm, to results', keystrokeWarm),
    stats('search query alone (10,000 scanned)', queryWarm),
    stats('longest event-loop block during a search', blockWarm),
  ];
  return { annotations: library.length, pages, runs, fillMs: round(fillMs), rows };
}

function printReport(r: PopupBenchReport): void {
  console.log(`popup benchmark: ${r.annotations} annotations on ${r.pages} pages, ${r.runs} runs (fake-indexeddb + happy-dom)`);
  console.log(`database filled in ${r.fillMs} ms`);
  const w = Math.max(...r.rows.map((x) => x.name.length));
  console.log(`${'step'.padEnd(w)}  median ms    min ms    max ms`);
  for (const x of r.rows) {
    console.log(`${x.name.padEnd(w)}  ${String(x.medianMs).padStart(9)} ${String(x.minMs).padStart(9)} ${String(x.maxMs).padStart(9)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
  runPopupBench({ runs })
    .then((r) => {
      printReport(r);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
