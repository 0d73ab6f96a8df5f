import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '@/storage/model/annotation';
import { seed, serveSeeds } from './harness';
import { waitForSourcemark } from './probes';
import { dragSelect, highlightTexts, noteFrame } from './select';
import { useHarness } from './use-harness';

/**
 * One article open in two tabs (its desktop and its mobile address: one page to Sourcemark). The
 * background is the only writer and tells every tab showing the page what changed, so a change in
 * one tab shows in the other without a reload, and a note edit changes no page's DOM at all.
 */
const desktop = seed('netease-hao-desktop.html');
const mobile = seed('netease-hao-mobile.html');
const SENTENCE = '俄军曾经匮缺的高科技军事资源开始快速补充';

/** The annotation ids painted in `page`, with their colours. */
const painted = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-sourcemark="highlight"]'), (el) => `${el.getAttribute('data-annotation-id')}:${el.getAttribute('data-color')}`),
  );

/** Counts every DOM mutation in the page's main world from now on. */
const watchMutations = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __mutations: number };
    w.__mutations = 0;
    new MutationObserver((records) => (w.__mutations += records.length)).observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
const mutations = (page: Page) => page.evaluate(() => (window as unknown as { __mutations: number }).__mutations);

describe('the same article in two tabs', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let a: Page;
  let b: Page;
  let id = '';

  beforeAll(async () => {
    serveSeeds(h);
    a = await h.open(desktop.url);
    b = await h.open(mobile.url);
    await waitForSourcemark(h, a);
    await waitForSourcemark(h, b);
    // Set in b's own world: gone if b were reloaded.
    await b.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  });

  const sameDocument = () => b.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  it('shows a highlight made in one tab in the other, without a reload', async () => {
    // The reader acts in the tab in front; the other one is in the background.
    await a.bringToFront();
    expect(await dragSelect(a, desktop.bodySelector, SENTENCE)).toBe(SENTENCE);
    await a.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(a).then((t) => Object.values(t))).toEqual([SENTENCE]);
    id = Object.keys(await highlightTexts(a))[0]!;
    await expect.poll(() => highlightTexts(b)).toEqual({ [id]: SENTENCE });
    expect(await sameDocument()).toBe(true);
  });

  it('recolours it in the other tab when it is recoloured in one', async () => {
    await a.bringToFront();
    await a.locator(`[data-annotation-id="${id}"]`).first().click();
    await noteFrame(a).getByRole('button', { name: '换颜色: 绿色' }).click();
    await expect.poll(() => painted(a).then((p) => [...new Set(p)])).toEqual([`${id}:green`]);
    await expect.poll(() => painted(b).then((p) => [...new Set(p)])).toEqual([`${id}:green`]);
    expect(await sameDocument()).toBe(true);
  });

  it("changes no page's DOM when the popup edits the note, yet both pages know the new note", async () => {
    await watchMutations(a);
    await watchMutations(b);
    const before = [(await waitForSourcemark(h, a)).revision as number, (await waitForSourcemark(h, b)).revision as number];
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    const reply = (await popup.evaluate(
      (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      { type: 'annotation.update', id, patch: { note: '从弹出窗口改的笔记' } },
    )) as { ok: boolean; data: { annotation: Annotation } };
    expect(reply.ok).toBe(true);
    // The positive signal: each page has applied one more notice.
    await expect.poll(async () => (await waitForSourcemark(h, a)).revision).toBe(before[0]! + 1);
    await expect.poll(async () => (await waitForSourcemark(h, b)).revision).toBe(before[1]! + 1);
    expect(await mutations(a)).toBe(0);
    expect(await mutations(b)).toBe(0);
    // And the note is the new one where the reader looks (opening the popover does change the DOM).
    await b.locator(`[data-annotation-id="${id}"]`).first().click();
    await expect.poll(() => noteFrame(b).getByRole('dialog', { name: '笔记' }).innerText()).toContain('从弹出窗口改的笔记');
    await b.keyboard.press('Escape');
    await popup.close();
  });

  it('removes it from the other tab when it is deleted in one', async () => {
    await a.bringToFront();
    await a.keyboard.press('Escape');
    await a.locator(`[data-annotation-id="${id}"]`).first().click();
    await noteFrame(a).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => highlightTexts(a)).toEqual({});
    await expect.poll(() => highlightTexts(b)).toEqual({});
    expect(await b.locator(mobile.bodySelector).innerText()).toContain(SENTENCE);
    expect(await sameDocument()).toBe(true);
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
