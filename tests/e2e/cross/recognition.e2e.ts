import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../components/recognition/platforms';
import { seedPages, type SeedPage } from '../harness';
import { bannerText, openReader, statusesAt, traces, waitForSourcemark } from './actions';
import { BROWSERS, useBrowser } from './browsers';
import type { Tab } from './driver';

/**
 * Page recognition, the statement and the claim marks on every seed, in each browser
 * (tests/e2e/page-recognition.e2e.ts and claims.e2e.ts check more, in Chromium only).
 */
const platformOf = (s: SeedPage) => PLATFORMS.find((p) => p.id === s.platform)!;
const ROLE_WORDS = { stores: '只提供信息存储服务', publishes: '只提供发布平台', disowns: '声明它不代表平台的观点', silent: '不附任何声明' };
const selfMedia = seedPages().filter((p) => p.kind === 'self-media');
const others = seedPages().filter((p) => p.kind !== 'self-media');

describe.each(BROWSERS)('recognising every seed page in %s', (browser) => {
  const d = useBrowser(browser);
  let reader: Tab;
  beforeAll(async () => {
    reader = await openReader(d);
  });

  it.each(selfMedia.map((s) => [s.file, s] as const))(
    'marks %s: its kind, all of its statement and nothing else, the claims in its body, and a banner naming the account',
    async (_file, s) => {
      const page = await d.open(s.url);
      const status = await waitForSourcemark(reader, page);
      expect(status).toMatchObject({ kind: 'self-media', platform: s.platform, page: s.page, account: s.account });

      const facts = await page.evaluate(
        ({ expected, own, body }) => {
          const marked = Array.from(document.querySelectorAll('[data-sourcemark="disclaimer"]'));
          const wanted = expected ? Array.from(document.querySelectorAll(expected)) : [];
          const author = own ? document.querySelector(own) : null;
          const root = document.querySelector(body)!;
          const claims = Array.from(document.querySelectorAll('[data-sourcemark="claim"]'));
          const categories: Record<string, string> = {};
          for (const el of claims) categories[el.getAttribute('data-claim-index')!] = el.getAttribute('data-category')!;
          const counted: Record<string, number> = {};
          for (const c of Object.values(categories)) counted[c] = (counted[c] ?? 0) + 1;
          const banner = document.querySelector('[data-sourcemark-ui="banner"]');
          const shown: Record<string, number> = {};
          for (const li of Array.from(banner?.shadowRoot?.querySelectorAll('li.count[data-category]') ?? [])) {
            shown[li.getAttribute('data-category')!] = Number(li.querySelector('.n')?.textContent);
          }
          const title = banner?.nextElementSibling;
          return {
            page: document.documentElement.dataset.sourcemarkPage ?? null,
            statement: marked.length === wanted.length && marked.every((el, i) => el === wanted[i]),
            wanted: wanted.length,
            authorFound: !!author,
            authorMarked: !!author && marked.some((el) => el === author || el.contains(author) || author.contains(el)),
            claims: claims.length,
            claimsOutsideBody: claims.filter((el) => !root.contains(el)).length,
            counted,
            shown,
            bannerAboveTitle: !!title && /^H[12]$/.test(title.tagName) && (title.textContent ?? '').trim().length > 0,
          };
        },
        { expected: s.statementSelector, own: s.authorStatementSelector, body: s.bodySelector },
      );
      expect(facts.page).toBe(s.page);
      expect(facts.wanted > 0).toBe(s.statement);
      expect(facts).toMatchObject({ statement: true, authorMarked: false, claimsOutsideBody: 0, bannerAboveTitle: true });
      if (s.authorStatementSelector) expect(facts.authorFound).toBe(true);
      expect(facts.claims).toBeGreaterThan(0);
      // The banner's audit counts each category as the marks do.
      expect(facts.shown).toEqual(Object.fromEntries(['vague', 'certainty', 'statistic'].map((c) => [c, facts.counted[c] ?? 0])));

      const platform = platformOf(s);
      const text = await bannerText(page);
      expect(text).toContain(`${platform.names.product.zh}“${s.account}”`);
      expect(text).toContain(platform.names.portal.zh);
      expect(text).toContain(ROLE_WORDS[platform.printsStatement ? platform.role : 'silent']);
      await page.close();
    },
  );

  it.each(others.map((s) => [s.file, s] as const))('leaves %s (not self-media) untouched', async (_file, s) => {
    // The positive signal: in the same browser at the same time, a self-media article says it is
    // done. Content scripts run at document_end, before the `load` that open() waits for, so by
    // then the other page's would have started; it does not answer, and marks nothing.
    const page = await d.open(s.url);
    const article = await d.open(selfMedia[0]!.url);
    await waitForSourcemark(reader, article);
    expect(await statusesAt(reader, s.url)).toEqual([]);
    expect(await traces(page)).toEqual({ page: null, marks: 0 });
    await article.close();
    await page.close();
  });

  it('sent no request to any host: the seeds need none and the extension makes none', () => {
    expect(d.strayRequests).toEqual([]);
  });
});
