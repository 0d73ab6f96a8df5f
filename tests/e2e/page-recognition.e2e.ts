import { beforeAll, describe, expect, it } from 'vitest';
import { seed, seedHtml, serveSeeds } from './harness';
import { waitForSourcemark } from './probes';
import { useHarness } from './use-harness';

const banner = (page: import('playwright-core').Page) =>
  page.getByRole('region', { name: 'Sourcemark' });

describe('on NetEase Hao pages (Chinese browser)', () => {
  const h = useHarness({ locale: 'zh-CN' });
  beforeAll(async () => {
    serveSeeds(h);
  });

  for (const file of ['netease-hao-desktop.html', 'netease-hao-mobile.html']) {
    describe(file, () => {
      it('marks <html> as a netease-hao page', async () => {
        const page = await h.open(seed(file).url);
        await expect
          .poll(() => page.evaluate(() => document.documentElement.dataset.sourcemarkPage))
          .toBe('netease-hao');
        await page.close();
      });

      it('marks the platform statement, and only its text, as the disclaimer', async () => {
        const page = await h.open(seed(file).url);
        const marks = page.locator('[data-sourcemark="disclaimer"]');
        await expect.poll(() => marks.count()).toBe(2);
        const texts = await marks.allTextContents();
        expect(texts[0]).toMatch(/^特别声明.*网易号.*仅提供信息存储服务。$/s);
        expect(texts[1]).toMatch(/^Notice: .*NetEase Hao.*information storage services\.$/s);
        // The ad that shares the statement's block is never inside a mark.
        expect(await page.locator('[data-sourcemark="disclaimer"] iframe').count()).toBe(0);
        const outline = await marks.first().evaluate((el) => getComputedStyle(el).outlineStyle);
        expect(outline).toBe('solid');
        await page.close();
      });

      it('shows a Chinese banner above the title naming the account', async () => {
        const page = await h.open(seed(file).url);
        const region = banner(page);
        await expect.poll(() => region.count()).toBe(1);
        const text = await region.innerText();
        expect(text).toContain('网易号');
        expect(text).toContain(seed(file).account ?? '');
        expect(text).toContain('只提供信息存储服务');
        // Above the title: the shadow host comes right before the <h1> in document order.
        const before = await page.evaluate(() => {
          const host = document.querySelector('[data-sourcemark-ui="banner"]');
          const h1 = document.querySelector('h1');
          return !!host && !!h1 && (host.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        });
        expect(before).toBe(true);
        const mode = await page.evaluate(
          () => document.querySelector('[data-sourcemark-ui="banner"]')?.shadowRoot?.mode,
        );
        expect(mode).toBe('open');
        await page.close();
      });

      it('can be dismissed', async () => {
        const page = await h.open(seed(file).url);
        await banner(page).getByRole('button', { name: '关闭提示' }).click();
        await expect.poll(() => banner(page).count()).toBe(0);
        await page.close();
      });
    });
  }

  it('never restyles the page: every element but the marked ones computes the same styles', async () => {
    const desktop = seed('netease-hao-desktop.html');
    // The same HTML at a host the content script does not match is the untouched baseline.
    const baselineUrl = 'https://baseline.invalid/netease-hao-desktop.html';
    h.serve(baselineUrl, seedHtml(desktop.file));
    // Style of every page element, keyed by its position in the tree; our own UI is skipped.
    const fingerprint = () =>
      Array.from(document.body.querySelectorAll('*'))
        // Our own UI and our mark elements (claims wrap sentences) are not page elements.
        .filter((el) => !el.closest('[data-sourcemark-ui]') && el.localName !== 'sourcemark-mark')
        .map((el) => {
          const cs = getComputedStyle(el);
          return {
            marked: el.hasAttribute('data-sourcemark'),
            style: [el.tagName, cs.font, cs.color, cs.backgroundColor, cs.margin, cs.padding, cs.display].join('|'),
          };
        });
    const marked = await h.open(desktop.url);
    await waitForSourcemark(h, marked);
    await expect.poll(() => banner(marked).count()).toBe(1);
    const plain = await h.open(baselineUrl);
    const after = await marked.evaluate(fingerprint);
    const before = await plain.evaluate(fingerprint);
    expect(after.length).toBe(before.length);
    // The marked statement paragraphs may change (that is the visible mark); nothing else may.
    expect(after.filter((e) => e.marked).length).toBe(2);
    expect(after.map((e) => (e.marked ? null : e.style))).toEqual(before.map((e, i) => (after[i]!.marked ? null : e.style)));
    // Same text too: the banner lives in a shadow root, so the page's own text is unchanged.
    const text = (p: import('playwright-core').Page) => p.evaluate(() => document.body.textContent);
    expect(await text(marked)).toEqual(await text(plain));
    await marked.close();
    await plain.close();
  });

  const unmarked = (page: import('playwright-core').Page) =>
    page.evaluate(() => ({
      kind: document.documentElement.dataset.sourcemarkPage ?? null,
      marks: document.querySelectorAll('[data-sourcemark], [data-sourcemark-ui]').length,
    }));

  it('marks nothing on netease-editorial.html, once Sourcemark has finished with it', async () => {
    const page = await h.open(seed('netease-editorial.html').url);
    const status = await waitForSourcemark(h, page);
    expect(status.kind).toBe('netease-editorial');
    expect(await unmarked(page)).toEqual({ kind: null, marks: 0 });
    await page.close();
  });

  it('marks nothing on other-news.html, where Sourcemark does not run', async () => {
    const page = await h.open(seed('other-news.html').url);
    // Nothing of Sourcemark runs here, so nothing can say it has finished: the content script
    // would have started at document_end, before `load`; this wait only gives it extra time.
    await page.waitForTimeout(500);
    expect(await unmarked(page)).toEqual({ kind: null, marks: 0 });
    await page.close();
  });

  it('sent no request to any host: the seeds need none and the extension makes none', () => {
    expect(h.strayRequests).toEqual([]);
  });
});

describe('on NetEase Hao pages (English browser)', () => {
  const h = useHarness({ locale: 'en-US' });
  beforeAll(async () => {
    serveSeeds(h);
  });

  it('speaks English', async () => {
    const page = await h.open(seed('netease-hao-desktop.html').url);
    const region = banner(page);
    await expect.poll(() => region.count()).toBe(1);
    expect(await region.innerText()).toContain('NetEase only stores it');
    await region.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => region.count()).toBe(0);
    await page.close();
    expect(h.strayRequests).toEqual([]);
  });
});
