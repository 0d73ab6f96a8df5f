import { beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../harness';
import { highlight, highlightTexts, openReader, statusesAt, until, waitForSourcemark } from './actions';
import { BROWSERS, useBrowser } from './browsers';
import type { Tab } from './driver';

/**
 * A site the reader granted, in each browser: only the loader runs at load (entrypoints/
 * granted-loader), which answers nothing; the reader's first selection has the background inject
 * the content script, whose toolbar saves the highlight; back on the page, the background injects
 * it as the tab finishes loading and the saved highlight paints with no gesture
 * (tests/e2e/granted-site.e2e.ts checks more, in Chromium only).
 */
const NEWS = seed('other-news.html');
const SENTENCE = '据瑞士通讯社报道，达沃斯所在的格劳宾登州警方表示，年会期间的安保工作总体平稳。';

describe.each(BROWSERS)('a granted site in %s', (browser) => {
  const d = useBrowser(browser, { grantHosts: [`${new URL(NEWS.url).origin}/*`] });
  let reader: Tab;
  beforeAll(async () => {
    reader = await openReader(d);
    // The background registers the loader a moment after start: the files it names, once it has.
    const files = await until(
      'the granted site registered',
      () =>
        reader.evaluate(async () => {
          type Api = { scripting: { getRegisteredContentScripts(): Promise<Array<{ js?: string[]; css?: string[] }>> } };
          const api = (globalThis as unknown as { browser?: Api; chrome: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
          return (await api.scripting.getRegisteredContentScripts()).flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]);
        }),
      (f) => f.length > 0,
    );
    expect(files.map((f) => f.replace(/^\//, ''))).toEqual(['granted-loader.js']);
  });

  it('loads the content script on the first selection, and paints the saved highlight at the next load', async () => {
    const page = await d.open(NEWS.url);
    // Loaded, and nothing of the content script in it: no answer, none of its UI.
    expect(await statusesAt(reader, NEWS.url)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('[data-sourcemark-ui]').length)).toBe(0);

    // The loader was there all along: the reader's selection gets the toolbar, which saves.
    await highlight(page, NEWS.bodySelector, SENTENCE);
    await page.reload();
    const status = await waitForSourcemark(reader, page);
    expect(status.highlights).toBe(1);
    expect(Object.values(await highlightTexts(page))).toEqual([SENTENCE]);
    expect(await statusesAt(reader, NEWS.url)).toHaveLength(1);
    await page.close();
  });

  it('sent no request to any host', () => {
    expect(d.strayRequests).toEqual([]);
  });
});
