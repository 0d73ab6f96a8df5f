import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patternCovers } from '@/components/recognition/match-pattern';
import { FullScriptLoads, sitePattern, type FrameTarget, type PageSender } from '@/entrypoints/background/full-script';
import { ARTICLE_CLASSIC, LOADER_SELECTION } from '@/storage/messaging/protocol-constants';
import { sampleAnnotation } from '../support/sample-annotation';
import { contentScript, EXTENSION_ID, harness, noteFrame, popup, senderOf, type Harness } from './background-harness';

const NEWS = 'https://www.chinanews.com.cn/gn/2026/02-01/10000001.shtml';

/** A granted site's loader in tab `tabId`, in Chrome (which names the document) unless `documentId` is null. */
function loaderIn(tabId: number, documentId: string | null = `doc-${tabId}`, url = NEWS): PageSender {
  const s = senderOf({ id: EXTENSION_ID, url, tab: { id: tabId }, frameId: 0, ...(documentId ? { documentId } : {}) });
  if (s.kind !== 'content-script') throw new Error(`expected a content script, got ${JSON.stringify(s)}`);
  return s;
}

/** Reading sites: the one news site; saved annotations: on NEWS only. */
const READING = ['https://www.chinanews.com.cn/*'];

function loads(granted: (url: string) => boolean = () => true, fail = () => false, running: (tabId: number) => boolean = () => false) {
  const injected: FrameTarget[] = [];
  const asked: string[] = [];
  const l = new FullScriptLoads({
    granted: async (url) => {
      asked.push(url);
      return granted(url);
    },
    readingSite: async (url) => READING.some((p) => patternCovers(p, url)),
    hasSaved: async (url) => url === NEWS,
    running: async (tabId) => running(tabId),
    inject: async (target) => {
      if (fail()) throw new Error('No tab with id');
      injected.push(target);
    },
  });
  return { l, injected, asked };
}

describe('FullScriptLoads', () => {
  it("injects into the sender's own top frame, aimed at its document in Chrome", async () => {
    const { l, injected, asked } = loads();
    expect(await l.load(loaderIn(4))).toBe(true);
    expect(injected).toEqual([{ tabId: 4, frameId: 0, documentId: 'doc-4' }]);
    expect(asked).toEqual([NEWS]);
  });

  it('names the frame only where the browser names no document (Firefox)', async () => {
    const { l, injected } = loads();
    await l.load(loaderIn(4, null));
    expect(injected).toEqual([{ tabId: 4, frameId: 0 }]);
  });

  it('injects nothing on a site the reader did not grant', async () => {
    const { l, injected } = loads(() => false);
    expect(await l.load(loaderIn(4))).toBe(false);
    expect(injected).toEqual([]);
  });

  it('injects once per document however often it is asked, even while the first is on its way', async () => {
    const { l, injected } = loads();
    const page = loaderIn(4);
    expect(await Promise.all([l.load(page), l.load(page), l.load(page)])).toEqual([true, true, true]);
    expect(await l.load(page)).toBe(true);
    expect(injected).toHaveLength(1);
    // Another document of the same tab (Chrome names it) is another page.
    await l.load(loaderIn(4, 'doc-4b'));
    expect(injected).toHaveLength(2);
  });

  it('injects again into a tab that loaded another page (forgetTab), and into no other tab', async () => {
    const { l, injected } = loads();
    await l.load(loaderIn(4, null));
    await l.load(loaderIn(5, null));
    l.forgetTab(4);
    await l.load(loaderIn(4, null));
    await l.load(loaderIn(5, null));
    expect(injected.map((t) => t.tabId)).toEqual([4, 5, 4]);
  });

  it('may be asked again after an injection failed', async () => {
    let failing = true;
    const { l, injected } = loads(undefined, () => failing);
    expect(await l.load(loaderIn(4))).toBe(false);
    failing = false;
    // The failure's bookkeeping runs a turn later.
    await new Promise((r) => setTimeout(r, 0));
    expect(await l.load(loaderIn(4))).toBe(true);
    expect(injected).toHaveLength(1);
  });
});

