import { beforeAll, describe, expect, it } from 'vitest';
import { seed, seedHtml, serveSeeds } from './harness';
import { sourcemarkWorld, waitForSourcemark } from './probes';
import { useHarness } from './use-harness';
import { dragSelect } from './select';

const banner = (page: import('playwright-core').Page) => page.getByRole('region', { name: 'Sourcemark' });

describe('unsourced claim marks', () => {
  const h = useHarness({ locale: 'zh-CN' });
  beforeAll(async () => {
    serveSeeds(h);
  });

  for (const file of ['netease-hao-desktop.html', 'netease-hao-mobile.html']) {
    it(`marks claims in the body of ${file}, and the audit counts match the marks`, async () => {
      const s = seed(file);
      const page = await h.open(s.url);
      await waitForSourcemark(h, page);
      await expect.poll(() => page.locator('[data-sourcemark="claim"]').count()).toBeGreaterThan(5);
      const marks = await page.evaluate((bodySel) => {
        const els = Array.from(document.querySelectorAll('[data-sourcemark="claim"]'));
        const body = document.querySelector(bodySel)!;
        const byIndex = new Map<string, string>();
        for (const el of els) byIndex.set(el.getAttribute('data-claim-index')!, el.getAttribute('data-category')!);
        return {
          outsideBody: els.filter((el) => !body.contains(el)).length,
          counts: [...byIndex.values()].reduce<Record<string, number>>((acc, c) => ((acc[c] = (acc[c] ?? 0) + 1), acc), {}),
        };
      }, s.bodySelector);
      expect(marks.outsideBody).toBe(0);
      for (const category of ['vague', 'certainty', 'statistic']) {
        const shown = await banner(page).locator(`li.count[data-category="${category}"] .n`).innerText();
        expect(Number(shown), category).toBe(marks.counts[category] ?? 0);
      }
      // The known cues of the seed article are among the marks.
      const marked = await page.locator('[data-sourcemark="claim"]').allInnerTexts();
      expect(marked.join('')).toContain('可以确定所谓美俄阿拉斯加密约');
      expect(marked.join('')).toContain('约500架攻击无人机');
      await page.close();
    });
  }

  it("keeps the page's text byte-for-byte", async () => {
    const s = seed('netease-hao-desktop.html');
    h.serve('https://baseline.invalid/a.html', seedHtml(s.file));
    const plain = await h.open('https://baseline.invalid/a.html');
    const marked = await h.open(s.url);
    await waitForSourcemark(h, marked);
    await expect.poll(() => marked.locator('[data-sourcemark="claim"]').count()).toBeGreaterThan(0);
    const text = (p: import('playwright-core').Page) =>
      p.evaluate((sel) => document.querySelector(sel)!.textContent, s.bodySelector);
    expect(await text(marked)).toBe(await text(plain));
    await plain.close();
    await marked.close();
  });

  it('shows the reason with the cue emphasised on hover and on keyboard focus', async () => {
    const page = await h.open(seed('netease-hao-desktop.html').url);
    const mark = page.locator('[data-sourcemark="claim"]', { hasText: '可以确定' }).first();
    await mark.hover();
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.count()).toBe(1);
    expect(await tip.locator('strong.cue').innerText()).not.toBe('');
    expect(await tip.innerText()).toMatch(/可以确定|综合/);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.count()).toBe(0);
    await mark.focus();
    await expect.poll(() => tip.count()).toBe(1);
    await page.close();
  });

  it('jumps from the audit list to the mark; the banner hides marks on this page only, the popup switches them off everywhere', async () => {
    const page = await h.open(seed('netease-hao-desktop.html').url);
    await banner(page).getByRole('button', { name: '列出标记' }).click();
    const items = banner(page).locator('button.jump');
    expect(await items.count()).toBe(await page.evaluate(() => new Set(Array.from(document.querySelectorAll('[data-sourcemark="claim"]'), (e) => e.getAttribute('data-claim-index'))).size));
    await items.last().click();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-sourcemark'));
    expect(focused).toBe('claim');

    await banner(page).getByRole('button', { name: '隐藏标记' }).click();
    const off = () => page.evaluate(() => document.documentElement.getAttribute('data-sourcemark-claims'));
    expect(await off()).toBe('off');
    const deco = (p: import('playwright-core').Page) =>
      p.locator('[data-sourcemark="claim"]').first().evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(await deco(page)).toBe('none');
    // A page's button is no setting: after a reload the marks are back.
    await page.reload();
    await waitForSourcemark(h, page);
    expect(await off()).toBeNull();
    expect(await deco(page)).toBe('underline');

    // The popup's switch is the reader's setting, and pages loaded after it follow it.
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    const toggle = popup.getByRole('checkbox', { name: '标出无出处的说法' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    const setting = () =>
      popup.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ data: { settings: { claimsEnabled: boolean } } }> } } }).chrome;
        return (await api.runtime.sendMessage({ type: 'settings.get' })).data.settings.claimsEnabled;
      });
    await expect.poll(setting).toBe(false);
    // The open page follows at once, without a reload.
    await expect.poll(off).toBe('off');
    await page.reload();
    await waitForSourcemark(h, page);
    expect(await off()).toBe('off');
    await toggle.check();
    await expect.poll(setting).toBe(true);
    await expect.poll(off).toBeNull();
    await popup.close();
    await page.close();
  });

  const claimMarks = (page: import('playwright-core').Page) => page.locator('[data-sourcemark="claim"]').count();

  it('marks no claim on netease-editorial.html, where Sourcemark does not run', async () => {
    const page = await h.open(seed('netease-editorial.html').url);
    expect(await sourcemarkWorld(h, page)).toEqual({ injected: false });
    expect(await claimMarks(page)).toBe(0);
    await page.close();
  });

  it('marks no claim on ifeng-editorial.html, where Sourcemark stays idle', async () => {
    const page = await h.open(seed('ifeng-editorial.html').url);
    expect(await sourcemarkWorld(h, page)).toEqual({ injected: true, started: false });
    expect(await claimMarks(page)).toBe(0);
    await page.close();
  });

  it('keeps a passage the reader selected before the claims came from the background, when the marks go in under it', async () => {
    // A NetEase address either kind of article uses: the page says which only once its
    // statement is there (as a single-page app renders it), so the claims are asked for and
    // marked after the reader's drag, never before it.
    const url = 'https://c.m.163.com/news/a/KSELECT0000525KQ.html';
    const claim = '据知情人士透露，谈判将在下周继续进行。';
    h.serve(
      url,
      `<!doctype html><html><head><meta charset="utf-8"><title>一篇文章</title><link rel="icon" href="data:,"></head><body>
      <h1 class="article-title">一篇文章</h1><section class="article-body"><p>第一段交代背景。${claim}</p><p>第二段：业内普遍认为，这一政策将导致房价下跌三成。</p></section>
      <template id="later"><p>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</p></template>
      <script>window.addStatement = () => document.body.append(document.getElementById('later').content.cloneNode(true));</script>
      </body></html>`,
    );
    const page = await h.open(url);
    // From before the claim into it: wrapping the claim's words would cut the selection short.
    const selected = await dragSelect(page, '.article-body', '交代背景。据知情人士透露，谈判');
    expect(selected).toBe('交代背景。据知情人士透露，谈判');
    expect(await claimMarks(page)).toBe(0);
    await page.evaluate(() => (window as unknown as { addStatement(): void }).addStatement());
    await waitForSourcemark(h, page);
    const marked = await page.locator('[data-sourcemark="claim"]').allInnerTexts();
    expect(marked.join('')).toContain(claim);
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(selected);
    // The selection's end now lies inside the claim's mark: it is the same passage, not a copy.
    expect(await page.evaluate(() => document.getSelection()?.focusNode?.parentElement?.closest('[data-sourcemark="claim"]') != null)).toBe(true);
    await page.close();
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
