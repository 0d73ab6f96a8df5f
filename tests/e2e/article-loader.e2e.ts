import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveSeeds } from './harness';
import { SEED, waitForSourcemark } from './probes';
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
