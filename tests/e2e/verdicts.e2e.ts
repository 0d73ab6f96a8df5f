import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seed, serveSeeds } from './harness';
import { tabIdOf, waitForSourcemark } from './probes';
import { noteFrame } from './select';
import { useHarness } from './use-harness';
import { JsonTestSuite, WPT_ANNOTATION_MODEL } from '../unit/wpt-jsontest';

const desktop = seed('netease-hao-desktop.html');
const TIP = '[data-sourcemark-ui="claim-tip"]';
const NOTE = '官方已辟谣：<b>没有</b>所谓密约';
const EVIDENCE = 'https://www.piyao.org.cn/2025-08/20/c_1131.htm';

/** A claim mark's number and its sentence as the page shows it. */
async function claimWith(page: Page, cue: string): Promise<{ index: number; sentence: string }> {
  const index = Number(await page.locator('[data-sourcemark="claim"]', { hasText: cue }).first().getAttribute('data-claim-index'));
  const sentence = await page.evaluate(
    (i) => Array.from(document.querySelectorAll(`[data-sourcemark="claim"][data-claim-index="${i}"]`)).map((el) => el.textContent).join(''),
    index,
  );
  return { index, sentence };
}

const verdictOn = (page: Page, index: number) =>
  page.locator(`[data-sourcemark="claim"][data-claim-index="${index}"]`).first().getAttribute('data-sourcemark-verdict');

