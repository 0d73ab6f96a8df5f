/**
 * Snapshots end to end, on the desktop NetEase seed at its real address: the reader highlights a
 * sentence and Sourcemark keeps the article's text; the author edits a paragraph and the banner
 * says which and how; the article goes (a 404, then a deletion page) and the page offers the
 * reader's copy; the copy opens in a tab of its own with the highlight on the same words, the
 * claim marks, and no serious accessibility fault.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { pageKey } from '@/storage/model/page-key';
import { expectNoSeriousViolations } from './axe';
import { seed, seedHtml, type Harness } from './harness';
import { waitForSourcemark } from './probes';
import { dragSelect, highlightTexts } from './select';
import { useHarness } from './use-harness';

const desktop = seed('netease-hao-desktop.html');
const KEY = pageKey(desktop.url);
const SENTENCE = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
/** The paragraph the author edits: two characters of it, nothing else on the page. */
const EDITED_FROM = '2026年必然是危险的一年';
const EDITED_TO = '2026年或许是危险的一年';
/** What NetEase-style servers answer for an article that is not there. */
const NOT_FOUND = '<!doctype html><html><head><meta charset="utf-8"><title>404</title></head><body><h1>404</h1><p>页面不存在</p></body></html>';
const DELETED =
  '<!doctype html><html><head><meta charset="utf-8"><title>网易</title></head>' +
  '<body><div class="tip"><p>该内容已被删除</p><a href="https://www.163.com/">返回首页</a></div></body></html>';

/** The snapshot the background keeps for `key`, read from the extension's IndexedDB. */
function storedSnapshot(h: Harness, key: string): Promise<ArticleSnapshot | null> {
  return h.worker.evaluate(
    (key) =>
      new Promise<ArticleSnapshot | null>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('snapshots').objectStore('snapshots').get(key);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            resolve((get.result as ArticleSnapshot | undefined) ?? null);
            db.close();
          };
        };
      }),
    key,
  );
}

/** What the browser says the document's HTTP status was (0 where it does not know). */
function responseStatus(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
    return nav?.responseStatus ?? null;
  });
}

describe('a kept copy of an article, from the first highlight to the article gone', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let page: Page;
  let kept: ArticleSnapshot;
  beforeAll(async () => {
    h.serve(desktop.url, seedHtml(desktop.file));
    page = await h.open(desktop.url);
    await waitForSourcemark(h, page);
  });

  it('keeps the article text, hashed and dated, when the reader first highlights in it', async () => {
    expect(await storedSnapshot(h, KEY)).toBeNull();
    expect(await dragSelect(page, desktop.bodySelector, SENTENCE)).toBe(SENTENCE);
    await page.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE]);
    await expect.poll(() => storedSnapshot(h, KEY)).not.toBeNull();
    kept = (await storedSnapshot(h, KEY))!;
    expect(kept.url).toBe(desktop.url);
    expect(kept.account).toBe(desktop.account);
    expect(kept.paragraphs).toContain(SENTENCE);
    expect(kept.paragraphs.filter((p) => p.includes(EDITED_FROM))).toHaveLength(1);
    expect(kept.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports exactly the one paragraph the author changed, where and which words', async () => {
    const edited = seedHtml(desktop.file).replace(EDITED_FROM, EDITED_TO);
    expect(edited).not.toBe(seedHtml(desktop.file));
    h.serve(desktop.url, edited);
    await page.reload();
    const changes = page.locator('[data-sourcemark-ui="banner"] .changes');
    await expect.poll(() => changes.count()).toBe(1);
    expect(await changes.getAttribute('data-changed')).toBe('1');
    expect(await changes.getAttribute('data-added')).toBe('0');
    expect(await changes.getAttribute('data-removed')).toBe('0');
    const item = changes.locator('li[data-change]');
    expect(await item.count()).toBe(1);
    const index = String(kept.paragraphs.findIndex((p) => p.includes(EDITED_FROM)));
    expect(await item.getAttribute('data-change')).toBe('changed');
    expect(await item.getAttribute('data-before-index')).toBe(index);
    expect(await item.getAttribute('data-after-index')).toBe(index);
    expect(await item.locator('del').textContent()).toBe('必然');
    expect(await item.locator('ins').textContent()).toBe('或许');
    // The untouched paragraph keeps its highlight.
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE]);
  });

  it('says the article is gone when its address answers 404', async () => {
    await h.context.route(desktop.url, (route) =>
      route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND }),
    );
    try {
      await page.reload();
      // Chromium reports an intercepted response's status to the page as it reports a real one.
      expect(await responseStatus(page)).toBe(404);
      const gone = page.locator('[data-sourcemark-ui="banner"] .gone');
      await expect.poll(() => gone.count()).toBe(1);
      expect(await gone.getAttribute('data-gone')).toBe('404');
      // Only the notice: nothing of the article that is not there (its banner would list every
      // paragraph as removed).
      expect(await page.locator('[data-sourcemark-ui="banner"]').count()).toBe(1);
      expect(await page.locator('[data-sourcemark-ui="banner"] .changes').count()).toBe(0);
    } finally {
      await h.context.unroute(desktop.url);
    }
  });

  it('says the article is gone when the platform serves its deletion notice, and opens the copy', async () => {
    h.serve(desktop.url, DELETED);
    await page.reload();
    expect(await responseStatus(page)).toBe(200);
    const gone = page.locator('[data-sourcemark-ui="banner"] .gone');
    await expect.poll(() => gone.count()).toBe(1);
    expect(await gone.getAttribute('data-gone')).toBe('deleted-page');

    const opened = h.context.waitForEvent('page');
    await gone.getByRole('button', { name: '打开我的副本' }).click();
    const copy = await opened;
    await copy.waitForLoadState('load');
    expect(copy.url()).toBe(`chrome-extension://${h.extensionId}/snapshot.html?page=${encodeURIComponent(KEY)}`);
    // The text as it was kept, not as the author edited it.
    await expect.poll(() => copy.locator('.kept-body p').count()).toBe(kept.paragraphs.length);
    expect(await copy.locator('.kept-body p').allTextContents()).toEqual(kept.paragraphs);
    expect(await copy.locator('article h1').textContent()).toBe(kept.title);
    expect(await copy.locator('.integrity').getAttribute('data-intact')).toBe('true');
    expect(await copy.locator('.sha256').textContent()).toBe(kept.sha256);
    // The reader's highlight on exactly the words it was made on, and the claim marks.
    await expect.poll(() => highlightTexts(copy).then((t) => Object.values(t))).toEqual([SENTENCE]);
    expect(await copy.locator('.kept-body [data-sourcemark="claim"]').count()).toBeGreaterThan(5);
    expect(await copy.locator('.orphan').count()).toBe(0);
  });

  it('has no serious or critical accessibility fault on the snapshot page', async () => {
    const copy = h.context.pages().find((p) => p.url().includes('/snapshot.html'))!;
    // The whole document: its language, title and landmarks are checked too.
    const result = await expectNoSeriousViolations(copy, 'html');
    expect(result.passed.length).toBeGreaterThan(10);
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
