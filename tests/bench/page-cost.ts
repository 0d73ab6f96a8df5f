/**
 * The cost on the page: what the built extension adds to the main thread while a page loads, and
 * how long its longest task is. Two pages, each loaded with the extension and, as the peer, in a
 * Chromium without it, in the same run, `RUNS` times each, a Chromium performance trace recorded
 * over CDP for every load (Tracing, devtools.timeline categories) and summed by
 * tests/bench/trace-summary.ts:
 *
 *  - the seed 网易号 article (seeds/netease-hao-desktop.html), where the manifest injects the
 *    article script's loader (article-loader.js), which imports the article script (claims.js)
 *    as a module: nothing is saved for the page, so the annotator (content-script.js) is not loaded;
 *  - an ordinary news page (seeds/other-news.html, chinanews-like) on a site the reader granted:
 *    the background registers its loader there (entrypoints/granted-loader), as it does after the
 *    options page's grant (the browser loads a copy of the build whose manifest already grants the
 *    site, see tests/e2e/harness.ts `grantHosts`); nothing is saved for the page, so the loader is
 *    all it runs;
 *  - the same page at another address with one saved highlight: there the loader has the
 *    background inject the content script at load, which paints it.
 *
 * No script of the harness runs in the page while it is traced: each load is traced from the
 * navigation to SETTLE_MS after its load event, then Sourcemark is asked whether it ran and
 * finished (tests/e2e/probes.ts `waitForSourcemark`: the content script; `loaderWorld` where only
 * the loader should be: it ran, and loaded nothing), which it must have; with the saved highlight,
 * that it painted it.
 *
 * Also the sizes of what each page loads from the extension, and, on the 200,000-character bench
 * page (tests/bench/anchoring-page.ts), the longest task of anchoring 500 orphaned quotes and of
 * loading 500 saved highlights, in one task as before and in slices now.
 *
 *   npx tsx tests/bench/page-cost.ts      (prints the raw results as JSON)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION_DIR, chromePath, chromiumArgs, launch, seed, seedHtml, webAccessibleFiles } from '../e2e/harness';
import { grantedScripts, loaderWorld, waitForSourcemark } from '../e2e/probes';
import { pageKey } from '../../storage/model/page-key';
import { sampleAnnotation } from '../support/sample-annotation';
import { bundleEntry, openBenchPage } from './anchoring-browser';
import { buildPage, orphanQuotes, pickQuotes, type BenchItem } from './anchoring-page';
import type { Bench, SliceTimes } from './browser/anchoring-entry';
import { summariseLoad, type LoadCost, type TraceEvent } from './trace-summary';

const RUNS = 5;
/** After the load event: the content script's settings and highlights arrive well within this. */
const SETTLE_MS = 2_000;
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'v8.execute',
  'mojom',
].join(',');

const NEWS = seed('other-news.html');
const HAO = seed('netease-hao-desktop.html');
const GRANTED = `${new URL(NEWS.url).origin}/*`;
/** The news page at another address, with one saved highlight on this sentence. */
const NEWS_SAVED = NEWS.url.replace('10561234', '10561299');
const SAVED_SENTENCE = '据瑞士通讯社报道，达沃斯所在的格劳宾登州警方表示，年会期间的安保工作总体平稳。';
/**
 * What the background injects when a granted page's loader asks (storage/messaging/send-to-tab.ts
 * `injectIntoFrame`), besides the registered loader.
 */
const INJECTED = ['reader-asked.js', 'content-script.js', 'assets/content-script.css'];

export interface PageRow {
  page: string;
  url: string;
  /** Files of the extension the page loads, with their bytes (raw and gzip level 9). */
  files: Array<{ file: string; bytes: number; gzip: number }>;
  /** One summary per traced load. */
  withExtension: LoadCost[];
  peer: LoadCost[];
}

/** One way of doing the work: the run with the median longest task, and every run. */
export type Runs = SliceTimes & { runs: SliceTimes[] };

export interface SlicedRow {
  count: number;
  oneTask: Runs;
  sliced: Runs;
}

export interface PageCostReport {
  chromium: string;
  runs: number;
  settleMs: number;
  pages: PageRow[];
  orphans: SlicedRow & { same: boolean };
  highlights: SlicedRow & { painted: number };
}

const log = (s: string) => process.stderr.write(`[bench] page cost: ${s}\n`);

async function traceLoad(context: BrowserContext, url: string): Promise<{ events: TraceEvent[]; page: Page }> {
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // Trace events are plain objects; the protocol types them as a map of unknowns.
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { events, page };
}

