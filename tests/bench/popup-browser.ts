/**
 * The popup with 10,000 annotations, in Chromium with the built extension (tests/e2e/harness.ts):
 * the library of tests/bench/popup-data.ts is written into the extension's own IndexedDB, then
 * popup.html is opened several times and measured inside the page, with its own clock:
 *  - first render: navigation start → the first 50 page groups in the DOM (Dexie opening the
 *    database, the query, Preact's render);
 *  - search keystroke: the input event → the results in the DOM, minus the popup's 150 ms
 *    debounce; the first keystroke of a search (the popup reads the table then) and a later
 *    one while the results are open (the query changed, the table held in memory).
 * The DOM is watched with a MutationObserver, so the time is when the page changed, not when a
 * poll noticed it.
 */
import type { Page } from 'playwright-core';
import { launch } from '../e2e/harness';
import { makeLibrary } from './popup-data';

export interface PopupBrowserReport {
  annotations: number;
  pages: number;
  runs: number;
  fillMs: number;
  rows: { name: string; medianMs: number; minMs: number; maxMs: number }[];
}

/** The popup's debounce (components/ui/popup/AllAnnotations.tsx), subtracted from keystrokes. */
const DEBOUNCE_MS = 150;
const GROUPS = 50;
const COLD_QUERY = '匮缺的高科'; // one phrase in ten: 1,000 matches
/** Typed over the previous query, results open. Each finds other annotations than the one
 * before, so the list changes and the change can be seen. */
const WARM_QUERIES = ['据知情', '美俄阿拉斯加', 'minister', '数据显示'];

function stats(name: string, xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { name, medianMs: round(median), minMs: round(s[0]!), maxMs: round(s[s.length - 1]!) };
}

/** Milliseconds from navigation start until the popup shows `GROUPS` page groups. */
async function firstRender(page: Page): Promise<number> {
  const at = await page.waitForFunction(
    (n) => document.querySelectorAll('section.group').length >= n && performance.now(),
    GROUPS,
    { polling: 1, timeout: 60_000 },
  );
  return (await at.jsonValue()) as number;
}

/**
 * Types `query` as one input event and resolves with the time until the results are shown (the
 * status line says how many were found and the list is no longer busy), debounce excluded.
 */
function keystroke(page: Page, query: string): Promise<number> {
  return page.evaluate(
    ({ query, debounce }) =>
      new Promise<number>((resolve, reject) => {
        // No named inner functions: tsx would wrap them in a helper the page does not have.
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        if (!input) return reject(new Error('no search field in the popup'));
        let start = 0;
        const watch = new MutationObserver(() => {
          const status = document.querySelector('.results [role="status"]');
          const busy = document.querySelector('.results')?.getAttribute('aria-busy');
          // Results shown before the debounce ran out are the previous query's.
          const waited = start > 0 && performance.now() - start >= debounce;
          if (waited && status && /找到|没有找到/.test(status.textContent ?? '') && busy === 'false') {
            const ms = performance.now() - start - debounce;
            watch.disconnect();
            resolve(ms);
          }
        });
        watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        input.value = query;
        start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => reject(new Error(`no results for “${query}” after 60 s`)), 60_000);
      }),
    { query, debounce: DEBOUNCE_MS },
  );
}

export async function runPopupBrowserBench(opts: { pages?: number; perPage?: number; runs?: number } = {}): Promise<PopupBrowserReport> {
  const { pages = 1000, perPage = 10, runs = 5 } = opts;
  const library = makeLibrary(pages, perPage);
  const h = await launch();
  try {
    const url = `chrome-extension://${h.extensionId}/popup.html`;
    // The popup opens the database first, so it exists with the extension's schema and indexes.
    const setup = await h.open(url);
    await setup.waitForSelector('.empty', { timeout: 60_000 });
    const fillMs = await setup.evaluate(
      (list) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const open = indexedDB.open('sourcemark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('annotations', 'readwrite');
            for (const a of list) tx.objectStore('annotations').put(a);
            tx.oncomplete = () => {
              db.close();
              resolve(performance.now() - t0);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      library,
    );
    await setup.close();

    const render: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(url, { waitUntil: 'commit' });
      render.push(await firstRender(page));
      cold.push(await keystroke(page, COLD_QUERY));
      for (const q of WARM_QUERIES) warm.push(await keystroke(page, q));
      await page.close();
    }
    return {
      annotations: library.length,
      pages,
      runs,
      fillMs: Math.round(fillMs),
      rows: [
        stats(`first render: ${GROUPS} page groups (open database, query, render)`, render),
        stats('search keystroke, the first of a search, to results', cold),
        stats('search keystroke, results already open, to results', warm),
      ],
    };
  } finally {
    await h.close();
  }
}
