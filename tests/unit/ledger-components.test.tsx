import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildLedger, type AccountSummary } from '@/components/factcheck/ledger';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import LedgerPage from '@/components/ui/ledger/LedgerPage';
import { DEFAULT_SORT, nextSort, sortAccounts } from '@/components/ui/ledger/ledger-sort';
import { ledgerView, snapshotHref } from '@/components/ui/ledger/ledger-view';
import { webHref } from '@/components/ui/web-href';
import { SourcemarkDB } from '@/storage/db/db';
import type { LedgerRow } from '@/storage/db/ledger-row';
import { writeSettings } from '@/storage/db/settings';
import { sampleAnnotation } from '../support/sample-annotation';

// The background, as the page sees it: `request` is what the test makes it.
const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('@/storage/messaging/client', () => ({ request: mocks.request }));

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** A ledger row of the NetEase seed shape; `id` is the 16-character article id. */
function row(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    pageKey: `163.com/article/${id}`,
    url: `https://www.163.com/dy/article/${id}.html`,
    title: `文章 ${id.slice(0, 3)}`,
    account: '史政先锋',
    platform: 'netease',
    chars: 1000,
    claims: { vague: 1, certainty: 1, statistic: 0 },
    opened: '2026-02-01T10:00:00.000Z',
    ...over,
  };
}

function snapshotOf(r: LedgerRow): ArticleSnapshot {
  return {
    pageKey: r.pageKey,
    url: r.url,
    title: r.title,
    account: r.account,
    platform: r.platform,
    page: 'netease-hao',
    published: null,
    statement: null,
    paragraphs: ['第一段。'],
    sha256: '0'.repeat(64),
    taken: '2026-02-01T10:00:00.000Z',
  };
}

async function until(done: () => boolean): Promise<void> {
  await vi.waitFor(
    () => {
      if (!done()) throw new Error('not yet');
    },
    { timeout: 5000, interval: 10 },
  );
}

const summaryOf = (account: string, over: Partial<AccountSummary> = {}) => ({
  summary: { ...buildLedger([{ ...row('AAAAAAAAAAAAAAAA'), account }])[0]!, ...over },
});

describe('ledger sorting', () => {
  it('starts with the most articles first', () => {
    expect(DEFAULT_SORT).toEqual({ column: 'articles', direction: 'descending' });
  });

  it('reverses the sorted column when it is picked again', () => {
    expect(nextSort(DEFAULT_SORT, 'articles')).toEqual({ column: 'articles', direction: 'ascending' });
    expect(nextSort({ column: 'articles', direction: 'ascending' }, 'articles')).toEqual({ column: 'articles', direction: 'descending' });
  });

  it.each([
    ['account', 'ascending'],
    ['platform', 'ascending'],
    ['rate', 'descending'],
    ['rate:vague', 'descending'],
    ['verdict:false', 'descending'],
    ['lastOpened', 'descending'],
  ] as const)('starts %s in %s order when another column was sorted', (column, direction) => {
    expect(nextSort(DEFAULT_SORT, column)).toEqual({ column, direction });
  });

  it('keeps ties in name order in either direction, and puts accounts without a rate last', () => {
    const list = [summaryOf('丙', { rate: 3 }), summaryOf('乙', { rate: null }), summaryOf('甲', { rate: 3 }), summaryOf('丁', { rate: 5 })];
    const names = (d: 'ascending' | 'descending') => sortAccounts(list, { column: 'rate', direction: d }).map((a) => a.summary.account);
    // 丙 bǐng, 丁 dīng, 甲 jiǎ, 乙 yǐ: pinyin order.
    expect(names('descending')).toEqual(['丁', '丙', '甲', '乙']);
    expect(names('ascending')).toEqual(['乙', '丙', '甲', '丁']);
    expect(sortAccounts(list, { column: 'account', direction: 'descending' }).map((a) => a.summary.account)).toEqual(['乙', '甲', '丁', '丙']);
  });
});

describe('ledgerView', () => {
  it("lists each account's articles latest first, with their claims and whether a snapshot exists", () => {
    const rows = [
      row('AAAAAAAAAAAAAAAA', { opened: '2026-02-01T10:00:00.000Z' }),
      row('BBBBBBBBBBBBBBBB', { opened: '2026-02-03T10:00:00.000Z', claims: { vague: 0, certainty: 0, statistic: 4 } }),
    ];
    const [account] = ledgerView(rows, [], new Set([rows[0]!.pageKey]));
    expect(account!.articles.map((a) => [a.pageKey, a.claims, a.snapshot])).toEqual([
      ['163.com/article/BBBBBBBBBBBBBBBB', 4, false],
      ['163.com/article/AAAAAAAAAAAAAAAA', 2, true],
    ]);
  });

  it.each([
    ['https://www.163.com/dy/article/A.html', 'https://www.163.com/dy/article/A.html'],
    ['http://example.com/a', 'http://example.com/a'],
    ['javascript:alert(1)', null],
    ['data:text/html,<p>x</p>', null],
    ['not a url', null],
  ])('links %s as %s', (url, href) => {
    expect(webHref(url)).toBe(href);
  });

  it('names the snapshot page by the encoded page key', () => {
    expect(snapshotHref('163.com/article/A?x=1&y=2')).toBe('snapshot.html?page=163.com%2Farticle%2FA%3Fx%3D1%26y%3D2');
  });
});

