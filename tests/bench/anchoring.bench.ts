/**
 * Anchoring benchmark on a 200,000-character page: 500 saved quotes, 100 quotes with one character
 * replaced on the page, 500 orphans. Prints total and worst single times and right/wrong/orphan
 * counts. Run: `npx tsx tests/bench/anchoring.bench.ts [--dom=jsdom|happy-dom]`.
 *
 * Matching is timed through Anchorer.locate (everything but building the DOM Range), cold (first
 * run, with JIT warm-up) and warm. `+ranges` times anchorAll with Ranges: microseconds each in a
 * browser, but ~0.4 ms in jsdom and more in happy-dom, whose setStart/setEnd walk the tree. The
 * peer comparison in real Chromium comes later; it can call `runAnchoringBench` with a factory
 * that parses into the browser's own documents.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Selector } from '@/storage/model/annotation';
import { Anchorer, TextIndex, anchorAll, describeIn } from '@/components/anchoring';
import { renderPage, rng, synthBlocks } from '../fixtures/anchoring-pages';

export interface CaseResult {
  name: string;
  count: number;
  right: number;
  wrong: number;
  orphan: number;
  /** First run in this process: includes JIT warm-up and the one-off text index build. */
  coldTotalMs: number;
  coldMaxMs: number;
  /** Median over WARM_RUNS further runs, each on a fresh text index (built inside the timing). */
  warmTotalMs: number;
  warmMaxMs: number;
  /** CPU time of the median warm run where the runtime can tell (Node): less inflated than
   * wall time when other processes share the machine. */
  warmCpuMs: number | undefined;
  /** anchorAll (index + matching + DOM Ranges), one warm run. */
  withRangesTotalMs: number;
  /** how each item anchored */
  methods: Record<string, number>;
}

export interface BenchReport {
  textLength: number;
  indexMs: number;
  cases: CaseResult[];
}

type Expect = { start: number; end: number } | null;

const WARM_RUNS = 5;
const now = (): number => performance.now();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Process CPU time in ms, where the runtime offers it (Node), for runs on a shared machine. */
function cpuNow(): number | undefined {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } })
    .process;
  const u = p?.cpuUsage?.();
  return u ? (u.user + u.system) / 1000 : undefined;
}

/** One pass: a fresh index (as a page load would build), then every item located in turn. */
function pass(root: Element, items: ReadonlyArray<{ selectors: Selector[] }>) {
  const c0 = cpuNow();
  const t0 = now();
  const anchorer = new Anchorer(new TextIndex(root), () => true);
  let max = 0;
  const located = items.map(({ selectors }) => {
    const s = now();
    const at = anchorer.locate(selectors);
    max = Math.max(max, now() - s);
    return at;
  });
  const total = now() - t0;
  const c1 = cpuNow();
  return { located, total, max, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0 };
}

function runCase(
  name: string,
  root: Element,
  items: ReadonlyArray<{ selectors: Selector[]; expect: Expect }>,
  tolerance: number,
): CaseResult {
  const cold = pass(root, items);
  const warm = Array.from({ length: WARM_RUNS }, () => pass(root, items));

  const t1 = now();
  anchorAll(
    root,
    items.map((i) => i.selectors),
  );
  const withRangesTotalMs = now() - t1;

  const out: CaseResult = {
    name,
    count: items.length,
    right: 0,
    wrong: 0,
    orphan: 0,
    coldTotalMs: cold.total,
    coldMaxMs: cold.max,
    warmTotalMs: median(warm.map((w) => w.total)),
    warmMaxMs: median(warm.map((w) => w.max)),
    warmCpuMs: warm[0]!.cpu === undefined ? undefined : median(warm.map((w) => w.cpu!)),
    withRangesTotalMs,
    methods: {},
  };
  cold.located.forEach((at, i) => {
    const want = items[i]!.expect;
    const method = at?.method ?? 'orphan';
    out.methods[method] = (out.methods[method] ?? 0) + 1;
    if (!at) out.orphan++;
    else if (
      want &&
      Math.abs(at.start - want.start) <= tolerance &&
      Math.abs(at.end - want.end) <= tolerance
    ) {
      out.right++;
    } else out.wrong++;
  });
  return out;
}

/** Random non-overlapping spans of `index.text` that start and end on non-whitespace. */
function spans(index: TextIndex, count: number, seed: number, minLen: number, maxLen: number) {
  const rand = rng(seed);
  const text = index.text;
  const taken: Array<[number, number]> = [];
  while (taken.length < count) {
    const len = minLen + Math.floor(rand() * (maxLen - minLen));
    const start = Math.floor(rand() * (text.length - len));
    const end = start + len;
    if (/\s/.test(text[start]!) || /\s/.test(text[end - 1]!)) continue;
    if (taken.some(([s, e]) => start < e + 64 && end + 64 > s)) continue;
    taken.push([start, end]);
  }
  return taken;
}

/**
 * Runs the three cases on documents made by `makeDocument` (fresh per case, since the one-char case
 * edits its page). Returns the numbers; printing is the caller's business.
 */