/** A Chromium like the harness's, with no extension: the peer. */
async function launchPeer(pages: Map<string, string>): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-peer-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromePath(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(null),
  });
  await context.route('**/*', async (route) => {
    const body = pages.get(route.request().url());
    if (body !== undefined) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    else await route.abort('blockedbyclient');
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The extension's files a page gets: the manifest's content scripts at its URL and the script they
 * import (Chrome's article loader imports the article script, a web-accessible resource), or the
 * files the background registered for a granted site (and, where the page has saved annotations,
 * `INJECTED`).
 */
function loadedFiles(dir: string, files: string[] | null): PageRow['files'] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const imported = [...webAccessibleFiles(dir)].filter((f) => f.endsWith('.js'));
  const names = files ?? [...(manifest.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]), ...imported];
  return [...new Set(names)].map((file) => {
    const data = fs.readFileSync(path.join(dir, file));
    return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
}

/** The page loads alone (the table of page costs), on the build as it is. */
export async function loads(): Promise<{ pages: PageRow[]; chromium: string }> {
  // Chrome serves and compiles the article module as it would for a reader (tests/e2e/harness.ts).
  const h = await launch({ grantHosts: [GRANTED], browserServesImports: true });
  const html = new Map([
    [HAO.url, seedHtml(HAO.file)],
    [NEWS.url, seedHtml(NEWS.file)],
    [NEWS_SAVED, seedHtml(NEWS.file)],
  ]);
  for (const [url, body] of html) h.serve(url, body);
  const peer = await launchPeer(html);
  try {
    // The background registers the granted site's loader at start-up: wait until it has.
    const registered = (await grantedScripts(h)).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])].map((f) => f.replace(/^\//, '')));
    await saveHighlight(h);
    // The granting copy holds the build's files: the build's sizes are the ones reported.
    const dir = EXTENSION_DIR;
    const rows: PageRow[] = [
      { page: '网易号 article (seed)', url: HAO.url, files: loadedFiles(dir, null), withExtension: [], peer: [] },
      { page: 'ordinary news page, granted site (chinanews-like seed)', url: NEWS.url, files: loadedFiles(dir, registered), withExtension: [], peer: [] },
      { page: 'the same with a saved highlight', url: NEWS_SAVED, files: loadedFiles(dir, [...registered, ...INJECTED]), withExtension: [], peer: [] },
    ];
    // A first load of each, untraced: the disk cache and V8's code cache are warm for every run.
    for (const row of rows) {
      await (await h.open(row.url)).close();
      const p = await peer.context.newPage();
      await p.goto(row.url, { waitUntil: 'load' });
      await p.close();
    }
    for (let run = 0; run < RUNS; run++) {
      for (const row of rows) {
        log(`${row.url} run ${run + 1} of ${RUNS}`);
        const mine = await traceLoad(h.context, row.url);
        // Throws unless Sourcemark ran there and finished (settings, highlights, UI), or, where
        // only the loader should run, unless it ran and nothing more did.
        if (row.url === NEWS.url) {
          const world = await loaderWorld(h, mine.page, { timeout: 30_000 });
          if (world.started || world.loader !== 'listening') throw new Error(`more than the loader ran: ${JSON.stringify(world)}`);
        } else {
          const status = await waitForSourcemark(h, mine.page, { timeout: 30_000 });
          if (row.url === NEWS_SAVED && status.highlights !== 1) throw new Error(`the saved highlight was not painted: ${JSON.stringify(status)}`);
        }
        row.withExtension.push(summariseLoad(mine.events, row.url));
        await mine.page.close();
        const theirs = await traceLoad(peer.context, row.url);
        row.peer.push(summariseLoad(theirs.events, row.url));
        await theirs.page.close();
      }
    }
    const agent = await h.worker.evaluate(() => navigator.userAgent);
    return { pages: rows, chromium: /Chrome\/([\d.]+)/.exec(agent)?.[1] ?? agent };
  } finally {
    await peer.close();
    await h.close();
  }
}

/** Saves one highlight on NEWS_SAVED, as the reader's own pages would (an import, another device). */
async function saveHighlight(h: Awaited<ReturnType<typeof launch>>): Promise<void> {
  const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
  const annotation = sampleAnnotation({
    id: '6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
    pageKey: pageKey(NEWS_SAVED),
    url: NEWS_SAVED,
    site: 'chinanews.com.cn',
    selectors: [{ type: 'TextQuoteSelector', exact: SAVED_SENTENCE, prefix: '', suffix: '' }],
  });
  const answer = await popup.evaluate(
    (a) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'annotation.save', annotation: a }),
    annotation,
  );
  await popup.close();
  if (!answer.ok) throw new Error(`could not save the bench's highlight: ${JSON.stringify(answer)}`);
}

async function slicing(): Promise<{ orphans: PageCostReport['orphans']; highlights: PageCostReport['highlights'] }> {
  const built = buildPage();
  const quotes = pickQuotes(built.text, 500);
  const saved: BenchItem[] = quotes.map((quote) => ({ quote, expect: { start: quote.start, end: quote.end, text: quote.exact } }));
  const orphans = orphanQuotes(built.text, quotes);
  const { page, close } = await openBenchPage(built.html, await bundleEntry());
  try {
    log('500 orphans, one task and sliced…');
    const o = await page.evaluate(
      ({ items }) => (globalThis as unknown as { bench: Bench }).bench.sliced(items, 7),
      { items: orphans },
    );
    log('500 saved highlights loaded, one task and sliced…');
    const hl = await page.evaluate(
      ({ items }) => (globalThis as unknown as { bench: Bench }).bench.loadHighlights(items, 500, 5),
      { items: saved },
    );
    return { orphans: o, highlights: hl };
  } finally {
    await close();
  }
}

export async function runPageCostBench(): Promise<PageCostReport> {
  const { pages, chromium: version } = await loads();
  const { orphans, highlights } = await slicing();
  return { chromium: version, runs: RUNS, settleMs: SETTLE_MS, pages, orphans, highlights };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const report = await runPageCostBench();
  console.log(JSON.stringify(report, null, 2));
}
