import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { groupLibrary } from '@/components/listing/list-rows';
import { buildDigest, digestRowOf } from '@/storage/db/digest';
import { buildPageRows } from '@/storage/db/page-row';
import { makeLibrary } from '../bench/popup-data';
import { useHarness } from './use-harness';

// 1,200 annotations on 120 pages: far more rows than a 600 px popup shows.
const library = makeLibrary(120, 10);
const { pages, byPage } = groupLibrary(library.map(digestRowOf));
// Written beside the records as the extension's Dexie would (storage/db/digest-sync.ts): this
// test writes with plain IndexedDB.
const digest = buildDigest(library);
const newest = pages[0]!;
const oldest = pages[pages.length - 1]!;

const headings = (p: Page) => p.locator('main .group-head');

describe('the popup with a large library', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let popup: Page;
  beforeAll(async () => {
    const url = `chrome-extension://${h.extensionId}/popup.html`;
    const setup = await h.open(url);
    await setup.waitForSelector('.empty');
    await setup.evaluate(
      ({ list, shards, rows }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('sourcemark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            // With the tables the extension keeps beside the records (written here as its Dexie would).
            const tx = open.result.transaction(['annotations', 'digest', 'pages'], 'readwrite');
            for (const a of list) tx.objectStore('annotations').put(a);
            for (const s of shards) tx.objectStore('digest').put(s);
            for (const r of rows) tx.objectStore('pages').put(r);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { list: library, shards: digest, rows: buildPageRows(library) },
    );
    await setup.close();
    popup = await h.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(url);
  });

  /** A popup whose App module is held back until `release`: its early screen stays meanwhile. */
  async function popupWithAppHeld(): Promise<{ early: Page; release: () => void }> {
    const early = await h.context.newPage();
    await early.setViewportSize({ width: 420, height: 600 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await early.route(/\/chunks\/mount-[^/]+\.js$/, async (route) => {
      await held;
      await route.fallback();
    });
    await early.goto(`chrome-extension://${h.extensionId}/popup.html`);
    return { early, release };
  }

  it('lists the most recently changed page first and puts only the rows in view in the document', async () => {
    await expect.poll(() => headings(popup).first().innerText()).toContain(newest.title);
    await expect.poll(() => popup.locator('main .group-head', { hasText: '10 条' }).count()).toBeGreaterThan(5);
    expect(await headings(popup).count()).toBeLessThan(40);
    expect(await popup.locator('main .group-head', { hasText: oldest.title }).count()).toBe(0);
  });

  it('shows later pages as the list scrolls, and lets the first ones go', async () => {
    // The early screen (components/ui/popup/early-screen.ts) holds the first pages only; the
    // App's windowed list, which holds them all, is in place once #app no longer says it is early.
    await popup.waitForSelector('#app:not([data-early-screen]) main .group-head');
    // Scrolled to the bottom again on each try: until the App has grouped the whole library (when
    // idle), its list holds the first pages only, and their bottom is not the library's.
    await expect
      .poll(async () => {
        await popup.locator('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
        return popup.locator('main .group-head', { hasText: oldest.title }).count();
      })
      .toBe(1);
    expect(await popup.locator('main .group-head', { hasText: newest.title }).count()).toBe(0);
    await popup.locator('main').evaluate((m) => m.scrollTo(0, 0));
    await expect.poll(() => popup.locator('main .group-head', { hasText: newest.title }).count()).toBe(1);
  });

  it('finds an annotation of the oldest page by its words', async () => {
    const target = byPage.get(oldest.pageKey)![2]!;
    const words = target.quote.slice(-8);
    await popup.getByRole('searchbox').fill(words);
    await expect.poll(() => popup.locator('.results [role="status"]').innerText()).toBe('找到 1 条');
    expect(await popup.locator(`.results li.item[data-annotation-id="${target.id}"] .quote`).innerText()).toBe(target.quote);
    await popup.getByRole('searchbox').fill('');
    await expect.poll(() => headings(popup).first().innerText()).toContain(newest.title);
  });

  it('answers a search typed before the App has loaded, and keeps its results when the App takes over', async () => {
    // The early screen (components/ui/popup/early-screen.ts) is still the popup while the reader types.
    const { early, release } = await popupWithAppHeld();
    await early.waitForSelector('#app[data-early-screen] main .group-head');
    const target = byPage.get(oldest.pageKey)![2]!;
    const words = target.quote.slice(-8);
    await early.getByRole('searchbox').fill(words);
    const answered = early.locator('#app[data-early-screen] .results[aria-busy="false"]');
    await expect.poll(() => answered.locator('[role="status"]').innerText()).toBe('找到 1 条');
    expect(await answered.locator(`li.item[data-annotation-id="${target.id}"] .quote`).innerText()).toBe(target.quote);
    expect(await answered.locator('.group-title').innerText()).toBe(oldest.title);

    release();
    await early.waitForSelector('#app:not([data-early-screen]) .results[aria-busy="false"]');
    expect(await early.locator('.results [role="status"]').innerText()).toBe('找到 1 条');
    expect(await early.locator(`.results li.item[data-annotation-id="${target.id}"] .quote`).innerText()).toBe(target.quote);
    expect(await early.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(words);
    await early.close();
  });

  it('opens a page whose heading was pressed on the early screen and released once the App took its place', async () => {
    const { early, release } = await popupWithAppHeld();
    await early.waitForSelector('#app[data-early-screen] main .group-toggle');
    const box = await early.evaluate(() => {
      const r = document.querySelector('#app[data-early-screen] main .group-toggle')!.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    await early.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await early.mouse.down();
    release();
    await early.waitForSelector('#app:not([data-early-screen]) main .group-head');
    await early.mouse.up();
    const first = byPage.get(newest.pageKey)![0]!;
    await expect.poll(() => early.locator(`li.item[data-annotation-id="${first.id}"]`).count()).toBe(1);
    expect(await early.locator('main .group-toggle').first().getAttribute('aria-expanded')).toBe('true');
    await early.close();
  });

  it('reaches the rows by keyboard: a heading opens with Enter and Tab walks on into its annotations', async () => {
    await popup.getByRole('searchbox').focus();
    for (let i = 0; i < 30; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.classList.contains('group-toggle') ?? false)) break;
    }
    const focused = () => popup.evaluate(() => document.activeElement?.closest('section.group')?.getAttribute('data-page-key') ?? null);
    expect(await focused()).toBe(newest.pageKey);
    await popup.keyboard.press('Enter');
    const first = byPage.get(newest.pageKey)![0]!;
    await expect.poll(() => popup.locator(`li.item[data-annotation-id="${first.id}"]`).count()).toBe(1);
    // Past the open page's buttons (3 per annotation) to the following pages: the list keeps up.
    for (let i = 0; i < 60; i++) await popup.keyboard.press('Tab');
    const at = await focused();
    expect(at).not.toBeNull();
    expect(pages.findIndex((p) => p.pageKey === at)).toBeGreaterThan(10);
    expect(await popup.locator('main').evaluate((m) => m.scrollTop)).toBeGreaterThan(0);
  });

  it('renders the rows below the one keyboard focus reached before the next frame, so Tab cannot walk off the list', async () => {
    await popup.locator('main').evaluate((m) => m.scrollTo(0, 0));
    await expect.poll(() => popup.locator('main .group-head', { hasText: newest.title }).count()).toBe(1);
    // Focus and the checks in one task: no frame (and so no scroll event) comes between them.
    const seen = await popup.evaluate(async () => {
      const list = document.querySelector('main .vlist')!;
      const focusable = () => [...list.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
      const before = focusable();
      const last = before[before.length - 1]!;
      last.focus();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const after = focusable();
      return { rendered: before.length, kept: document.activeElement === last, below: after.length - after.indexOf(last) - 1 };
    });
    expect(seen.rendered).toBeGreaterThan(10);
    expect(seen.kept).toBe(true);
    expect(seen.below).toBeGreaterThan(5);
  });

  it('deletes from the list, and undo brings the annotation back', async () => {
    await popup.locator('main').evaluate((m) => m.scrollTo(0, 0));
    // Not the page's newest: deleting that would move the page down the list.
    const id = byPage.get(newest.pageKey)![1]!.id;
    const item = popup.locator(`li.item[data-annotation-id="${id}"]`);
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => popup.locator('main .group-head', { hasText: newest.title }).first().innerText()).toContain('9 条');
    expect(await item.count()).toBe(0);
    await popup.locator('.toast').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => item.count()).toBe(1);
    expect(await popup.locator('main .group-head', { hasText: newest.title }).first().innerText()).toContain('10 条');
    // The list holds only what it shows; undo put back the whole record, selectors and all.
    const stored = await popup.evaluate(
      (key) =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('sourcemark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('annotations').objectStore('annotations').get(key);
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result);
            };
          };
        }),
      id,
    );
    expect(stored).toEqual(library.find((a) => a.id === id));
  });
});
