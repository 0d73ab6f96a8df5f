import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildLedger, per1000 } from '../../components/factcheck/ledger';
import type { LedgerRow } from '../../storage/db/ledger-row';
import { expectNoSeriousViolations } from './axe';
import { SEED, escapeHtml, inBody, seedVariant, waitForSourcemark, withAccount, type SourcemarkStatus } from './probes';
import { useHarness } from './use-harness';

/** The seed's account, with three articles opened; the other account has one. */
const FIRST = SEED.account!;
const SECOND = '另一个观察号';
/** One more unsourced claim in the second article, so the three articles do not count alike. */
const EXTRA = '<p>据知情人士透露，这笔交易早已谈妥。</p>';

const FIRST_ARTICLES = [
  seedVariant('LEDGER0000000001'),
  seedVariant('LEDGER0000000002', (html) => inBody(html, EXTRA)),
  seedVariant('LEDGER0000000003'),
];
const SECOND_ARTICLE = seedVariant('LEDGER0000000004', (html) => withAccount(html, escapeHtml(SECOND)));
/** Opened with counting switched off. */
const UNCOUNTED = seedVariant('LEDGER0000000005');

interface Opened {
  url: string;
  /** What the content script reported: its claim counts by category. */
  claims: number;
  /** Characters of the article body, counted in the page the way the ledger counts them. */
  chars: number;
}

/** What `content.status` says beyond `ready`. */
type Status = SourcemarkStatus & { account: string | null; claims: Record<string, number> };

/**
 * Non-white-space characters of the article body as the reader sees it (Sourcemark's own UI and
 * scripts left out; a character outside the BMP counts once), computed in the page itself.
 */
function bodyChars(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    const body = document.querySelector(selector)!.cloneNode(true) as Element;
    for (const el of Array.from(body.querySelectorAll('[data-sourcemark-ui], script, style, noscript, template'))) el.remove();
    let n = 0;
    for (const ch of body.textContent ?? '') if (!/\s/.test(ch)) n++;
    return n;
  }, SEED.bodySelector);
}