export function runAnchoringBench(makeDocument: (html: string) => Document): BenchReport {
  const html = renderPage(synthBlocks(200_000, 7));

  // 1. 500 saved quotes on an unchanged page, then the same quotes with positions dropped (the
  //    quote search alone, as the peer libraries do it) and with positions shifted by 50.
  const doc = makeDocument(html);
  const root = doc.getElementById('root')!;
  const ti = now();
  const index = new TextIndex(root);
  const indexMs = now() - ti;
  const saved = spans(index, 500, 11, 5, 120).map(([start, end]) => ({
    selectors: describeIn(index, index.rangeOf(start, end)!),
    expect: { start, end },
  }));
  const noPosition = saved.map((s) => ({
    ...s,
    selectors: s.selectors.filter((x) => x.type !== 'TextPositionSelector'),
  }));
  const shifted = saved.map((s) => ({
    ...s,
    selectors: s.selectors.map((x) =>
      x.type === 'TextPositionSelector' ? { ...x, start: x.start + 50, end: x.end + 50 } : x,
    ),
  }));
  const cases = [
    runCase('500 quotes, position valid', root, saved, 0),
    runCase('500 quotes, no position', root, noPosition, 0),
    runCase('500 quotes, position off by 50', root, shifted, 0),
  ];

  // 2. 100 quotes of 15–80 characters, each with one interior character replaced on the page.
  const edDoc = makeDocument(html);
  const edRoot = edDoc.getElementById('root')!;
  const edIndex = new TextIndex(edRoot);
  const rand = rng(5);
  const edited = spans(edIndex, 100, 23, 15, 80).map(([start, end]) => ({
    selectors: describeIn(edIndex, edIndex.rangeOf(start, end)!),
    expect: { start, end },
    at: start + 1 + Math.floor(rand() * (end - start - 2)),
  }));
  for (const e of edited) {
    const point = edIndex.pointAt(e.at, 'start')!;
    const data = point.node.data;
    const old = data[point.offset]!;
    point.node.data =
      data.slice(0, point.offset) + (old === '甲' ? '乙' : '甲') + data.slice(point.offset + 1);
  }
  // One edit can sit at a quote's first or last non-whitespace character after trimming; allow the
  // fuzzy edges a character of slack there, nothing more.
  cases.push(runCase('100 quotes, one character replaced', edRoot, edited, 1));

  // 3. 500 orphans: passages from another text drawn from the same character statistics, so their
  //    fragments do occur on the page (the hard case for a fragment filter), with their context.
  const other = makeDocument(renderPage(synthBlocks(200_000, 99)));
  const otherIndex = new TextIndex(other.getElementById('root')!);
  const orphans = spans(otherIndex, 500, 31, 5, 120).map(([start, end]) => ({
    selectors: describeIn(otherIndex, otherIndex.rangeOf(start, end)!),
    expect: null,
  }));
  cases.push(runCase('500 orphans', root, orphans, 0));

  return { textLength: index.text.length, indexMs, cases };
}

function format(report: BenchReport): string {
  const ms = (x: number, w: number) => `${x.toFixed(1)}`.padStart(w);
  const lines = [
    `page: ${report.textLength} characters; text index built in ${report.indexMs.toFixed(1)} ms`,
    'times in ms; cold = first run (JIT warm-up, index build), warm = median of ' +
      `${WARM_RUNS} runs, each with a fresh index (cpu: its process CPU time); ` +
      '+ranges = anchorAll with DOM Ranges',
    `${'case'.padEnd(36)} right wrong orphan | cold total   max | warm total   max    cpu | +ranges | methods`,
  ];
  for (const c of report.cases) {
    lines.push(
      `${c.name.padEnd(36)} ${String(c.right).padStart(5)} ${String(c.wrong).padStart(5)} ` +
        `${String(c.orphan).padStart(6)} | ${ms(c.coldTotalMs, 10)} ${ms(c.coldMaxMs, 5)} | ` +
        `${ms(c.warmTotalMs, 10)} ${ms(c.warmMaxMs, 5)} ${c.warmCpuMs === undefined ? '     -' : ms(c.warmCpuMs, 6)} | ` +
        `${ms(c.withRangesTotalMs, 7)} | ` +
        JSON.stringify(c.methods),
    );
  }
  return lines.join('\n');
}

async function makeDocumentFactory(dom: string): Promise<(html: string) => Document> {
  if (dom === 'happy-dom') {
    const { Window } = await import('happy-dom');
    return (html) => {
      const win = new Window();
      win.document.write(html);
      // happy-dom's Document type is its own class; it implements the DOM Document interface.
      return win.document as unknown as Document;
    };
  }
  // A variable specifier because jsdom ships no types here (@types/jsdom is not a dependency);
  // the shape used is declared right below.
  const specifier = 'jsdom';
  const { JSDOM } = (await import(specifier)) as {
    JSDOM: new (html: string) => { window: { document: Document } };
  };
  return (html) => new JSDOM(html).window.document;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dom = process.argv.find((a) => a.startsWith('--dom='))?.slice(6) ?? 'jsdom';
  const make = await makeDocumentFactory(dom);
  console.log(`DOM: ${dom}`);
  console.log(format(runAnchoringBench(make)));
}
