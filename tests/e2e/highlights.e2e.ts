import { beforeAll, describe, expect, it } from 'vitest';
import { seed, seedHtml, serveSeeds } from './harness';
import { useHarness } from './use-harness';
import { dragSelect, highlightTexts, noteFrame } from './select';

const desktop = seed('netease-hao-desktop.html');
const mobile = seed('netease-hao-mobile.html');
const SENTENCE_1 = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
const SENTENCE_2 = '俄军曾经匮缺的高科技军事资源开始快速补充';
const NOTE = '<img src=x onerror="window.__pwned=1">谁说的？来源在哪';

describe('highlighting and notes on the seed page', () => {
  const h = useHarness({ locale: 'zh-CN' });
  beforeAll(async () => {
    serveSeeds(h);
  });

  it('highlights a selected sentence, writes a note, and brings both back after a reload', async () => {
    const page = await h.open(desktop.url);
    expect(await dragSelect(page, desktop.bodySelector, SENTENCE_1)).toBe(SENTENCE_1);
    await page.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE_1]);

    expect(await dragSelect(page, desktop.bodySelector, SENTENCE_2)).toBe(SENTENCE_2);
    await page.getByRole('button', { name: '笔记' }).click();
    await noteFrame(page).getByRole('textbox', { name: '笔记' }).fill(NOTE);
    await noteFrame(page).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t).sort())).toEqual(
      [SENTENCE_1, SENTENCE_2].sort(),
    );

    await page.reload();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t).sort())).toEqual(
      [SENTENCE_1, SENTENCE_2].sort(),
    );
    await page.locator('[data-sourcemark="highlight"]', { hasText: SENTENCE_2 }).first().click();
    const dialog = noteFrame(page).getByRole('dialog', { name: '笔记' });
    await expect.poll(() => dialog.innerText()).toContain(NOTE);
    // The note is shown as text: the markup in it never ran.
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('keeps the highlights on the same words when the page changed at the same URL', async () => {
    // A paragraph inserted above, a typo fixed inside the second quote, and <p> turned into <div><span>.
    const edited = seedHtml(desktop.file)
      .replace('<div class="post_body">', '<div class="post_body"><p>【编者按】本文有更新。</p>')
      .replace('匮缺', '匮乏')
      .replace(/<p id="([A-Z0-9]+)">出于各种原因/, '<div id="$1"><span>出于各种原因')
      .replace('会晤内容一直保密。</p>', '会晤内容一直保密。</span></div>');
    expect(edited).toContain('<span>出于各种原因');
    h.serve(desktop.url, edited);
    const page = await h.open(desktop.url);
    await expect
      .poll(() => highlightTexts(page).then((t) => Object.values(t).sort()))
      .toEqual([SENTENCE_1, SENTENCE_2.replace('匮缺', '匮乏')].sort());
    h.serve(desktop.url, seedHtml(desktop.file));
    await page.close();
  });

  it('shows the same annotations on the mobile URL of the article', async () => {
    const page = await h.open(mobile.url);
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t).sort())).toEqual(
      [SENTENCE_1, SENTENCE_2].sort(),
    );
    await page.close();
  });

  it('recolours and deletes a highlight, restoring the page text exactly', async () => {
    const page = await h.open(desktop.url);
    await expect.poll(() => page.locator('[data-sourcemark="highlight"]').count()).toBeGreaterThan(0);
    const mark = page.locator('[data-sourcemark="highlight"]', { hasText: SENTENCE_1 }).first();
    await mark.click();
    await noteFrame(page).getByRole('button', { name: '换颜色: 绿色' }).click();
    await expect.poll(() => mark.getAttribute('data-color')).toBe('green');
    await mark.click();
    await noteFrame(page).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([
      SENTENCE_2,
    ]);
    await page.reload();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE_2]);
    await page.close();
  });

  it('brings back overlapping highlights, each on its own words', async () => {
    const outer = '而俄罗斯依然狮子大张口,坚持两点';
    const inner = '狮子大张口';
    const page = await h.open(desktop.url);
    await expect.poll(() => page.locator('[data-sourcemark="highlight"]').count()).toBeGreaterThan(0);
    const before = Object.keys(await highlightTexts(page));
    expect(await dragSelect(page, desktop.bodySelector, outer)).toBe(outer);
    await page.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(async () => Object.keys(await highlightTexts(page)).length).toBe(before.length + 1);
    expect(await dragSelect(page, desktop.bodySelector, inner)).toBe(inner);
    await page.getByRole('button', { name: '高亮: 蓝色' }).click();
    await expect.poll(async () => Object.keys(await highlightTexts(page)).length).toBe(before.length + 2);
    const expected = Object.values(await highlightTexts(page)).sort();
    expect(expected).toEqual(expect.arrayContaining([outer, inner]));
    await page.reload();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t).sort())).toEqual(expected);
    await page.close();
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
