import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveSeeds } from './harness';
import { inSourcemarkWorld, keyboardSelect, SEED, seedVariant, waitForSourcemark } from './probes';
import { useHarness } from './use-harness';

/** The article module's address as the loader asked for it: Chrome's dynamic URL, never the extension's id. */
const MODULE = /^chrome-extension:\/\/([^/]+)\/claims\.js$/;

const marks = (page: Page) =>
  page.evaluate(() => ({
    claims: document.querySelectorAll('[data-sourcemark="claim"]').length,
    statement: document.querySelectorAll('[data-sourcemark="disclaimer"]').length,
    banner: document.querySelectorAll('[data-sourcemark-ui="banner"]').length,
  }));

describe("Chrome's article loader (entrypoints/article-loader.ts)", () => {
  const h = useHarness({ locale: 'zh-CN' });
  beforeAll(() => serveSeeds(h));

  it('imports the article script as a module at the dynamic URL, and the page sees no trace of the request', async () => {
    const page = await h.context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => void (MODULE.test(r.url()) && asked.push(r.url())));
    await page.goto(SEED.url, { waitUntil: 'load' });
    const status = await waitForSourcemark(h, page);
    expect(status).toMatchObject({ kind: 'self-media', page: 'netease-hao' });
    const seen = await marks(page);
    expect(seen.banner).toBe(1);
    expect(seen.statement).toBeGreaterThan(0);
    expect(seen.claims).toBeGreaterThan(0);
    // Asked for once at the dynamic URL, which Chrome then serves from the extension itself.
    expect(asked.length).toBeGreaterThan(0);
    expect(MODULE.exec(asked[0]!)![1]).not.toBe(h.extensionId);
    // The page's own performance timeline lists what it loaded itself, and nothing of ours.
    const entries = await page.evaluate(() => performance.getEntries().map((e) => e.name));
    expect(entries).toContain(SEED.url);
    expect(entries.filter((n) => n.startsWith('chrome-extension:'))).toEqual([]);
    await page.close();
  });

  it('offers the toolbar for a selection the reader made while the module was on its way', async () => {
    // A page of its own: the highlight saved here must not make the annotator load at the others.
    const variant = seedVariant('EARLYSELECTION01');
    h.serve(variant.url, variant.html);
    const page = await h.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    // The module is answered only once the reader has selected (the build serves it then).
    await page.route(MODULE, async (route) => {
      asked = true;
      await held;
      await route.fallback();
    });
    await page.goto(variant.url, { waitUntil: 'load' });
    await expect.poll(() => asked).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('[data-sourcemark="claim"]').length)).toBe(0);
    const selected = await keyboardSelect(page, 'div.post_body p');
    expect(selected.length).toBeGreaterThan(0);
    release();
    await waitForSourcemark(h, page);
    // The annotator came for that selection: its toolbar highlights it.
    await page.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => page.locator('div.post_body p [data-sourcemark="highlight"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('leaves a selection a page script made before it started alone: no toolbar', async () => {
    const page = await h.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(MODULE, async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto(SEED.url, { waitUntil: 'load' });
    await page.evaluate(() => {
      const p = document.querySelector('div.post_body p')!;
      document.getSelection()!.selectAllChildren(p);
      for (const type of ['mouseup', 'keyup']) p.dispatchEvent(new KeyboardEvent(type, { bubbles: true, key: 'Shift', shiftKey: true }));
    });
    release();
    await waitForSourcemark(h, page);
    // The positive signal first: the article's marks are there, so the script started and looked.
    expect(await page.evaluate(() => document.querySelectorAll('[data-sourcemark="claim"]').length)).toBeGreaterThan(0);
    // Never noted: the loader's listener (and the article script's) took no made-up event.
    expect(await inSourcemarkWorld(h, page, '[String(globalThis.__sourcemarkEarlyGesture), String(globalThis.__sourcemarkStarted)]')).toEqual(['undefined', 'undefined']);
    expect(await page.getByRole('button', { name: '高亮', exact: true }).count()).toBe(0);
    await page.close();
  });

  it('runs the article script as a content script when the module cannot load: the same marks, only slower', async () => {
    const normal = await h.open(SEED.url);
    await waitForSourcemark(h, normal);
    const expected = await marks(normal);
    await normal.close();
    expect(expected.claims).toBeGreaterThan(0);

    const page = await h.context.newPage();
    let refused = 0;
    await page.route(MODULE, (route) => {
      refused++;
      return route.abort('failed');
    });
    await page.goto(SEED.url, { waitUntil: 'load' });
    const status = await waitForSourcemark(h, page);
    expect(refused).toBe(1);
    expect(status).toMatchObject({ kind: 'self-media', page: 'netease-hao' });
    expect(await marks(page)).toEqual(expected);
    await page.close();
  });
});
