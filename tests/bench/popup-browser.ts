/**
 * The popup with 10,000 annotations, in Chromium with the built extension: the library of
 * tests/bench/popup-data.ts is written into the extension's own IndexedDB, then popup.html is
 * opened several times and measured inside the page, with its own clock (ms since navigation
 * start):
 *  - peer: an empty extension page (no script, no style) opened just before each popup, in the
 *    same browser: what the browser spends on any extension page before our code can run;
 *  - DOMContentLoaded: the page parsed and the App's small module script run (the early script,
 *    loaded `async`, runs whenever it is fetched, usually before); then the first screenful: page
 *    headings in the DOM down to the bottom of the list's visible area, whoever draws them (the
 *    early script in plain DOM, entrypoints/popup-early); then the App's first render in its
 *    place (Preact: from then on every control works);
 *  - search keystrokes: the input event → the results for that query in the DOM. The first one is
 *    typed the moment the first screen is there (the library may still be loading), later ones
 *    over open results; and in a second opening the first keystroke typed one second after the
 *    first screen, as a reader who looks before typing. The popup has no debounce to subtract.
 *  - DOM rows: how many headings and items are in the document (windowed list).
 * The browser loads a copy of the build with one more file, the peer page, and intercepts no
 * request (the e2e harness answers extension files through Playwright's routing, which would
 * slow every script the popup loads).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { EXTENSION_DIR, chromePath, chromiumArgs } from '../e2e/harness';
import { quoteOf, type Annotation } from '@/storage/model/annotation';
import { makeLibrary } from './popup-data';
import { buildDigest } from '@/storage/db/digest';
import { buildPageRows } from '@/storage/db/page-row';

export interface PopupStat {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface PopupBrowserReport {
  annotations: number;
  pages: number;
  runs: number;
  fillMs: number;
  peer: PopupStat;
  scripts: PopupStat;
  firstRender: PopupStat;
  /** The first contentful paint (Paint Timing): the first screen on the screen, not only in the DOM. */
  firstPaint?: PopupStat;
  /** The App's (Preact's) first render, in place of the early screen: every control works. */
  appRender?: PopupStat;
  /** First render minus the peer, run by run: the popup's own part. */
  ownFirstRender: PopupStat;
  firstKeystroke: PopupStat;
  /** The first keystroke typed a second after the first screen (a reader looks before typing). */
  pausedKeystroke: PopupStat;
  laterKeystrokes: PopupStat;
  /** Headings + items in the DOM after the first render, and with 1,000 results open. */
  domRows: { firstScreen: number; results: number; resultsTotal: number };
  /** A note edit with the library stored, asked for by an extension page: the message, the
   * background's write (the record, its version and the search digest's shard), the answer. */
  noteEdit?: PopupStat;
  /** The search digest and the records, as JSON bytes (the stored size tracks these). */
  bytes?: { digest: number; records: number };
}

const COLD_QUERY = '匮缺的高科'; // one phrase in ten: 1,000 matches
/** Typed over the previous query, results open; each finds other annotations than the one before. */
const WARM_QUERIES = ['据知情', '美俄阿拉斯加', 'minister', '数据显示'];
const PEER_FILE = 'bench-peer.html';

function stats(name: string, xs: number[]): PopupStat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { name, medianMs: round(median), minMs: round(s[0]!), maxMs: round(s[s.length - 1]!) };
}

/** A copy of the build with the peer page in it (same origin, same process as the popup). */
function copyWithPeer(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bench-popup-ext-'));
  fs.cpSync(EXTENSION_DIR, dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, PEER_FILE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>peer</title></head><body><div id="app"></div></body></html>',
  );
  return dir;
}

/** DOMContentLoaded of the page, in ms since its navigation started. */
async function contentLoaded(page: Page): Promise<number> {
  const at = await page.waitForFunction(
    () => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav && nav.domContentLoadedEventStart > 0 ? nav.domContentLoadedEventStart : false;
    },
    undefined,
    { polling: 5, timeout: 60_000 },
  );
  return (await at.jsonValue()) as number;
}

/**
 * Watches every popup from its first line for its first screenful: page headings down to the
 * bottom of the scrolling `main` (the list fills what the reader sees), whatever way the popup
 * builds its list. A MutationObserver notes the time in the task that changed the DOM; polling
 * from outside would run only when the page's main thread is free again, and so would add
 * whatever the popup does next (reading the library) to the first screen.
 */
