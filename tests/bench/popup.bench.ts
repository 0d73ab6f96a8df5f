/**
 * Where the popup's time goes with 10,000 annotations on 1,000 pages, taken apart in Node
 * (fake-indexeddb, no DOM), as medians of several runs: the first screen's query, reading the
 * whole library, reading the search digest, merging and grouping it by page, one search keystroke
 * over it (rows made for its matches), the rows of 1,000 results and the window of them in view. fake-indexeddb is a pure-JS
 * IndexedDB, several times slower than a browser's, so its reads are upper bounds; the browser
 * numbers are tests/bench/popup-browser.ts's. Run: `npx tsx tests/bench/popup.bench.ts [--runs=7]`.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLibrary } from './popup-data';

export interface PopupBenchReport {
  annotations: number;
  pages: number;
  runs: number;
  fillMs: number;
  rows: { name: string; medianMs: number; minMs: number; maxMs: number }[];
}

const now = (): number => performance.now();
const round = (x: number) => Math.round(x * 100) / 100;

function stats(name: string, xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { name, medianMs: round(median), minMs: round(s[0]!), maxMs: round(s[s.length - 1]!) };
}

async function timed<T>(into: number[], work: () => T | Promise<T>): Promise<T> {
  const t0 = now();
  const out = await work();
  into.push(now() - t0);
  return out;
}

export async function runPopupBench(opts: { pages?: number; perPage?: number; runs?: number } = {}): Promise<PopupBenchReport> {
  const { pages = 1000, perPage = 10, runs = 7 } = opts;
  const { SourcemarkDB } = await import('@/storage/db/db');
  const { readLibrary } = await import('@/storage/db/queries');
  const { DigestLibrary, libraryOf } = await import('@/components/listing/digest-library');
  const { firstPages } = await import('@/components/ui/popup/first-pages');
  const { LibraryIndex } = await import('@/components/listing/library-index');
  const { resultRows } = await import('@/components/listing/list-rows');
  const { offsetsOf, visibleRows } = await import('@/components/listing/windowing');

  const name = `popup-bench-${Date.now()}`;
  const seedDb = new SourcemarkDB(name);
  const library = makeLibrary(pages, perPage);
  let t0 = now();
  await seedDb.annotations.bulkPut(library);
  const fillMs = now() - t0;
  seedDb.close();

  const first: number[] = [];
  const read: number[] = [];
  const readDigest: number[] = [];
  const unpack: number[] = [];
  const group: number[] = [];
  const keystroke: number[] = [];
  const narrowing: number[] = [];
  const rowsMs: number[] = [];
  const windowMs: number[] = [];
  const QUERY = '匮缺的高科'; // in one phrase of ten: 1,000 matches
  const queries = ['据知情', '美俄阿拉斯加', 'minister', '数据显示', '（417-3）', '川普政府'];

  for (let run = 0; run < runs; run++) {
    const db = new SourcemarkDB(name);
    await db.open();
    await timed(first, () => firstPages(db));
    // What the popup no longer reads before a search can answer, measured for comparison.
    await timed(read, () => readLibrary(db));
    const shards = await timed(readDigest, () => db.digest.toArray());
    const corpus = await timed(unpack, async () => new DigestLibrary().read(shards));
    // Nothing to build: the index searches the shards' texts as they were read.
    const index = new LibraryIndex(corpus);
    await timed(group, async () => libraryOf(corpus));
    const found = await timed(keystroke, () => index.search({ query: QUERY, colors: [], tag: null }));
    for (const q of queries) await timed(keystroke, () => index.search({ query: q, colors: [], tag: null }));
    // Typing on: "数据" then "数据显示" scans only the first one's matches.
    index.search({ query: '数据', colors: [], tag: null });
    await timed(narrowing, () => index.search({ query: '数据显示', colors: [], tag: null }));
    const rows = await timed(rowsMs, () => resultRows(found.annotations));
    await timed(windowMs, () => visibleRows(offsetsOf(rows.map((r) => (r.kind === 'page' ? 50 : 90))), 40_000, 500, 6));
    db.close();
  }

  return {
    annotations: library.length,
    pages,
    runs,
    fillMs: round(fillMs),
    rows: [
      stats('first screen: 20 newest pages and their counts (first-pages.ts)', first),
      stats('the whole library, one read (readLibrary; no longer read by the list)', read),
      stats('the search digest, one read (32 shards)', readDigest),
      stats('held as read, searchable (DigestLibrary: no row made)', unpack),
      stats('grouped by page, newest first (libraryOf; when idle)', group),
      stats('one search keystroke (32 shard texts; rows made for the matches)', keystroke),
      stats('one keystroke that narrows the one before', narrowing),
      stats('rows of 1,000 results (headings + items)', rowsMs),
      stats('the window of them in view (offsets + visibleRows)', windowMs),
    ],
  };
}

function printReport(r: PopupBenchReport): void {
  console.log(`popup benchmark: ${r.annotations} annotations on ${r.pages} pages, ${r.runs} runs (fake-indexeddb)`);
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