describe('the ledger page', () => {
  let db: SourcemarkDB;
  let root: HTMLElement;
  beforeEach(async () => {
    db = new SourcemarkDB(`ledger-ui-${Math.random()}`);
    await writeSettings(db, { language: 'en' });
    root = document.createElement('div');
    document.body.append(root);
    mocks.request.mockReset();
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    render(null, root);
    root.remove();
    db.close();
    await db.delete();
  });

  const mount = () => render(<LedgerPage db={db} browserLanguage="en-GB" />, root);
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const $$ = (selector: string) => Array.from(root.querySelectorAll<HTMLElement>(selector));
  const accounts = () => $$('tbody.ledger-account').map((b) => b.dataset.account);
  const header = (column: string) => $(`th[data-column="${column}"]`)!;
  const button = (text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);

  async function seeded(): Promise<void> {
    await db.ledger.bulkPut([
      row('AAAAAAAAAAAAAAAA', { account: '甲', chars: 2000, claims: { vague: 1, certainty: 0, statistic: 0 } }),
      row('BBBBBBBBBBBBBBBB', { account: '乙', chars: 1000, claims: { vague: 3, certainty: 0, statistic: 0 } }),
      row('CCCCCCCCCCCCCCCC', { account: '乙', chars: 1000, claims: { vague: 0, certainty: 1, statistic: 0 } }),
    ]);
    mount();
    await until(() => accounts().length === 2);
  }

  it('says nothing is counted yet when the ledger is empty, and that counting is off when it is', async () => {
    mount();
    await until(() => $('.ledger-empty') !== null);
    expect($('.ledger-empty')!.textContent).toBe('Nothing counted yet. Open a self-media article with counting on, and its account appears here.');
    expect($('table')).toBeNull();
    expect(button('Clear the ledger…')!.disabled).toBe(true);
    await writeSettings(db, { ledgerEnabled: false });
    await until(() => $('.ledger-empty')!.textContent === 'Counting is off: the articles you open are not recorded.');
  });

  it('says the ledger never leaves the browser, sync included', async () => {
    mount();
    await until(() => $('.privacy') !== null);
    expect($('.privacy')!.textContent).toContain('never sent anywhere: sync, backups and exports leave it out');
  });

  it('shows one row per account, most articles first, with its rates and verdicts', async () => {
    await db.annotations.put(sampleAnnotation({ pageKey: row('BBBBBBBBBBBBBBBB').pageKey, assessment: { verdict: 'false', evidence: [] } }));
    await seeded();
    expect(accounts()).toEqual(['乙', '甲']);
    const first = $('tbody.ledger-account')!;
    const cell = (column: string) => first.querySelector(`td[data-column="${column}"]`)!.textContent;
    expect(cell('articles')).toBe('2');
    expect(cell('rate')).toBe('2.0');
    expect(cell('rate:vague')).toBe('1.5');
    expect(cell('rate:certainty')).toBe('0.5');
    expect(cell('verdict:false')).toBe('1');
    expect(first.querySelector('td')!.textContent).toBe('NetEase Hao');
    expect(header('articles').getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts by a column header button, marking only that header with aria-sort, and reverses on a second press', async () => {
    await seeded();
    const sortButton = header('rate').querySelector('button')!;
    expect(sortButton.getAttribute('type')).toBe('button');
    sortButton.click();
    await until(() => header('rate').getAttribute('aria-sort') === 'descending');
    expect(accounts()).toEqual(['乙', '甲']);
    expect($$('th[aria-sort]')).toHaveLength(1);
    sortButton.click();
    await until(() => header('rate').getAttribute('aria-sort') === 'ascending');
    expect(accounts()).toEqual(['甲', '乙']);
    header('account').querySelector('button')!.click();
    await until(() => header('account').getAttribute('aria-sort') === 'ascending');
    expect(header('rate').hasAttribute('aria-sort')).toBe(false);
    expect(accounts()).toEqual(['甲', '乙']);
  });

  it("opens an account's articles with its disclosure button: links only to web addresses, without a referrer, and to snapshots", async () => {
    const hostile = row('DDDDDDDDDDDDDDDD', { account: '甲', url: 'javascript:alert(1)', title: HOSTILE, opened: '2026-02-02T10:00:00.000Z' });
    await db.ledger.put(hostile);
    await db.snapshots.put(snapshotOf(row('AAAAAAAAAAAAAAAA')));
    await seeded();
    const body = $('tbody[data-account="甲"]')!;
    const disclosure = body.querySelector<HTMLButtonElement>('button.disclosure')!;
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(body.querySelector('.ledger-articles')).toBeNull();
    disclosure.click();
    await until(() => disclosure.getAttribute('aria-expanded') === 'true');
    const region = root.querySelector(`#${disclosure.getAttribute('aria-controls')}`)!;
    const items = Array.from(region.querySelectorAll('li'));
    expect(items.map((li) => li.dataset.pageKey)).toEqual([hostile.pageKey, row('AAAAAAAAAAAAAAAA').pageKey]);

    // The hostile title is text, and its address is not a link.
    expect(items[0]!.querySelector('a.article-title')).toBeNull();
    expect(items[0]!.querySelector('.article-title')!.textContent).toBe(HOSTILE);
    expect(region.querySelector('img')).toBeNull();

    const link = items[1]!.querySelector<HTMLAnchorElement>('a.article-title')!;
    expect(link.getAttribute('href')).toBe('https://www.163.com/dy/article/AAAAAAAAAAAAAAAA.html');
    expect(link.rel).toBe('noreferrer');
    expect(items[1]!.querySelector('.article-claims')!.textContent).toBe('1 unsourced claim');
    expect(items[1]!.querySelector('a.snapshot-link')!.getAttribute('href')).toBe('snapshot.html?page=163.com%2Farticle%2FAAAAAAAAAAAAAAAA');
    expect(items[0]!.querySelector('a.snapshot-link')).toBeNull();

    disclosure.click();
    await until(() => disclosure.getAttribute('aria-expanded') === 'false');
    expect(body.querySelector('.ledger-articles')).toBeNull();
  });

  it('follows the database: an article counted while the page is open shows at once', async () => {
    await seeded();
    await db.ledger.put(row('EEEEEEEEEEEEEEEE', { account: '丙' }));
    await until(() => accounts().length === 3);
    expect(accounts()).toContain('丙');
  });

  it('switches counting off through the background, and back when the background refuses', async () => {
    mocks.request.mockResolvedValueOnce({ settings: {} });
    mount();
    await until(() => $('input[role="switch"]') !== null);
    const input = $<HTMLInputElement>('input[role="switch"]')!;
    expect(input.checked).toBe(true);
    expect(input.closest('label')!.textContent).toBe('Count the articles I open');
    input.click();
    await until(() => mocks.request.mock.calls.length === 1);
    expect(mocks.request).toHaveBeenCalledWith({ type: 'settings.set', patch: { ledgerEnabled: false } });
    expect(input.checked).toBe(false);

    mocks.request.mockRejectedValueOnce(new Error('refused'));
    input.click();
    await until(() => $('[role="alert"]') !== null);
    expect(mocks.request).toHaveBeenLastCalledWith({ type: 'settings.set', patch: { ledgerEnabled: true } });
    expect(input.checked).toBe(false);
    expect($('[role="alert"]')!.textContent).toBe('Did not work: refused');
  });

  it('follows the setting when it is changed elsewhere, and keeps a click made at once after opening', async () => {
    mocks.request.mockResolvedValue({ settings: {} });
    mount();
    await until(() => $('input[role="switch"]') !== null);
    const input = $<HTMLInputElement>('input[role="switch"]')!;
    // A click in the first frame: nothing that runs after mounting may switch it back.
    input.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(input.checked).toBe(false);

    // The background stores what was asked; then the options page switches it on, then off.
    await writeSettings(db, { ledgerEnabled: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(input.checked).toBe(false);
    await writeSettings(db, { ledgerEnabled: true });
    await until(() => input.checked);
    await writeSettings(db, { ledgerEnabled: false });
    await until(() => !input.checked);
    expect(mocks.request).toHaveBeenCalledTimes(1);
  });

  it('clears the ledger only after the confirm step in the page, and cancelling sends nothing', async () => {
    await seeded();
    // A blocking dialog would be the wrong confirm step: none may be asked for.
    const confirmSpy = vi.fn(() => true);
    vi.stubGlobal('confirm', confirmSpy);
    button('Clear the ledger…')!.click();
    await until(() => $('.clear-confirm') !== null);
    expect($('.clear-confirm')!.textContent).toContain('Forget all 3 articles in the ledger?');
    // The focus moves to the question's button, and back to the one that asked on cancel.
    await until(() => document.activeElement === button('Clear'));
    button('Cancel')!.click();
    await until(() => $('.clear-confirm') === null);
    await until(() => document.activeElement === button('Clear the ledger…'));
    expect(mocks.request).not.toHaveBeenCalled();

    mocks.request.mockResolvedValueOnce({ cleared: 3 });
    button('Clear the ledger…')!.click();
    await until(() => button('Clear') !== undefined);
    button('Clear')!.click();
    await until(() => $('[role="status"]') !== null);
    expect(mocks.request).toHaveBeenCalledWith({ type: 'ledger.clear' });
    expect($('[role="status"]')!.textContent).toBe('Cleared 3 articles from the ledger.');
    expect(confirmSpy).not.toHaveBeenCalled();
  });
});
