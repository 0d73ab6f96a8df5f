import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageKey } from '@/storage/model/page-key';
import { EXTENSION_DIR, seed, seedHtml } from './harness';
import { grantedScripts, keyboardSelect, loaderWorld, sourcemarkWorld, tabIdOf, waitForSourcemark } from './probes';
import { dragSelect, highlightTexts, noteFrame } from './select';
import { useHarness } from './use-harness';
import { sampleAnnotation } from '../support/sample-annotation';

/*
 * A site the reader granted (entrypoints/background/granted-sites.ts): at load only the loader
 * (entrypoints/granted-loader) runs there, listening for the reader's selection and nothing else;
 * the background injects the content script when the page has saved annotations (as the tab
 * finishes loading, or a change reaches it) or when the reader first selects something. The browser loads a copy of the
 * build whose manifest already grants the site, as after the options page's grant.
 */

const NEWS = seed('other-news.html');
const GRANTED = `${new URL(NEWS.url).origin}/*`;
const SENTENCE = '据瑞士通讯社报道，达沃斯所在的格劳宾登州警方表示，年会期间的安保工作总体平稳。';
const NOTE = '瑞士通讯社的原文在哪里？';

/** The seed news page at its own address per test (article `n`), so each starts with nothing saved. */
function newsAt(n: number): string {
  return NEWS.url.replace('10561234', String(10561234 + n));
}

const annotatorShown = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-sourcemark-ui="annotator"]').length);

describe('a site the reader granted', () => {
  const h = useHarness({ locale: 'zh-CN', grantHosts: [GRANTED] });
  beforeAll(async () => {
    for (let n = 0; n < 5; n++) h.serve(newsAt(n), seedHtml(NEWS.file));
    await grantedScripts(h);
  });

  /** A highlight of SENTENCE on `url`, saved from an extension page as another tab or an import would. */
  async function saveElsewhere(id: string, url: string): Promise<void> {
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    const saved = await popup.evaluate(
      (a) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'annotation.save', annotation: a }),
      sampleAnnotation({ id, pageKey: pageKey(url), url, site: 'chinanews.com.cn', selectors: [{ type: 'TextQuoteSelector', exact: SENTENCE, prefix: '', suffix: '' }] }),
    );
    expect(saved.ok).toBe(true);
    await popup.close();
  }

  it('is registered with the loader alone, a file of the build', async () => {
    const scripts = await grantedScripts(h);
    expect(scripts.map((s) => ({ matches: s.matches, js: s.js?.map((f) => f.replace(/^\//, '')), css: s.css ?? [] }))).toEqual([
      { matches: [GRANTED], js: ['granted-loader.js'], css: [] },
    ]);
    expect(fs.statSync(path.join(EXTENSION_DIR, 'granted-loader.js')).isFile()).toBe(true);
  });

  it("runs only the loader on a page with nothing saved; the popup shows the page as Sourcemark's with nothing on it", async () => {
    const page = await h.open(newsAt(0));
    expect(await loaderWorld(h, page)).toEqual({ loader: 'listening', started: false });
    expect(await annotatorShown(page)).toBe(0);
    // The popup answers for the loader (it listens for nothing): no "use it here" button.
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tab=${await tabIdOf(h, newsAt(0))}`);
    await expect.poll(() => popup.locator('main').innerText()).toContain('这一页还没有高亮');
    expect(await popup.getByRole('button', { name: '在此页使用 Sourcemark' }).count()).toBe(0);
    await popup.close();
    // So does the side panel: the page's (empty) outline, not "not running".
    const panel = await h.open(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${await tabIdOf(h, newsAt(0))}`);
    await expect.poll(() => panel.locator('body').innerText()).toContain('高亮与笔记（0）');
    expect(await panel.locator('body').innerText()).not.toContain('Sourcemark 没有在这个页面运行。');
    await panel.close();
    expect(await loaderWorld(h, page)).toEqual({ loader: 'listening', started: false });
    await page.close();
  });

  it('loads the content script on the first drag-selection, which gets the toolbar and saves a note that survives a reload', async () => {
    const page = await h.open(newsAt(1));
    await loaderWorld(h, page);
    expect(await dragSelect(page, NEWS.bodySelector, SENTENCE)).toBe(SENTENCE);
    await page.getByRole('button', { name: '笔记' }).click();
    await noteFrame(page).getByRole('textbox', { name: '笔记' }).fill(NOTE);
    await noteFrame(page).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE]);

    // Back with no gesture at all: the saved note's page gets the content script at load.
    await page.reload();
    const status = await waitForSourcemark(h, page);
    expect(status.highlights).toBe(1);
    expect(await highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE]);
    expect(await sourcemarkWorld(h, page)).toEqual({ injected: true, started: true });
    await page.locator('[data-sourcemark="highlight"]').first().click();
    await expect.poll(() => noteFrame(page).getByRole('dialog', { name: '笔记' }).innerText()).toContain(NOTE);
    await page.close();
  });

  it('paints highlights saved elsewhere (an import, another device) when the page loads, with no gesture', async () => {
    const url = newsAt(2);
    await saveElsewhere('5c4f1b7e-2a3d-4e6f-8a9b-0c1d2e3f4a5b', url);
    const page = await h.open(url);
    const status = await waitForSourcemark(h, page);
    expect(status.highlights).toBe(1);
    expect(await highlightTexts(page)).toEqual({ '5c4f1b7e-2a3d-4e6f-8a9b-0c1d2e3f4a5b': SENTENCE });
    await page.close();
  });

  it("ignores a page script's made-up selection, mouseup and shift keyup; the reader's own key then loads it", async () => {
    const page = await h.open(newsAt(3));
    await loaderWorld(h, page);
    await page.evaluate((selector) => {
      const p = document.querySelector(`${selector} p`)!;
      const range = document.createRange();
      range.selectNodeContents(p);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      for (const target of [p, document, window]) {
        target.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
        target.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true, composed: true }));
      }
    }, NEWS.bodySelector);
    // Read after the loader's timers ran: a gesture it took would have it asking, or started.
    expect(await loaderWorld(h, page)).toEqual({ loader: 'listening', started: false });
    expect(await annotatorShown(page)).toBe(0);
    // The same selection, ended by the reader's own Shift: the content script starts and offers its toolbar.
    expect(await keyboardSelect(page, `${NEWS.bodySelector} p`)).toContain('中新社日内瓦');
    await expect.poll(() => page.getByRole('button', { name: '高亮', exact: true }).count()).toBe(1);
    expect(await sourcemarkWorld(h, page)).toEqual({ injected: true, started: true });
    await page.close();
  });

  it('paints a highlight another tab saves for a page open with only the loader, with no gesture', async () => {
    const url = newsAt(4);
    const page = await h.open(url);
    expect(await loaderWorld(h, page)).toEqual({ loader: 'listening', started: false });
    await saveElsewhere('7d2e9a10-3b4c-4d5e-8f60-718293a4b5c6', url);
    await expect.poll(() => highlightTexts(page)).toEqual({ '7d2e9a10-3b4c-4d5e-8f60-718293a4b5c6': SENTENCE });
    await page.close();
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
  });
});
