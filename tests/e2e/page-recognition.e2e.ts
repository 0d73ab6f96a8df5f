import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PLATFORMS } from '../../components/recognition/platforms';
import { matchUrl } from '../../components/recognition/url-shape';
import { seed, seedHtml, seedPages, serveSeeds, type SeedPage } from './harness';
import { sourcemarkWorld, waitForSourcemark } from './probes';
import { useHarness } from './use-harness';

const banner = (page: Page) => page.getByRole('region', { name: 'Sourcemark' });
const platformOf = (s: SeedPage) => PLATFORMS.find((p) => p.id === s.platform)!;
/** What the banner says the platform does, as its statement (or its silence) says. */
const ROLE_WORDS = { stores: '只提供信息存储服务', publishes: '只提供发布平台', disowns: '声明它不代表平台的观点', silent: '不附任何声明' };

/** What Sourcemark wrote into the page: the page attribute, every mark, and our UI hosts. */
const traces = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.dataset.sourcemarkPage ?? null,
    marks: document.querySelectorAll('[data-sourcemark], [data-sourcemark-ui]').length,
  }));

describe('recognising every seed page (Chinese browser)', () => {
  const h = useHarness({ locale: 'zh-CN' });
  beforeAll(async () => {
    serveSeeds(h);
  });

  for (const s of seedPages().filter((p) => p.kind === 'self-media')) {
    it(`marks ${s.file} as ${s.page}, all of its statement and nothing else, names ${s.account} in the banner, and marks claims`, async () => {
      const page = await h.open(s.url);
      const status = await waitForSourcemark(h, page);
      expect(status).toMatchObject({ kind: 'self-media', platform: s.platform, page: s.page, account: s.account });
      expect(await page.evaluate(() => document.documentElement.dataset.sourcemarkPage)).toBe(s.page);

      const statement = await page.evaluate(
        ({ expected, own }) => {
          const marked = Array.from(document.querySelectorAll('[data-sourcemark="disclaimer"]'));
          const wanted = expected ? Array.from(document.querySelectorAll(expected)) : [];
          const author = own ? document.querySelector(own) : null;
          return {
            marked: marked.length,
            wanted: wanted.length,
            same: marked.length === wanted.length && marked.every((el, i) => el === wanted[i]),
            authorFound: !!author,
            authorMarked: !!author && marked.some((el) => el === author || el.contains(author) || author.contains(el)),
            outline: marked[0] ? getComputedStyle(marked[0]).outlineStyle : null,
          };
        },
        { expected: s.statementSelector, own: s.authorStatementSelector },
      );
      expect(statement.wanted > 0).toBe(s.statement);
      expect(statement).toMatchObject({ marked: statement.wanted, same: true, authorMarked: false });
      if (s.authorStatementSelector) expect(statement.authorFound).toBe(true);
      if (s.statement) expect(statement.outline).toBe('solid');

      const region = banner(page);
      await expect.poll(() => region.count()).toBe(1);
      const text = await region.innerText();
      const platform = platformOf(s);
      const names = platform.names;
      expect(text).toContain(`${names.product.zh}“${s.account}”`);
      expect(text).toContain(names.portal.zh);
      expect(text).toContain(ROLE_WORDS[platform.printsStatement ? platform.role : 'silent']);
      // Above the title: the banner's host comes before the title in document order.
      const above = await page.evaluate(() => {
        const host = document.querySelector('[data-sourcemark-ui="banner"]');
        const title = host?.nextElementSibling;
        return !!title && /^H[12]$/.test(title.tagName) && (title.textContent ?? '').trim().length > 0;
      });
      expect(above).toBe(true);

      const claims = await page.evaluate((bodySel) => {
        const body = document.querySelector(bodySel)!;
        const els = Array.from(document.querySelectorAll('[data-sourcemark="claim"]'));
        return { all: els.length, outsideBody: els.filter((el) => !body.contains(el)).length };
      }, s.bodySelector);
      expect(claims.all).toBeGreaterThan(0);
      expect(claims.outsideBody).toBe(0);
      await page.close();
    });
  }

  for (const s of seedPages().filter((p) => p.kind !== 'self-media')) {
    const shared = matchUrl(s.url)?.kind === 'either';
    const how = shared
      ? 'the content script, which its URL shape shares with self-media, stays idle'
      : 'the content script does not run there';
    it(`leaves ${s.file} (${s.kind}) untouched: ${how}`, async () => {
      const page = await h.open(s.url);
      expect(await sourcemarkWorld(h, page)).toEqual(shared ? { injected: true, started: false } : { injected: false });
      expect(await traces(page)).toEqual({ page: null, marks: 0 });
      await page.close();
    });
  }

  it('does not run on a page that is no article: the portal’s front page', async () => {
    h.serve('https://www.163.com/', '<!doctype html><meta charset="utf-8"><title>网易</title><h1>网易</h1><p>特别声明：以上内容为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</p>');
    const page = await h.open('https://www.163.com/');
    expect(await sourcemarkWorld(h, page)).toEqual({ injected: false });
    expect(await traces(page)).toEqual({ page: null, marks: 0 });
    await page.close();
  });

  it('recognises an article that a single-page app renders after the document loaded', async () => {
    const s = seed('thepaper-paike.html');
    const url = 'https://www.thepaper.cn/newsDetail_forward_39999999';
    // The seed's body and statement arrive 800 ms after load, as a client-rendered page's do.
    const html = seedHtml(s.file);
    const doc = html.replace(/<body[^>]*>[\s\S]*<\/body>/, '<body><div id="root"></div><template id="later">$&</template></body>');
    const late = doc.replace(
      '</body></template></body>',
      `</body></template><script>setTimeout(() => { const t = document.getElementById('later');
        document.getElementById('root').innerHTML = t.innerHTML.replace(/^<body[^>]*>|<\\/body>$/g, ''); }, 800);</script></body>`,
    );
    h.serve(url, late);
    const page = await h.open(url);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.sourcemarkPage ?? null), { timeout: 8000 }).toBe('thepaper-paike');
    const status = await waitForSourcemark(h, page);
    expect(status).toMatchObject({ kind: 'self-media', platform: 'thepaper', account: s.account });
    expect(await page.locator('[data-sourcemark="disclaimer"]').count()).toBe(1);
    await expect.poll(() => banner(page).count()).toBe(1);
    await page.close();
  });

  it('sees its own content script where it runs (the probe above can tell)', async () => {
    const page = await h.open(seed('netease-hao-desktop.html').url);
    await waitForSourcemark(h, page);
    expect(await sourcemarkWorld(h, page)).toEqual({ injected: true, started: true });
    await page.close();
  });

  it('can be dismissed', async () => {
    const page = await h.open(seed('sohu-hao-desktop.html').url);
    await banner(page).getByRole('button', { name: '关闭提示' }).click();
    await expect.poll(() => banner(page).count()).toBe(0);
    await page.close();
  });

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
    const text = (p: Page) => p.evaluate(() => document.body.textContent);
    expect(await text(marked)).toEqual(await text(plain));
    await marked.close();
    await plain.close();
  });

  it('sent no request to any host: the seeds need none and the extension makes none', () => {
    expect(h.strayRequests).toEqual([]);
  });
});

describe('recognising self-media pages (English browser)', () => {
  const h = useHarness({ locale: 'en-US' });
  beforeAll(async () => {
    serveSeeds(h);
  });

  it('names the platform and the account, and what the platform does with the upload', async () => {
    const page = await h.open(seed('sohu-hao-desktop.html').url);
    const region = banner(page);
    await expect.poll(() => region.count()).toBe(1);
    const text = await region.innerText();
    expect(text).toContain(`the Sohu Hao account “${seed('sohu-hao-desktop.html').account}”`);
    expect(text).toContain('Sohu only stores it');
    await region.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => region.count()).toBe(0);
    await page.close();
  });

  it('says so where the platform publishes uploads with no statement', async () => {
    const page = await h.open(seed('wechat-mp.html').url);
    const region = banner(page);
    await expect.poll(() => region.count()).toBe(1);
    expect(await region.innerText()).toContain('WeChat publishes its users\' uploads without any statement');
    await page.close();
    expect(h.strayRequests).toEqual([]);
  });
});
