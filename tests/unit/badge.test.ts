import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgeFor, clearBadge, showBadge, toolbarButton, type Badge, type ToolbarButton } from '@/entrypoints/background/badge';
import { contentScript, EXTENSION_ID, harness, noteFrame, popup, senderOf, type Harness } from './background-harness';

const NETEASE_HAO = { zh: '网易号', en: 'NetEase Hao' };
const ARTICLE = 'https://www.163.com/dy/article/K6VVGDBD05566IUM.html';

describe('badgeFor', () => {
  it.each([
    [{ count: 7, product: NETEASE_HAO, lang: 'en' as const }, { text: '7', title: 'NetEase Hao · 7 unsourced claims' }],
    [{ count: 7, product: NETEASE_HAO, lang: 'zh' as const }, { text: '7', title: '网易号 · 7 处无出处说法' }],
    [{ count: 1, product: NETEASE_HAO, lang: 'en' as const }, { text: '1', title: 'NetEase Hao · 1 unsourced claim' }],
    [{ count: 0, product: NETEASE_HAO, lang: 'en' as const }, { text: '', title: 'NetEase Hao · 0 unsourced claims' }],
    [{ count: 99, lang: 'en' as const }, { text: '99', title: 'Sourcemark · 99 unsourced claims' }],
    [{ count: 100, lang: 'en' as const }, { text: '99+', title: 'Sourcemark · 100 unsourced claims' }],
  ])('shows %j as %j', (claims, badge) => {
    expect(badgeFor(claims)).toEqual(badge);
  });
});

describe('toolbarButton', () => {
  const fake = (): ToolbarButton => ({ setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} });

  it("takes MV3's action, else MV2's browserAction (Firefox's MV2 has no action)", () => {
    const action = fake();
    const browserAction = fake();
    expect(toolbarButton({ action, browserAction })).toBe(action);
    expect(toolbarButton({ browserAction })).toBe(browserAction);
    expect(toolbarButton({})).toBeNull();
  });

  it('sets text, colour and title on the one tab, and clears text and title back to plain', async () => {
    const calls: unknown[] = [];
    const button: ToolbarButton = {
      setBadgeText: async (d) => void calls.push(['text', d]),
      setBadgeBackgroundColor: async (d) => void calls.push(['color', d]),
      setTitle: async (d) => void calls.push(['title', d]),
    };
    await showBadge(button, 4, { text: '7', title: 'NetEase Hao · 7 unsourced claims' });
    await clearBadge(button, 4);
    expect(calls).toEqual([
      ['text', { tabId: 4, text: '7' }],
      ['color', { tabId: 4, color: '#b45309' }],
      ['title', { tabId: 4, title: 'NetEase Hao · 7 unsourced claims' }],
      ['text', { tabId: 4, text: '' }],
      ['title', { tabId: 4, title: 'Sourcemark' }],
    ]);
  });
});

describe('handleMessage page.claims', () => {
  let h: Harness;
  let shown: { tabId: number; badge: Badge }[];
  beforeEach(() => {
    h = harness();
    shown = [];
    h.deps.setBadge = async (tabId, badge) => void shown.push({ tabId, badge });
  });
  afterEach(() => h.close());

  it("puts the count on the sending content script's own tab", async () => {
    expect(await h.ok(contentScript(ARTICLE, 12), { type: 'page.claims', count: 7, product: NETEASE_HAO, lang: 'en' })).toEqual({ shown: true });
    expect(shown).toEqual([{ tabId: 12, badge: { text: '7', title: 'NetEase Hao · 7 unsourced claims' } }]);
  });

  it('shows no badge text for a page without unsourced claims', async () => {
    await h.ok(contentScript(ARTICLE), { type: 'page.claims', count: 0, product: NETEASE_HAO, lang: 'zh' });
    expect(shown.map((s) => s.badge.text)).toEqual(['']);
  });

  it.each([
    ['the popup', popup()],
    ['a note frame', noteFrame()],
  ])('refuses %s, which has no page of its own to count', async (_, sender) => {
    const r = await h.ask(sender, { type: 'page.claims', count: 3, lang: 'en' });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: /) });
    expect(shown).toEqual([]);
  });

  it("refuses a page of another extension's or a non-web frame", async () => {
    const stranger = senderOf({ id: 'x'.repeat(32), url: ARTICLE, tab: { id: 1 }, frameId: 0 });
    const subframe = senderOf({ id: EXTENSION_ID, url: ARTICLE, tab: { id: 1 }, frameId: 2 });
    for (const s of [stranger, subframe]) expect(await h.ask(s, { type: 'page.claims', count: 3, lang: 'en' })).toMatchObject({ ok: false });
    expect(shown).toEqual([]);
  });

  it.each([
    [{ count: -1, lang: 'en' }, 'count'],
    [{ count: 1.5, lang: 'en' }, 'count'],
    [{ count: 100_001, lang: 'en' }, 'count'],
    [{ count: 3, lang: 'fr' }, 'lang'],
    [{ count: 3, lang: 'en', product: { zh: '网'.repeat(41), en: 'x' } }, 'product'],
    // The tab is the sender's: a message cannot name another.
    [{ count: 3, lang: 'en', tabId: 99 }, '(root)'],
  ])('refuses %j (%s) and shows nothing', async (body, where) => {
    const r = await h.ask(contentScript(ARTICLE), { type: 'page.claims', ...body });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining(`invalid message: ${where}`) });
    expect(shown).toEqual([]);
  });

  it('answers shown: false where the background has no toolbar button to set', async () => {
    h.deps.setBadge = undefined;
    expect(await h.ok(contentScript(ARTICLE), { type: 'page.claims', count: 2, lang: 'en' })).toEqual({ shown: false });
  });
});

describe('handleMessage article.opened with the badge', () => {
  let h: Harness;
  let shown: { tabId: number; badge: Badge }[];
  beforeEach(() => {
    h = harness();
    shown = [];
    h.deps.setBadge = async (tabId, badge) => void shown.push({ tabId, badge });
  });
  afterEach(() => h.close());

  const opened = { account: '某账号', platform: 'netease' as const, title: '标题', chars: 1200, claims: { vague: 1, certainty: 0, statistic: 2 } };

  it("puts the count on the sending content script's own tab as it counts the opening", async () => {
    const badge = { count: 3, product: NETEASE_HAO, lang: 'en' as const };
    expect(await h.ok(contentScript(ARTICLE, 12), { type: 'article.opened', opened, badge })).toHaveProperty('summary');
    expect(shown).toEqual([{ tabId: 12, badge: { text: '3', title: 'NetEase Hao · 3 unsourced claims' } }]);
  });

  it('leaves the badge alone when the opening carries none', async () => {
    await h.ok(contentScript(ARTICLE, 12), { type: 'article.opened', opened });
    expect(shown).toEqual([]);
  });

  it('refuses a badge the page over-counts, and counts nothing', async () => {
    const r = await h.ask(contentScript(ARTICLE), { type: 'article.opened', opened, badge: { count: 100_001, lang: 'en' } });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('invalid message: badge.count') });
    expect(shown).toEqual([]);
  });
});