/** The ledger table and a setting as the extension's database holds them, read in its service worker. */
function readDb<T>(h: ReturnType<typeof useHarness>, store: 'ledger' | 'settings', key?: string): Promise<T> {
  return h.worker.evaluate(
    ({ store, key }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const objects = open.result.transaction(store).objectStore(store);
          const req = key === undefined ? objects.getAll() : objects.get(key);
          req.onsuccess = () => {
            resolve(req.result as T);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    { store, key },
  );
}

const ledgerRows = (h: ReturnType<typeof useHarness>) => readDb<LedgerRow[]>(h, 'ledger');

/** The account's row on the ledger page. */
const accountRow = (ledger: Page, account: string) => ledger.locator(`tbody.ledger-account[data-account="${account}"]`);
const cell = (ledger: Page, account: string, column: string) => accountRow(ledger, account).locator(`td[data-column="${column}"]`);
/** The ledger line in the banner's open shadow root (Playwright's CSS pierces it). */
const bannerLine = (page: Page) => page.locator('[data-sourcemark-ui="banner"] .ledger-line');

describe('the account ledger', () => {
  const h = useHarness({ locale: 'zh-CN' });
  const opened: Opened[] = [];
  let ledger: Page;

  async function openCounted(article: { url: string }): Promise<{ page: Page; status: Status }> {
    const page = await h.open(article.url);
    const status = (await waitForSourcemark(h, page)) as Status;
    return { page, status };
  }

  beforeAll(async () => {
    for (const a of [...FIRST_ARTICLES, SECOND_ARTICLE, UNCOUNTED]) h.serve(a.url, a.html);
  });

  it("counts three articles of one account and one of another, and the page's rates are the content script's counts over the body's characters", async () => {
    for (const article of [...FIRST_ARTICLES, SECOND_ARTICLE]) {
      const { page, status } = await openCounted(article);
      expect(status.account).toBe(article === SECOND_ARTICLE ? SECOND : FIRST);
      const claims = Object.values(status.claims).reduce((n, c) => n + c, 0);
      expect(claims).toBeGreaterThan(0);
      opened.push({ url: article.url, claims, chars: await bodyChars(page) });
      if (article !== SECOND_ARTICLE) await page.close();
    }
    // The extra paragraph made the second article count one claim more than the first.
    expect(opened[1]!.claims).toBe(opened[0]!.claims + 1);

    // The database holds what the content script reported, at the background's page keys.
    const rows = await ledgerRows(h);
    expect(rows).toHaveLength(4);
    for (const o of opened) {
      const r = rows.find((x) => x.url === o.url)!;
      expect(r.claims.vague + r.claims.certainty + r.claims.statistic).toBe(o.claims);
      expect(r.chars).toBe(o.chars);
    }

    ledger = await h.open(`chrome-extension://${h.extensionId}/ledger.html`);
    await expect.poll(() => cell(ledger, FIRST, 'articles').innerText()).toBe('3');
    expect(await cell(ledger, SECOND, 'articles').innerText()).toBe('1');
    const first = opened.slice(0, 3);
    const sum = (list: Opened[], f: (o: Opened) => number) => list.reduce((n, o) => n + f(o), 0);
    const expected = (list: Opened[]) => per1000(sum(list, (o) => o.claims), sum(list, (o) => o.chars))!.toFixed(1);
    expect(await cell(ledger, FIRST, 'rate').innerText()).toBe(expected(first));
    expect(await cell(ledger, SECOND, 'rate').innerText()).toBe(expected([opened[3]!]));
    // The same as the ledger's own arithmetic over the stored rows.
    const fromRows = buildLedger(rows).find((s) => s.account === FIRST)!;
    expect(fromRows.rate!.toFixed(1)).toBe(expected(first));
    // Sorted by articles, most first.
    expect(await ledger.locator('tbody.ledger-account').evaluateAll((els) => els.map((el) => el.getAttribute('data-account')))).toEqual([FIRST, SECOND]);
  });

  it("shows the account's line in the banner of its article", async () => {
    const page = h.context.pages().find((p) => p.url() === SECOND_ARTICLE.url)!;
    const rate = per1000(opened[3]!.claims, opened[3]!.chars)!.toFixed(1);
    await expect.poll(() => bannerLine(page).innerText()).toBe(`你打开过 1 篇；每千字 ${rate} 处无出处说法`);
    await page.close();
  });

  it('counts an article opened again once', async () => {
    const { page } = await openCounted(FIRST_ARTICLES[0]!);
    await expect.poll(() => bannerLine(page).innerText()).toMatch(/^你打开过 3 篇；/);
    await page.close();
    expect(await ledgerRows(h)).toHaveLength(4);
    await ledger.bringToFront();
    expect(await cell(ledger, FIRST, 'articles').innerText()).toBe('3');
  });

  it("lists an account's articles under its disclosure button, and the page has no serious accessibility violation", async () => {
    const disclosure = accountRow(ledger, FIRST).locator('button.disclosure');
    await disclosure.focus();
    await ledger.keyboard.press('Enter');
    await expect.poll(() => disclosure.getAttribute('aria-expanded')).toBe('true');
    const links = accountRow(ledger, FIRST).locator('.ledger-articles a.article-title');
    expect((await links.evaluateAll((els) => els.map((a) => a.getAttribute('href')))).sort()).toEqual(FIRST_ARTICLES.map((a) => a.url).sort());
    expect(await links.first().getAttribute('rel')).toBe('noreferrer');

    await ledger.locator('th[data-column="rate"] button').click();
    await expect.poll(() => ledger.locator('th[data-column="rate"]').getAttribute('aria-sort')).toBe('descending');
    await expectNoSeriousViolations(ledger, 'body');
  });

  it('clears the ledger after the confirm step: the page shows its empty state and the table is empty', async () => {
    await ledger.getByRole('button', { name: '清空记录…' }).click();
    await ledger.getByRole('group').getByRole('button', { name: '清空', exact: true }).click();
    await expect.poll(() => ledger.locator('.ledger-empty').innerText()).toBe('还没有记录。开着统计时打开一篇自媒体文章，它的账号就会出现在这里。');
    expect(await ledger.getByRole('status').innerText()).toBe('已清空 4 篇文章的记录。');
    expect(await ledgerRows(h)).toEqual([]);
    await expectNoSeriousViolations(ledger, 'body');
  });

  it('counts nothing once switched off: the next article is not in the ledger and its banner has no ledger line', async () => {
    await ledger.getByRole('switch', { name: '统计我打开的文章' }).click();
    await expect.poll(() => readDb<{ value: unknown } | undefined>(h, 'settings', 'ledgerEnabled').then((r) => r?.value)).toBe(false);
    await expect.poll(() => ledger.locator('.ledger-empty').innerText()).toBe('统计已关闭，不会记录你打开的文章。');

    const { page } = await openCounted(UNCOUNTED);
    // openCounted waited for the content script to say it is done (it counts before that); and
    // the banner the line would be in is there.
    expect(await page.getByRole('region', { name: 'Sourcemark' }).count()).toBe(1);
    expect(await bannerLine(page).count()).toBe(0);
    expect(await ledgerRows(h)).toEqual([]);
    await page.close();
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
