import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recognise } from '@/components/recognition/recognise';
import { articleRecord } from '@/entrypoints/claims/article-record';
import { parseSeed, readSeed } from '../support/seed-docs';

const URL = 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html';
const BADGE = { count: 0, lang: 'zh' as const, product: { zh: '网易号', en: 'NetEase Hao' } };

/** The messages the article script sends, answered as the background would. */
let sent: { type: string; [k: string]: unknown }[] = [];
const runtime = {
  sendMessage: async (m: { type: string }) => {
    sent.push(m);
    return { ok: true, data: m.type === 'article.opened' ? { summary: null } : {} };
  },
};

describe("the article's record at load (entrypoints/claims/article-record.ts)", () => {
  beforeEach(() => {
    sent = [];
    // The bare client takes `browser` first (Firefox), as WXT's test setup defines it.
    vi.stubGlobal('browser', { runtime });
    // The 网易号 seed as this window's document: the record reads the page it runs in.
    const seed = parseSeed(readSeed('netease-hao-desktop.html'));
    // Nothing for this window to load or run: the record reads text.
    for (const el of seed.querySelectorAll('script, iframe')) el.remove();
    const root = document.importNode(seed.documentElement, true);
    document.removeChild(document.documentElement);
    document.appendChild(root);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('counts the opening with its claims in the ledger, the badge in the same message', async () => {
    const page = recognise(document, URL);
    expect(page.kind).toBe('self-media');
    const claims = { vague: 2, certainty: 1, statistic: 3 };
    await articleRecord({ page, lang: 'zh', banner: null }).onLoad(claims, null, undefined, { ...BADGE, count: 6 });
    expect(sent.map((m) => m.type)).toEqual(['article.opened']);
    expect(sent[0]).toMatchObject({ opened: { platform: 'netease', claims }, badge: { count: 6 } });
    expect((sent[0]!.opened as { chars: number }).chars).toBeGreaterThan(100);
  });

  it('leaves an opening whose claims could not be counted out of the ledger, and still says the badge', async () => {
    const page = recognise(document, URL);
    expect(page.kind).toBe('self-media');
    await articleRecord({ page, lang: 'zh', banner: null }).onLoad(null, null, undefined, BADGE);
    expect(sent).toEqual([{ type: 'page.claims', ...BADGE }]);
  });
});