/** Every annotation, read through the service worker's database. */
async function stored(h: { worker: { evaluate<T>(fn: () => Promise<T>): Promise<T> } }) {
  return h.worker.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('annotations').objectStore('annotations').getAll();
          req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

describe('a verdict on a claim, from its tooltip', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let page: Page;
  let first: { index: number; sentence: string };
  let second: { index: number; sentence: string };
  beforeAll(async () => {
    serveSeeds(h);
    page = await h.open(desktop.url);
    await waitForSourcemark(h, page);
    first = await claimWith(page, '可以确定');
    second = await claimWith(page, '约500架');
  });

  it('records "false" by mouse, then a note and an evidence link in the editor that shows the passage', async () => {
    await page.locator(`[data-sourcemark="claim"][data-claim-index="${first.index}"]`).first().hover();
    await page.locator(`${TIP} button.verdict[data-verdict="false"]`).click();
    await expect.poll(() => verdictOn(page, first.index)).toBe('false');
    // The mark names its verdict for the icon's text alternative.
    const last = page.locator(`[data-sourcemark="claim"][data-claim-index="${first.index}"]`).last();
    expect(await last.getAttribute('data-verdict-label')).toBe('不实');

    await page.locator(`[data-sourcemark="claim"][data-claim-index="${first.index}"]`).first().hover();
    await page.locator(`${TIP} button.assess`).click();
    const frame = noteFrame(page);
    await expect.poll(() => frame.locator('blockquote').innerText()).toBe(first.sentence);
    expect(await frame.getByRole('radio', { name: /不实/ }).isChecked()).toBe(true);
    expect(await frame.locator('.keys').innerText()).toBe('Ctrl+Enter 保存 · Esc 取消');
    await frame.getByRole('textbox', { name: '笔记' }).fill(NOTE);
    await frame.getByRole('textbox', { name: '证据链接（每行一个）' }).fill(EVIDENCE);
    await frame.getByRole('textbox', { name: '证据链接（每行一个）' }).press('Control+Enter');
    await expect.poll(() => page.locator('[data-sourcemark-ui="annotator"] iframe.note-frame').count()).toBe(0);

    const mine = (await stored(h)).filter((a) => (a.assessment as { claim?: unknown } | undefined)?.claim);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ note: NOTE, assessment: { verdict: 'false', evidence: [EVIDENCE], claim: { category: expect.any(String) } } });
  });

  it('records a verdict by keyboard: focus the mark, Enter, arrows, Enter', async () => {
    await page.locator(`[data-sourcemark="claim"][data-claim-index="${second.index}"]`).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.activeElement?.getAttribute('data-verdict') ?? null, TIP)).toBe('unchecked');
    // unchecked → needs-source → supported → false → misleading
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => verdictOn(page, second.index)).toBe('misleading');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-claim-index'))).toBe(String(second.index));
  });

  it('keeps both after a reload, on the same claims', async () => {
    await page.reload();
    await waitForSourcemark(h, page);
    await expect.poll(() => verdictOn(page, first.index)).toBe('false');
    expect(await verdictOn(page, second.index)).toBe('misleading');
    expect(await page.locator('[data-sourcemark="claim"][data-sourcemark-verdict]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-claim-index'))).size)).toBe(2);
  });

  it('shows them in the side panel and the popup', async () => {
    const tab = await tabIdOf(h, desktop.url);
    const panel = await h.open(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tab}`);
    const item = panel.locator(`li.claim[data-claim-index="${first.index}"]`);
    await expect.poll(() => item.getAttribute('data-verdict')).toBe('false');
    expect(await item.locator('.note').innerText()).toBe(NOTE);
    expect(await item.locator('ul.evidence a').getAttribute('href')).toBe(EVIDENCE);
    expect(await panel.locator(`li.claim[data-claim-index="${second.index}"]`).getAttribute('data-verdict')).toBe('misleading');
    await panel.close();

    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tab=${tab}`);
    await expect.poll(() => popup.locator('.this-page .verdict-chip').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('不实'), expect.stringContaining('误导')]));
    await popup.close();
  });

  it('exports them as W3C "assessing" annotations that pass the model\'s MUSTs, and imports them back whole', async () => {
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: '全部' }).click();
    await popup.locator('details.export summary').click();
    await popup.getByRole('radio', { name: /JSON-LD/ }).check();
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: '下载' }).click();
    const text = fs.readFileSync(await (await download).path(), 'utf8');
    const doc = JSON.parse(text) as { '@context': string; first: { items: Record<string, unknown>[] }; sourcemark?: { snapshots: unknown[] } };
    const assessing = doc.first.items.filter((i) => i.motivation === 'assessing');
    expect(assessing).toHaveLength(2);
    const falseOne = assessing.find((i) => (i.body as { purpose: string; value?: string }[]).some((b) => b.purpose === 'assessing' && b.value === 'false'))!;
    expect(falseOne.body).toEqual(
      expect.arrayContaining([
        { type: 'TextualBody', value: 'false', format: 'text/plain', purpose: 'assessing' },
        { type: 'TextualBody', value: NOTE, format: 'text/plain', purpose: 'commenting' },
        { type: 'SpecificResource', source: EVIDENCE, purpose: 'linking' },
      ]),
    );
    expect((falseOne.target as { selector: { type: string; exact?: string }[] }).selector).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'TextQuoteSelector', exact: first.sentence })]),
    );
    // The article's text was kept when the reader first assessed it: the export carries it.
    expect(doc.sourcemark?.snapshots).toHaveLength(1);
    const musts = new JsonTestSuite(WPT_ANNOTATION_MODEL).load('annotations/annotationMusts.test');
    for (const item of assessing) {
      const failed = musts.run({ '@context': doc['@context'], ...item }).filter((r) => r.outcome === 'fail');
      expect(failed.map((f) => f.errorMessage)).toEqual([]);
    }

    // Delete everything, then import the file: the verdicts come back on the same marks.
    const before = await stored(h);
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    // The options page's "delete all", as its own request (the button asks to confirm first).
    await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'data.deleteAll' }));
    await expect.poll(() => verdictOn(page, first.index)).toBe(null);
    await options.locator('input[type="file"]').setInputFiles({ name: 'verdicts.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(text) });
    await options.getByRole('button', { name: /导入/ }).last().click();
    await expect.poll(() => options.locator('.import').innerText()).toContain('已导入');
    const after = await stored(h);
    const byId = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(after)).toEqual(byId(before));
    await expect.poll(() => verdictOn(page, first.index)).toBe('false');
    expect(await verdictOn(page, second.index)).toBe('misleading');
    await options.close();
    await popup.close();
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