const WATCH_FIRST_SCREEN = () => {
  if (!location.pathname.endsWith('/popup.html')) return;
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  const watch = new MutationObserver(() => {
    const marks = window as unknown as { __firstScreen?: number; __appScreen?: number };
    const main = document.querySelector('main');
    const heads = document.querySelectorAll('.group-head');
    const last = heads[heads.length - 1];
    if (marks.__firstScreen === undefined && main && last && last.getBoundingClientRect().bottom >= main.getBoundingClientRect().bottom) {
      marks.__firstScreen = performance.now();
    }
    // The App's first render: an #app not marked as the early screen's (components/ui/popup/
    // early-screen.ts EARLY_ATTR), with the App's markup in it.
    const app = document.getElementById('app');
    if (marks.__firstScreen !== undefined && app && !app.hasAttribute('data-early-screen') && app.querySelector('main')) {
      marks.__appScreen = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true });
};

/** Milliseconds from navigation start to the popup's first screenful (see WATCH_FIRST_SCREEN). */
async function firstRender(page: Page): Promise<number> {
  const at = await page.waitForFunction(() => (window as unknown as { __firstScreen?: number }).__firstScreen ?? false, undefined, {
    polling: 10,
    timeout: 60_000,
  });
  return (await at.jsonValue()) as number;
}

/** Milliseconds from navigation start to the first contentful paint: the popup's first text on screen. */
async function firstPaint(page: Page): Promise<number> {
  const at = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false, undefined, {
    polling: 10,
    timeout: 60_000,
  });
  return (await at.jsonValue()) as number;
}

/** Milliseconds from navigation start to the App's first render (see WATCH_FIRST_SCREEN). */
async function appRender(page: Page): Promise<number> {
  const at = await page.waitForFunction(() => (window as unknown as { __appScreen?: number }).__appScreen ?? false, undefined, {
    polling: 10,
    timeout: 60_000,
  });
  return (await at.jsonValue()) as number;
}

const domRows = (page: Page) => page.evaluate(() => document.querySelectorAll('main .group-head, main li.item').length);

/**
 * Types `query` as one input event and resolves with the time until its results are shown: the
 * results say they are for this query (`data-query`), are not busy, and the status line counts them.
 */
function keystroke(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (query) =>
      new Promise<number>((resolve, reject) => {
        // No named inner functions: tsx would wrap them in a helper the page does not have.
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        if (!input) return reject(new Error('no search field in the popup'));
        let start = 0;
        const watch = new MutationObserver(() => {
          const results = document.querySelector('.results');
          const status = results?.querySelector('[role="status"]');
          if (
            results?.getAttribute('data-query') === query &&
            results.getAttribute('aria-busy') === 'false' &&
            /找到|没有找到/.test(status?.textContent ?? '')
          ) {
            watch.disconnect();
            resolve(performance.now() - start);
          }
        });
        watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        input.value = query;
        start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => reject(new Error(`no results for “${query}” after 60 s`)), 60_000);
      }),
    query,
  );
}

/** Headings + items a complete list of `query`'s results would have: what windowing leaves out. */
function rowsFor(library: readonly Annotation[], query: string): number {
  const found = library.filter((a) =>
    [quoteOf(a).exact, a.note, a.title, ...a.tags].some((field) => field.toLowerCase().includes(query.toLowerCase())),
  );
  return found.length + new Set(found.map((a) => a.pageKey)).size;
}