describe('FullScriptLoads.arrived: a tab finished loading, no script of ours asked', () => {
  it("injects into the top frame of a reading site's page that has saved annotations", async () => {
    const { l, injected } = loads();
    expect(await l.arrived(7, NEWS)).toBe(true);
    expect(injected).toEqual([{ tabId: 7, frameId: 0 }]);
  });

  it('injects nothing where the page has nothing saved, or the site is not one the loader runs on', async () => {
    const { l, injected } = loads();
    expect(await l.arrived(7, NEWS.replace('10000001', '10000002'))).toBe(false);
    // The sync server's origin is granted, but not for reading: not among the loader's sites.
    expect(await l.arrived(8, 'http://127.0.0.1:8080/dav/')).toBe(false);
    expect(await l.arrived(9, 'https://evil.example/?u=https://www.chinanews.com.cn/')).toBe(false);
    expect(injected).toEqual([]);
  });

  it("injects nothing where the content script already answers (the reader's selection loaded it)", async () => {
    const { l, injected } = loads(undefined, undefined, (tabId) => tabId === 7);
    expect(await l.arrived(7, NEWS)).toBe(true);
    expect(injected).toEqual([]);
  });

  it('injects once per tab and address until the tab loads another page', async () => {
    const { l, injected } = loads();
    await Promise.all([l.arrived(7, NEWS), l.arrived(7, NEWS)]);
    expect(await l.arrived(7, NEWS)).toBe(true);
    expect(injected).toHaveLength(1);
    l.forgetTab(7);
    expect(await l.arrived(7, NEWS)).toBe(true);
    expect(injected).toHaveLength(2);
  });
});

describe('sitePattern', () => {
  it.each([
    [NEWS, 'https://www.chinanews.com.cn/*'],
    ['http://127.0.0.1:8080/a?b#c', 'http://127.0.0.1/*'],
    ['https://[::1]:4443/x', 'https://[::1]/*'],
    ['file:///etc/passwd', null],
    ['not a url', null],
  ])('%s → %s', (url, pattern) => {
    expect(sitePattern(url)).toBe(pattern);
  });
});

describe('handleMessage from a granted site loader', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.close());

  it("loads it for the reader's selection, into the sender's page: the message names nothing", async () => {
    expect(await h.ok(contentScript(NEWS, 9), { type: LOADER_SELECTION })).toEqual({ injected: true });
    expect(h.loaded).toEqual([contentScript(NEWS, 9)]);
    for (const extra of [{ tabId: 3 }, { url: 'https://evil.example/' }, { frameId: 2 }]) {
      const r = await h.ask(contentScript(NEWS, 9), { type: LOADER_SELECTION, ...extra });
      expect(r.ok).toBe(false);
    }
    expect(h.loaded).toHaveLength(1);
  });

  it('is for pages only: extension pages and note frames are refused', async () => {
    for (const sender of [popup(), noteFrame()]) {
      const r = await h.ask(sender, { type: LOADER_SELECTION });
      expect(r.ok).toBe(false);
    }
    expect(h.loaded).toEqual([]);
  });
});

describe("handleMessage from Chrome's article loader, whose import failed", () => {
  let h: Harness;
  const ARTICLE = 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html';
  let asked: PageSender[];
  beforeEach(() => {
    h = harness();
    asked = [];
    h.deps.loadArticle = async (page) => void asked.push(page);
  });
  afterEach(() => h.close());

  it("runs the article script in the sender's own document, on a self-media article URL", async () => {
    const sender = { ...contentScript(ARTICLE, 4), documentId: 'DOC-1' };
    expect(await h.ok(sender, { type: ARTICLE_CLASSIC })).toEqual({ injected: true });
    expect(asked).toEqual([sender]);
  });

  it("runs nothing on a portal's own news or a granted site: the manifest runs no loader there", async () => {
    for (const url of ['https://www.163.com/news/article/KKG7R2LD000189FH.html', NEWS]) {
      expect(await h.ok(contentScript(url, 4), { type: ARTICLE_CLASSIC })).toEqual({ injected: false });
    }
    expect(asked).toEqual([]);
  });

  it('takes no target from the message, and no order from extension pages or the note frame', async () => {
    for (const extra of [{ tabId: 3 }, { documentId: 'DOC-2' }, { file: 'background.js' }]) {
      expect((await h.ask(contentScript(ARTICLE, 4), { type: ARTICLE_CLASSIC, ...extra })).ok).toBe(false);
    }
    for (const sender of [popup(), noteFrame()]) expect((await h.ask(sender, { type: ARTICLE_CLASSIC })).ok).toBe(false);
    expect(asked).toEqual([]);
  });
});
