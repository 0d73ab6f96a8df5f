/**
 * Anchoring and claim detection measured in Debian Chromium: bundles
 * tests/bench/browser/anchoring-entry.ts with esbuild, serves it with the generated article page
 * (tests/bench/anchoring-page.ts) at a fake https origin by request interception, and runs the
 * exact, orphan and fuzzy cases for Sourcemark and the peer libraries in the same page, then
 * detectClaims on the seed article and on 1 MB of article text.
 *
 * Plain Chromium, no extension: this measures the libraries, not the content script's wiring.
 *
 *   npx tsx tests/bench/anchoring-browser.ts      (prints the raw results as JSON)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { chromePath } from '../e2e/harness';
import { articleText, loadCorpus } from '../eval/score';
import {
  buildPage,
  editQuotes,
  orphanQuotes,
  pickQuotes,
  repeatedExact,
  type BenchItem,
} from './anchoring-page';
import type { Bench, Lib, LibResult, Run } from './browser/anchoring-entry';

const ORIGIN = 'https://bench.sourcemark.test';

export interface ClaimsRow {
  name: string;
  chars: number;
  iterations: number;
  medianMs: number;
  charsPerMs: number;
  claims: number;
}

export interface BrowserReport {
  chromium: string;
  isolatedClock: boolean;
  page: { chars: number; paragraphs: number; textNodes: number; quotes: number; repeatedExact: number };
  exact: LibResult[];
  orphans: LibResult[];
  fuzzy: LibResult[];
  fuzzyCount: number;
  /** Median ms of the work each `anchor()` call repeats: page walk, whitespace-free text, gram table. */
  setup: { walkMs: number; normMs: number; gramsMs: number; reps: number };
  /** Page load: anchoring and painting the first `count` saved quotes (see bench.paint). */
  paint: Array<{ count: number; method: 'in-order' | 'walk-each'; medianMs: number; painted: number }>;
  claims: ClaimsRow[];
  bundleBytes: number;
}

/** The bench page script as one IIFE. */
export async function bundleEntry(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'browser/anchoring-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    // ASCII output: whatever the libraries' literals hold reaches the page intact.
    charset: 'ascii',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const out = result.outputFiles?.[0];
  if (!out) throw new Error('esbuild wrote no bench bundle');
  return out.text;
}

/** ~1 MB of article text: every claims-corpus article, repeated (as tests/bench/claims.bench.ts). */
function claimTexts(): { seed: string; mb: string } {
  const articles = loadCorpus();
  const seed = articles.find((a) => a.id === 'seed');
  if (!seed) throw new Error('seed article missing from tests/corpus/claims');
  const all = articles.map((a) => articleText(a).text).join('\n');
  const parts: string[] = [];
  for (let n = 0; n < 1_000_000; n += all.length + 1) parts.push(all);
  return { seed: articleText(seed).text, mb: parts.join('\n').slice(0, 1_000_000) };
}

export async function openBenchPage(html: string, script: string): Promise<{ page: Page; close: () => Promise<void>; version: string }> {
  const browser = await chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-extensions', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Cross-origin isolation gives performance.now() its fine (5 µs) resolution.
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/article.html`) {
      await route.fulfill({ status: 200, headers, contentType: 'text/html; charset=utf-8', body: html });
    } else if (url === `${ORIGIN}/bench.js`) {
      await route.fulfill({ status: 200, headers, contentType: 'text/javascript; charset=utf-8', body: script });
    } else {
      await route.abort('blockedbyclient');
    }
  });
  await page.goto(`${ORIGIN}/article.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => 'bench' in globalThis);
  return { page, close: () => browser.close(), version: browser.version() };
}

type Call = 'exact' | 'orphans';

function call(page: Page, fn: Call, items: BenchItem[], runs: Run[]): Promise<LibResult[]> {
  return page.evaluate(
    ({ fn, items, runs }) => (globalThis as unknown as { bench: Bench }).bench[fn](items, runs),
    { fn, items, runs },
  );
}

export const LIBS: Lib[] = ['sourcemark', 'sourcemark-batched', 'apache', 'dtq'];
const ALL: Run[] = LIBS.map((lib) => ({ lib }));
/**
 * Orphans cost the peers a search of the whole page per quote, and dom-anchor-text-quote's bitap
 * about half a second each (500 would take four minutes). They are references here, not the
 * goal, so each peer gets the first ORPHAN_PEER_COUNT orphans, warmed up on a few of them (their
 * code is already warm from the exact case). Sourcemark gets all 500.
 */
export const ORPHAN_PEER_COUNT = 100;
const ORPHAN_RUNS: Run[] = LIBS.map((lib) =>
  lib.startsWith('sourcemark') ? { lib } : { lib, count: ORPHAN_PEER_COUNT, warmup: 10 },
);

export async function runBrowserBench(log: (s: string) => void = () => {}): Promise<BrowserReport> {
  const built = buildPage();
  const quotes = pickQuotes(built.text, 500);
  const exactItems: BenchItem[] = quotes.map((quote) => ({
    quote,
    expect: { start: quote.start, end: quote.end, text: quote.exact },
  }));
  const FUZZY = 100;
  const { items: fuzzyItems, edits } = editQuotes(built.text, quotes, FUZZY);
  const orphanItems = orphanQuotes(built.text, quotes);
  const script = await bundleEntry();

  const { page, close, version } = await openBenchPage(built.html, script);
  try {
    const check = await page.evaluate((t) => (globalThis as unknown as { bench: Bench }).bench.check(t), built.text);
    if (!check.ok) throw new Error(`bench page text differs from the generator's (${check.length} vs ${built.text.length} characters)`);

    log('anchoring: 500 saved quotes…');
    const exact = await call(page, 'exact', exactItems, ALL);
    log('anchoring: 500 orphans…');
    const orphans = await call(page, 'orphans', orphanItems, ORPHAN_RUNS);
    log('anchoring: 100 edited passages…');
    const fuzzy = await page.evaluate(
      ({ items, edits, runs }) => (globalThis as unknown as { bench: Bench }).bench.fuzzy(items, edits, runs),
      { items: fuzzyItems, edits, runs: ALL },
    );

    const setup = await page.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.setupCost(21));
    log('anchoring: painting saved highlights…');
    const paint = await page.evaluate(
      (items) => (globalThis as unknown as { bench: Bench }).bench.paint(items, [50, 500], 3),
      exactItems,
    );

    log('claims in Chromium…');
    const texts = claimTexts();
    const claims: ClaimsRow[] = [];
    for (const [name, text, iterations] of [
      ['seed article', texts.seed, 500],
      ['corpus x ~1 MB', texts.mb, 7],
    ] as const) {
      const r = await page.evaluate(
        ({ text, iterations }) => (globalThis as unknown as { bench: Bench }).bench.claims(text, iterations),
        { text, iterations },
      );
      claims.push({ name, ...r, charsPerMs: r.medianMs > 0 ? r.chars / r.medianMs : Infinity });
    }

    return {
      chromium: version,
      isolatedClock: check.isolated,
      page: {
        chars: built.text.length,
        paragraphs: built.paragraphs,
        textNodes: built.textNodes,
        quotes: quotes.length,
        repeatedExact: repeatedExact(built.text, quotes),
      },
      exact,
      orphans,
      fuzzy,
      fuzzyCount: FUZZY,
      setup,
      paint,
      claims,
      bundleBytes: script.length,
    };
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const report = await runBrowserBench((s) => console.error(s));
  console.log(JSON.stringify(report, null, 2));
}