export async function runPopupBrowserBench(opts: { pages?: number; perPage?: number; runs?: number } = {}): Promise<PopupBrowserReport> {
  // Nine openings: single openings on this 2-core machine swing by tens of ms, the median less so.
  const { pages = 1000, perPage = 10, runs = 9 } = opts;
  const library = makeLibrary(pages, perPage);
  const extensionDir = copyWithPeer();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bench-popup-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    locale: 'zh-CN',
    args: chromiumArgs(extensionDir),
  });
  try {
    await context.addInitScript(WATCH_FIRST_SCREEN);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const url = `${origin}/popup.html`;
    // The popup opens the database first, so it exists with the extension's schema and indexes.
    const setup = await context.newPage();
    await setup.goto(url);
    await setup.waitForSelector('.empty', { timeout: 60_000 });
    const fillMs = await setup.evaluate(
      ({ list, shards, rows }) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const open = indexedDB.open('sourcemark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            // The search digest beside the records, as the extension's Dexie keeps it
            // (storage/db/digest-sync.ts); this fill writes with plain IndexedDB.
            // (A build from before the digest has no such store: it measures that build too.)
            // And the page rows beside them (storage/db/pages-sync.ts), from schema 6 on.
            const withDigest = db.objectStoreNames.contains('digest');
            const withPages = db.objectStoreNames.contains('pages');
            const tx = db.transaction(['annotations', ...(withDigest ? ['digest'] : []), ...(withPages ? ['pages'] : [])], 'readwrite');
            for (const a of list) tx.objectStore('annotations').put(a);
            if (withDigest) for (const s of shards) tx.objectStore('digest').put(s);
            if (withPages) for (const r of rows) tx.objectStore('pages').put(r);
            tx.oncomplete = () => {
              db.close();
              resolve(performance.now() - t0);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { list: library, shards: buildDigest(library), rows: buildPageRows(library) },
    );
    await setup.close();

    const peer: number[] = [];
    const scripts: number[] = [];
    const render: number[] = [];
    const paint: number[] = [];
    const app: number[] = [];
    const own: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const paused: number[] = [];
    let firstScreen = 0;
    let results = 0;
    // One untimed round first: the browser's first extension page pays for caches every later one shares.
    for (let run = -1; run < runs; run++) {
      const p = await context.newPage();
      await p.setViewportSize({ width: 420, height: 600 });
      await p.goto(`${origin}/${PEER_FILE}`, { waitUntil: 'commit' });
      const peerMs = await contentLoaded(p);
      await p.close();

      const page = await context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(url, { waitUntil: 'commit' });
      const renderMs = await firstRender(page);
      const screenRows = await domRows(page);
      const coldMs = await keystroke(page, COLD_QUERY);
      const appMs = await appRender(page);
      const paintMs = await firstPaint(page);
      const resultRows = await domRows(page);
      const warmMs: number[] = [];
      for (const q of WARM_QUERIES) warmMs.push(await keystroke(page, q));
      const scriptsMs = await contentLoaded(page);
      await page.close();

      const later = await context.newPage();
      await later.setViewportSize({ width: 420, height: 600 });
      await later.goto(url, { waitUntil: 'commit' });
      await firstRender(later);
      await later.waitForTimeout(1000);
      const pausedMs = await keystroke(later, COLD_QUERY);
      await later.close();
      if (run < 0) continue;
      paused.push(pausedMs);
      peer.push(peerMs);
      scripts.push(scriptsMs);
      render.push(renderMs);
      paint.push(paintMs);
      app.push(appMs);
      own.push(renderMs - peerMs);
      cold.push(coldMs);
      warm.push(...warmMs);
      firstScreen = Math.max(firstScreen, screenRows);
      results = Math.max(results, resultRows);
    }
    // After the popup runs, so that the edited notes change none of their searches.
    const editor = await context.newPage();
    // An extension page the background takes requests from (the peer page may send none).
    await editor.goto(`${origin}/options.html`);
    const edits = await editor.evaluate(async (ids) => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const times: number[] = [];
      for (const [i, id] of ids.entries()) {
        const t0 = performance.now();
        const res = (await chrome.runtime.sendMessage({ type: 'annotation.update', id, patch: { note: `改过的笔记 ${i}` } })) as { ok?: boolean };
        if (!res?.ok) throw new Error(`note edit failed: ${JSON.stringify(res)}`);
        times.push(performance.now() - t0);
      }
      return times;
    }, library.filter((_, i) => i % 499 === 7).map((a) => a.id));
    await editor.close();
    // Typed arrays (the digest's offsets) as JSON arrays of numbers, as JSON would hold them.
    const json = (x: unknown) => Buffer.byteLength(JSON.stringify(x, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v)));
    return {
      annotations: library.length,
      pages,
      runs,
      fillMs: Math.round(fillMs),
      peer: stats('peer: an empty extension page, navigation → DOMContentLoaded', peer),
      scripts: stats("popup: navigation → DOMContentLoaded (parsed, the App's loader script run)", scripts),
      firstRender: stats('popup: navigation → first screenful of page headings (the early script’s)', render),
      firstPaint: stats('popup: navigation → first contentful paint (the first screenful painted)', paint),
      appRender: stats("popup: navigation → the App's first render in its place (all controls work)", app),
      ownFirstRender: stats("popup's own part: first screenful − peer (run by run)", own),
      firstKeystroke: stats('search keystroke, the first, typed as the first screen shows → results', cold),
      pausedKeystroke: stats('search keystroke, the first, typed 1 s after the first screen → results', paused),
      laterKeystrokes: stats('search keystroke, results open → results', warm),
      domRows: { firstScreen, results, resultsTotal: rowsFor(library, COLD_QUERY) },
      noteEdit: stats(`a note edit, ${edits.length} of them: message → record, version and digest written → answer`, edits),
      bytes: { digest: json(buildDigest(library)), records: json(library) },
    };
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(extensionDir, { recursive: true, force: true });
  }
}
