import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { seed, serveSeeds } from './harness';
import { tabIdOf, waitForSourcemark } from './probes';
import { useHarness } from './use-harness';

const article = seed('netease-hao-desktop.html');
/** Pages Sourcemark does not run on: a news site it does not know, and NetEase's own newsroom. */
const plain = [seed('other-news.html'), seed('netease-editorial.html')];

type ActionApi = {
  action: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getTitle(d: { tabId: number }): Promise<string>;
  };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
};

/** The toolbar button as tab `tabId` shows it, read in the service worker. */
function button(worker: Worker, tabId: number): Promise<{ text: string; title: string }> {
  return worker.evaluate(async (tabId) => {
    const { action } = (globalThis as unknown as { chrome: ActionApi }).chrome;
    return { text: await action.getBadgeText({ tabId }), title: await action.getTitle({ tabId }) };
  }, tabId);
}

/** How many claims the page marks: distinct `data-claim-index` (a claim may span several marks). */
function claimsOnPage(page: Page): Promise<number> {
  return page.evaluate(() => new Set(Array.from(document.querySelectorAll('[data-claim-index]'), (el) => el.getAttribute('data-claim-index'))).size);
}

describe('the toolbar button', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let page: Page;
  let tabId: number;
  beforeAll(async () => {
    serveSeeds(h);
    page = await h.open(article.url);
    await waitForSourcemark(h, page);
    tabId = await tabIdOf(h, article.url);
  });

  it("shows a self-media article's number of unsourced claims, and names the product in its title", async () => {
    const count = await claimsOnPage(page);
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => button(h.worker, tabId)).toEqual({ text: String(count), title: `网易号 · ${count} 处无出处说法` });
  });

  it('keeps it when the article moves within the page (pushState)', async () => {
    const before = await button(h.worker, tabId);
    await page.evaluate(() => history.pushState({}, '', `${location.pathname}?from=feed`));
    await page.waitForTimeout(500);
    await expect.poll(() => button(h.worker, tabId)).toEqual(before);
  });

  it.each(plain)('is plain again when the tab goes on to a page Sourcemark does not run on ($file)', async ({ url }) => {
    await page.goto(url, { waitUntil: 'load' });
    await expect.poll(() => button(h.worker, tabId)).toEqual({ text: '', title: 'Sourcemark' });
  });

  it('is plain in a tab that opened such a page', async () => {
    const other = await h.open(plain[0]!.url);
    await other.bringToFront();
    const id = await h.worker.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: ActionApi }).chrome;
      return (await tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    });
    expect(id).toBeTypeOf('number');
    expect(id).not.toBe(tabId);
    expect(await button(h.worker, id!)).toEqual({ text: '', title: 'Sourcemark' });
  });
});
