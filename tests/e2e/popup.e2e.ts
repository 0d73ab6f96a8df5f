import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seed, serveSeeds, type Harness } from './harness';
import { useHarness } from './use-harness';
import { tabIdOf } from './probes';
import { dragSelect, highlightTexts, noteFrame } from './select';

const desktop = seed('netease-hao-desktop.html');
const SENTENCE = '俄军曾经匮缺的高科技军事资源开始快速补充';
const NOTE = '<b>谁说的？</b>来源在哪';
const EDITED = '改过的笔记：需要查证';
const TITLE_PART = '美俄乌会谈无果而终';

interface DownloadItem {
  filename: string;
  state: string;
}

/** Downloads as the browser records them: one for each `downloads.download` call. */
function downloads(h: Harness): Promise<DownloadItem[]> {
  return h.worker.evaluate(() => {
    // The service worker's `chrome`; typed here since the tests do not load Chrome's types.
    const api = (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<DownloadItem[]> } } }).chrome;
    return api.downloads.search({}).then((list) => list.map((d) => ({ filename: d.filename, state: d.state })));
  });
}

/** The text of the note panel the seed page shows when its highlight is clicked. */
async function pageNote(page: Page, text: string): Promise<string> {
  await page.keyboard.press('Escape');
  await page.locator('[data-sourcemark="highlight"]', { hasText: text }).first().click();
  return noteFrame(page).getByRole('dialog', { name: '笔记' }).innerText();
}

