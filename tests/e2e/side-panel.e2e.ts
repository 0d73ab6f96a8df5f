import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seed, serveSeeds } from './harness';
import { tabIdOf, waitForSourcemark } from './probes';
import { dragSelect, highlightTexts, noteFrame } from './select';
import { useHarness } from './use-harness';
import { expectNoSeriousViolations } from './axe';
import fs from 'node:fs';

const desktop = seed('netease-hao-desktop.html');
const SENTENCE = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
/**
 * Polled finely so the log's figure is close to the real delay. Speed is not asserted here (the
 * machine's load would make that flaky): the wait is generous and the delay is printed instead.
 */
const LIVE = { interval: 25, timeout: 5_000 };

/** The page's claims as the marks show them: index → the sentence's text, in page order. */
function claimsOnPage(page: Page): Promise<{ index: number; text: string }[]> {
  return page.evaluate(() => {
    const byIndex = new Map<number, string>();
    for (const el of Array.from(document.querySelectorAll('[data-sourcemark="claim"]'))) {
      const i = Number(el.getAttribute('data-claim-index'));
      byIndex.set(i, (byIndex.get(i) ?? '') + el.textContent);
    }
    return [...byIndex].map(([index, text]) => ({ index, text }));
  });
}

describe('the side panel, opened for a tab', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let page: Page;
  let panel: Page;
  beforeAll(async () => {
    serveSeeds(h);
    page = await h.open(desktop.url);
    await waitForSourcemark(h, page);
    panel = await h.open(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${await tabIdOf(h, desktop.url)}`);
  });

  it("lists the page's claims in page order, with their category and sentence", async () => {
    const onPage = await claimsOnPage(page);
    expect(onPage.length).toBeGreaterThan(5);
    await expect.poll(() => panel.locator('li.claim').count()).toBe(onPage.length);
    const listed = await panel.locator('li.claim').evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.getAttribute('data-claim-index')), text: el.querySelector('.sentence')!.textContent })),
    );
    expect(listed).toEqual(onPage);
    expect(await panel.locator('li.claim .cat').first().innerText()).toMatch(/来源模糊|无据断言|无出处数字/);
    expect(await panel.locator('h1').innerText()).toBe(await page.title());
    // The account's line from the reader's ledger, as the banner has it.
    const bannerLine = await page.locator('[data-sourcemark-ui="banner"] .ledger-line').innerText();
    expect(bannerLine).toMatch(/^你打开过 1 篇/);
    await expect.poll(() => panel.locator('.ledger-line').innerText()).toBe(bannerLine);
  });

  it('shows a highlight made in the page without a reload, and drops it when it is deleted there', async () => {
    // The reader works in the page while the panel stays open beside it.
    await page.bringToFront();
    expect(await dragSelect(page, desktop.bodySelector, SENTENCE)).toBe(SENTENCE);
    await page.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE]);
    const item = panel.locator('li.note-item', { hasText: SENTENCE });
    const shown = Date.now();
    await expect.poll(() => item.count(), LIVE).toBe(1);
    console.log(`side panel: a new highlight listed ${Date.now() - shown} ms after the page painted it`);

    await page.locator('[data-sourcemark="highlight"]', { hasText: SENTENCE }).first().click();
    await noteFrame(page).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.keys(t).length)).toBe(0);
    await expect.poll(() => item.count(), LIVE).toBe(0);
  });

  it('records a verdict chosen in the panel on the claim mark, and shows it in the panel', async () => {
    await panel.bringToFront();
    const first = panel.locator('li.claim').first();
    const index = Number(await first.getAttribute('data-claim-index'));
    await first.getByRole('combobox', { name: '核查结论' }).selectOption('false');
    await expect
      .poll(() => page.locator(`[data-sourcemark="claim"][data-claim-index="${index}"]`).first().getAttribute('data-sourcemark-verdict'))
      .toBe('false');
    await expect.poll(() => first.getAttribute('data-verdict'), LIVE).toBe('false');
    expect(await first.locator('.verdict-chip').innerText()).toContain('不实');
    // Changing it edits the same assessment: still one annotation on the page, now "supported".
    await first.getByRole('combobox', { name: '核查结论' }).selectOption('supported');
    await expect.poll(() => first.getAttribute('data-verdict'), LIVE).toBe('supported');
    expect(await page.locator('[data-sourcemark="highlight"][data-assesses="claim"]').evaluateAll(
      (els) => new Set(els.map((el) => el.getAttribute('data-annotation-id'))).size,
    )).toBe(1);
  });

  it('shows a verdict given in the page, from the claim tooltip', async () => {
    await page.bringToFront();
    const item = panel.locator('li.claim').nth(1);
    const index = Number(await item.getAttribute('data-claim-index'));
    await page.locator(`[data-sourcemark="claim"][data-claim-index="${index}"]`).first().hover();
    await page.locator('[data-sourcemark-ui="claim-tip"] button.verdict[data-verdict="needs-source"]').click();
    await expect.poll(() => item.getAttribute('data-verdict'), LIVE).toBe('needs-source');
  });

  it('goes to a claim in the page on click, and steps through claims with the arrow keys', async () => {
    await panel.bringToFront();
    const items = panel.locator('li.claim button.go');
    await items.nth(2).click();
    const focusedClaim = () => page.evaluate(() => document.activeElement?.closest('[data-sourcemark="claim"]')?.getAttribute('data-claim-index') ?? null);
    const third = await panel.locator('li.claim').nth(2).getAttribute('data-claim-index');
    await expect.poll(focusedClaim).toBe(third);
    await items.nth(2).press('ArrowDown');
    const fourth = await panel.locator('li.claim').nth(3).getAttribute('data-claim-index');
    await expect.poll(focusedClaim).toBe(fourth);
    expect(await panel.evaluate(() => document.activeElement?.closest('li.claim')?.getAttribute('data-claim-index'))).toBe(fourth);
    await panel.keyboard.press('ArrowUp');
    await expect.poll(focusedClaim).toBe(third);
  });

  it("exports this article's audit as one HTML file with no script, and as Markdown", async () => {
    await panel.bringToFront();
    const assessed = await panel.locator('li.claim[data-verdict]').first().locator('.sentence').innerText();
    const html = panel.waitForEvent('download');
    await panel.locator('button[data-audit="html"]').click();
    const file = await html;
    // The dated name the extension asked for (Playwright keeps the file under a GUID).
    await expect.poll(() => panel.locator('.audit [role="status"]').innerText()).toMatch(/sourcemark-audit-\d{4}-\d{2}-\d{2}-.+\.html$/);
    const text = fs.readFileSync(await file.path(), 'utf8');
    expect(text).toContain(assessed);
    expect(text).toContain('有据可查');
    expect(text).not.toMatch(/<script/i);
    // It opens offline as a page of its own and reads as the report.
    const report = await h.context.newPage();
    await report.setContent(text);
    expect(await report.locator('h1').innerText()).toContain(await page.title());
    await report.close();
    const md = panel.waitForEvent('download');
    await panel.locator('button[data-audit="md"]').click();
    expect(fs.readFileSync(await (await md).path(), 'utf8')).toContain('有据可查');
  });

  it('has no serious or critical accessibility problem', async () => {
    const summary = await expectNoSeriousViolations(panel, 'body');
    console.log(`side panel axe: ${summary.passed.length} rules passed`);
  });

  it('says so for a tab where Sourcemark does not run', async () => {
    const other = await h.open(`chrome-extension://${h.extensionId}/sidepanel.html?tab=999999`);
    await expect.poll(() => other.getByRole('status').innerText()).toBe('Sourcemark 没有在这个页面运行。');
    await other.close();
  });
});