describe('the popup', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let article: Page;
  let popup: Page;
  let id = '';
  beforeAll(async () => {
    serveSeeds(h);
  });

  it('lists a note made on the seed page under the page title', async () => {
    article = await h.open(desktop.url);
    expect(await dragSelect(article, desktop.bodySelector, SENTENCE)).toBe(SENTENCE);
    await article.getByRole('button', { name: '笔记' }).click();
    await noteFrame(article).getByRole('textbox', { name: '笔记' }).fill(NOTE);
    await noteFrame(article).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => highlightTexts(article).then((t) => Object.values(t))).toEqual([SENTENCE]);
    id = Object.keys(await highlightTexts(article))[0]!;

    popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    // Opened as a tab, the popup's active tab is itself: it starts on "All annotations".
    await expect.poll(() => popup.getByRole('tab', { name: '全部批注' }).getAttribute('aria-selected')).toBe('true');
    const group = popup.locator('section.group', { hasText: TITLE_PART });
    await expect.poll(() => group.locator('.group-meta').innerText()).toContain('1 条');
    await group.getByRole('button', { name: new RegExp(TITLE_PART) }).click();
    const item = group.locator(`li.item[data-annotation-id="${id}"]`);
    await expect.poll(() => item.locator('.note').innerText()).toBe(NOTE);
    expect(await item.locator('.quote').innerText()).toBe(SENTENCE);
    // Text, not markup.
    expect(await item.locator('.note b').count()).toBe(0);
  });

  it('finds it by a Chinese substring of the quote, and not by other words', async () => {
    const box = popup.getByRole('searchbox', { name: '搜索引用、笔记、标题和标签' });
    await box.fill('匮缺的高科');
    await expect.poll(() => popup.locator('.results').innerText()).toContain('找到 1 条');
    expect(await popup.locator(`.results li.item[data-annotation-id="${id}"]`).count()).toBe(1);
    await box.fill('没有这句话');
    await expect.poll(() => popup.locator('.results').innerText()).toContain('没有找到');
    await box.fill('');
  });

  it('edits the note in place, and the page shows the new note', async () => {
    const item = popup.locator(`li.item[data-annotation-id="${id}"]`);
    if ((await item.count()) === 0) await popup.locator('section.group', { hasText: TITLE_PART }).locator('.group-toggle').click();
    await item.getByRole('button', { name: '编辑笔记' }).click();
    await item.getByRole('textbox', { name: '笔记' }).fill(EDITED);
    await item.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => item.locator('.note').innerText()).toBe(EDITED);
    await expect.poll(() => pageNote(article, SENTENCE)).toContain(EDITED);
    await article.keyboard.press('Escape');
  });

  it('deletes it from the page, and undo brings it back', async () => {
    const item = popup.locator(`li.item[data-annotation-id="${id}"]`);
    await item.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await expect.poll(() => highlightTexts(article)).toEqual({});
    await popup.locator('.toast').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => highlightTexts(article)).toEqual({ [id]: SENTENCE });
    await popup.locator('section.group', { hasText: TITLE_PART }).locator('.group-toggle').click();
    await expect.poll(() => popup.locator(`li.item[data-annotation-id="${id}"] .note`).innerText()).toBe(EDITED);
  });

  it('shows "This page" for the article (self-media status, its highlight) and goes to the highlight', async () => {
    const tabId = await tabIdOf(h, desktop.url);
    expect(tabId).toBeTypeOf('number');
    const forTab = await h.open(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => forTab.getByRole('tab', { name: '此页' }).getAttribute('aria-selected')).toBe('true');
    const hao = forTab.locator('.this-page .kind.hao');
    await expect.poll(() => hao.innerText()).toContain('网易号自媒体文章');
    expect(await hao.innerText()).toContain(desktop.account!);
    expect(await hao.locator('.claims li').count()).toBe(3);
    const item = forTab.locator(`.this-page li.item[data-annotation-id="${id}"]`);
    await expect.poll(() => item.locator('.note').innerText()).toBe(EDITED);

    await article.evaluate(() => window.scrollTo(0, 0));
    await item.getByRole('button', { name: '打开并定位' }).click();
    // The content script scrolled to it and flashes it.
    await expect
      .poll(() => article.locator(`[data-annotation-id="${id}"][data-sourcemark-flash]`).count())
      .toBeGreaterThan(0);
    expect(await article.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await forTab.close();
  });

  it('exports JSON-LD as a dated file that contains the annotation', async () => {
    await popup.locator('details.export summary').click();
    await popup.getByRole('radio', { name: /JSON-LD/ }).check();
    const event = popup.waitForEvent('download');
    await popup.getByRole('button', { name: '下载' }).click();
    // The dated name the extension asked for; Playwright saves the file under a GUID instead.
    await expect.poll(() => popup.locator('details.export').innerText()).toMatch(/已导出 1 条：sourcemark-\d{4}-\d{2}-\d{2}\.jsonld/);
    const text = fs.readFileSync(await (await event).path(), 'utf8');
    await expect.poll(async () => (await downloads(h)).map((d) => d.state)).toEqual(['complete']);
    expect(text).toContain(`urn:uuid:${id}`);
    expect(text).toContain(EDITED);
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** Annotations in the extension's database, counted from one of its pages. */
function storedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('annotations').objectStore('annotations').count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

describe('the options page', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let options: Page;
  beforeAll(async () => {
    serveSeeds(h);
    options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
  });

  it('refuses a bad file with its first problem and where it is, writing nothing', async () => {
    await expect.poll(() => options.getByRole('heading', { name: 'Sourcemark 设置' }).count()).toBe(1);
    await options.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'bad-imports/items-not-array.json'));
    const alert = options.locator('.import [role="alert"]');
    await expect.poll(() => alert.innerText()).toMatch(/^“items-not-array\.json”不能导入：first\.items: expected an array/);
    expect(await storedCount(options)).toBe(0);
  });

  it('previews a Hypothesis export, imports it on confirmation, and the popup lists it', async () => {
    await options
      .locator('input[type="file"]')
      .setInputFiles(path.join(FIXTURES, 'hypothesis-import/wikipedia-regression-testing.json'));
    const preview = options.getByRole('region', { name: '“wikipedia-regression-testing.json”' });
    await expect.poll(() => preview.locator('[data-count="new"]').innerText()).toBe('新批注：5');
    expect(await preview.locator('[data-count="invalid"]').innerText()).toBe('无效，不会导入：0');
    expect(await storedCount(options)).toBe(0); // nothing written before the reader confirms
    await preview.getByRole('button', { name: '导入 5 条' }).click();
    await expect.poll(() => options.locator('.import').innerText()).toContain('已导入：新增 5 条，更新 0 条。');
    expect(await storedCount(options)).toBe(5);

    // The same file again: all present, nothing to write, nothing doubled.
    await options
      .locator('input[type="file"]')
      .setInputFiles(path.join(FIXTURES, 'hypothesis-import/wikipedia-regression-testing.json'));
    await expect.poll(() => preview.locator('[data-count="present"]').innerText()).toBe('已经有了（相同）：5');
    expect(await preview.getByRole('button', { name: '导入 0 条' }).isDisabled()).toBe(true);

    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    const group = popup.locator('section.group', { hasText: 'Regression testing - Wikipedia' });
    await expect.poll(() => group.locator('.group-meta').innerText()).toContain('5 条');
    await group.locator('.group-toggle').click();
    await expect.poll(() => group.locator('li.item').count()).toBe(5);
    await popup.close();
  });

  it('remembers a setting, and the background reports it', async () => {
    const banner = options.getByRole('checkbox', { name: '在自媒体文章上方显示提示' });
    expect(await banner.isChecked()).toBe(true);
    await banner.uncheck();
    await expect.poll(() => options.getByRole('status').filter({ hasText: '已保存' }).count()).toBe(1);
    await options.reload();
    await expect.poll(() => options.getByRole('checkbox', { name: '在自媒体文章上方显示提示' }).isChecked()).toBe(false);
    // The content script reads settings through the background: it answers with the new value.
    const answer = await options.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
      return api.runtime.sendMessage({ type: 'settings.get' });
    });
    expect(answer).toMatchObject({ ok: true, data: { settings: { bannerEnabled: false, claimsEnabled: true } } });
  });

  it('deletes everything only after the confirmation word is typed', async () => {
    const section = options.locator('.delete-all');
    const button = section.getByRole('button', { name: '永久删除' });
    expect(await button.isDisabled()).toBe(true);
    await section.getByRole('textbox').fill('删除');
    expect(await button.isDisabled()).toBe(true);
    await section.getByRole('textbox').fill('删除全部');
    await button.click();
    await expect.poll(() => section.innerText()).toContain('已删除 5 条批注。');
    expect(await storedCount(options)).toBe(0);
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
