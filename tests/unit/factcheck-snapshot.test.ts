/**
 * Article snapshots on the seed pages: what a snapshot reads off a real page, that its hash is the
 * text's and nothing else's, and that Sourcemark's own marks and UI never change it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recognise } from '@/components/recognition/recognise';
import { readPublished, dateIn } from '@/components/factcheck/published';
import {
  hashParagraphs,
  readArticle,
  readOpening,
  snapshotIntact,
  takeSnapshot,
} from '@/components/factcheck/snapshot';
import { ArticleSnapshotSchema, type ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { PLATFORMS } from '@/components/recognition/platforms';
import { findArticleBody } from '@/components/recognition/page-parts';
import { blockTexts } from '@/components/marking/text-ranges';
import type { SeedPage } from '../e2e/harness';
import { parseSeed, readSeed, seedEntries } from '../support/seed-docs';

const seeds = seedEntries<SeedPage>();
const seed = (file: string): SeedPage => {
  const s = seeds.find((p) => p.file === file);
  if (!s) throw new Error(`no seed ${file}`);
  return s;
};
const load = (s: SeedPage) => parseSeed(readSeed(s.file));
const snap = (s: SeedPage, doc = load(s)) => takeSnapshot(doc, s.url, recognise(doc, s.url), new Date('2026-02-01T08:00:00.000Z'));

/** The date each self-media seed prints in its header, as it prints it. */
const PUBLISHED: Record<string, string> = {
  'netease-hao-desktop.html': '2026-01-25 03:07:00',
  'netease-hao-mobile.html': '2026-01-25 03:07:00',
  'netease-hao-2019.html': '2019-06-21 08:46:12',
  'netease-hao-3g.html': '2026-01-10 19:22:05',
  'sohu-hao-desktop.html': '2026-01-18 10:26',
  'tencent-creator.html': '2025-11-18 09:41',
  'baijiahao.html': '2026-01-09 08:31',
  'sina-kandian.html': '2026年01月15日 14:20',
  'ifeng-dafeng.html': '2026-01-26 08:41:22',
  '36kr.html': '2026年01月24日 19:30',
  'thepaper-paike.html': '2026-01-23 18:12',
  'wechat-mp.html': '2026年1月24日 21:37',
};

describe.each(seeds.filter((s) => s.kind === 'self-media').map((s) => [s.file, s] as const))('a snapshot of %s', (file, s) => {
  it('names the article, its account, platform and product as recognition did', async () => {
    const shot = await snap(s);
    expect(shot.title.length).toBeGreaterThan(4);
    expect(shot.title).not.toMatch(/\s{2}|^\s|\s$/);
    expect(shot.account).toBe(s.account);
    expect(shot.platform).toBe(s.platform);
    expect(shot.page).toBe(s.page);
    expect(shot.url).toBe(s.url);
  });

  it('gives the date as the page prints it', async () => {
    expect((await snap(s)).published).toBe(PUBLISHED[file]);
  });

  it("keeps the body's paragraphs, each whole, none empty, none of them the platform's statement", async () => {
    const shot = await snap(s);
    expect(shot.paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(shot.paragraphs.length).toBeLessThanOrEqual(40);
    for (const p of shot.paragraphs) {
      expect(p).not.toBe('');
      expect(p).not.toMatch(/\n|\s{2}|^\s|\s$/);
    }
    expect(shot.statement === null).toBe(!s.statement);
    for (const line of shot.statement?.split('\n') ?? []) expect(shot.paragraphs).not.toContain(line);
  });

  it('is valid as stored, and its hash is the SHA-256 of its paragraphs', async () => {
    const shot = await snap(s);
    expect(ArticleSnapshotSchema.parse(shot)).toEqual(shot);
    expect(shot.sha256).toBe(createHash('sha256').update(shot.paragraphs.join('\n'), 'utf8').digest('hex'));
    expect(shot.taken).toBe('2026-02-01T08:00:00.000Z');
    expect(await snapshotIntact(shot)).toBe(true);
  });
});

describe('the NetEase Hao seed', () => {
  const desktop = seed('netease-hao-desktop.html');

  it('has its 26 text paragraphs, from the first to the last, and both statement lines', async () => {
    const shot = await snap(desktop);
    expect(shot.paragraphs).toHaveLength(26);
    expect(shot.paragraphs[0]).toMatch(/^1月23-24日,美、俄、乌三方在阿联酋首都阿布扎比/);
    expect(shot.paragraphs.at(-1)).toBe('一场原本可控的战争如今却升级成了很可能波及全球的灾难,谁之罪恶,谁之不幸?');
    expect(shot.statement?.split('\n')).toEqual([
      expect.stringMatching(/^特别声明：以上内容.*“网易号”用户上传并发布，本平台仅提供信息存储服务。$/),
      expect.stringMatching(/^Notice: The content above .* information storage services\.$/),
    ]);
    expect(shot.pageKey).toBe('163.com/article/KKG7R2LD0525KQ8M');
  });

  it('hashes the same on every visit, and the same on the desktop and the mobile copy', async () => {
    const [a, b, mobile] = await Promise.all([snap(desktop), snap(desktop), snap(seed('netease-hao-mobile.html'))]);
    expect(b.sha256).toBe(a.sha256);
    expect(mobile.sha256).toBe(a.sha256);
    expect(mobile.pageKey).toBe(a.pageKey);
  });

  it('hashes differently when one paragraph changes by one character', async () => {
    const doc = load(desktop);
    const before = await snap(desktop, doc);
    const p = Array.from(doc.querySelectorAll('div.post_body p')).find((el) => (el.textContent ?? '').includes('阿布扎比'));
    if (!p?.firstChild) throw new Error('the seed lost its first paragraph');
    p.firstChild.nodeValue = (p.firstChild.nodeValue ?? '').replace('阿布扎比', '阿布扎北');
    const after = await snap(desktop, doc);
    expect(after.sha256).not.toBe(before.sha256);
    expect(after.paragraphs.filter((x, i) => x !== before.paragraphs[i])).toHaveLength(1);
  });

  it("reads the same with Sourcemark's marks and banner in the body", async () => {
    const doc = load(desktop);
    const before = await snap(desktop, doc);
    const body = doc.querySelector('div.post_body');
    const p = body?.querySelector('p');
    const text = p?.firstChild;
    if (!body || !p || !text || text.nodeType !== 3) throw new Error('the seed lost its first paragraph');
    // A claim mark around the middle of the first paragraph, as the highlighter wraps text.
    const middle = (text as Text).splitText(6);
    middle.splitText(10);
    const mark = doc.createElement('sourcemark-mark');
    mark.setAttribute('data-sourcemark', 'claim');
    p.replaceChild(mark, middle);
    mark.appendChild(middle);
    // Our UI: a host whose own text is ours (shadow content aside), inside the body on purpose.
    const ui = doc.createElement('div');
    ui.setAttribute('data-sourcemark-ui', 'claim-tip');
    ui.textContent = '来源模糊：没有说出处';
    body.insertBefore(ui, body.firstChild);
    const after = await snap(desktop, doc);
    expect(after.paragraphs).toEqual(before.paragraphs);
    expect(after.sha256).toBe(before.sha256);
  });
});

describe('readArticle', () => {
  it('keeps an author’s own 声明 line, which is the author’s text, and drops the old statement printed in the body', () => {
    const s = seed('netease-hao-2019.html');
    const doc = load(s);
    const own = doc.querySelector(s.authorStatementSelector ?? '');
    // Move the platform's statement into the body, where 2018–2019 articles printed it.
    const statement = doc.querySelector(s.statementSelector ?? '');
    if (!own || !statement) throw new Error('the seed lost its statements');
    doc.querySelector('div.post_body')?.appendChild(statement);
    const reading = readArticle(doc, s.url, recognise(doc, s.url));
    expect(reading.paragraphs).toContain(own.textContent?.trim());
    expect(reading.paragraphs.join('\n')).not.toContain('网易仅提供信息发布平台');
    expect(reading.statement).toContain('网易仅提供信息发布平台');
  });

  it('reads the opening from the body and text the caller already read, the same as it finds them itself', () => {
    const s = seed('netease-hao-desktop.html');
    const doc = load(s);
    const page = recognise(doc, s.url);
    const body = findArticleBody(doc, page.platform)!;
    const found = readOpening(doc, page);
    expect(found.paragraphs.length).toBeGreaterThan(3);
    expect(readOpening(doc, page, { body, text: blockTexts(body).text })).toEqual(found);
    // The body given is the one read: not searched for again.
    const other = doc.createElement('div');
    other.textContent = '另一段正文。';
    expect(readOpening(doc, page, { body: other, text: blockTexts(other).text }).paragraphs).toEqual(['另一段正文。']);
  });

  it('files the article under its URL, not under the canonical link the page names', () => {
    const s = seed('netease-hao-desktop.html');
    const doc = load(s);
    const link = doc.querySelector('link[rel="canonical"]') ?? doc.head.appendChild(doc.createElement('link'));
    link.setAttribute('rel', 'canonical');
    link.setAttribute('href', 'https://www.163.com/dy/article/AAAAAAAAAAAAAAAA.html');
    expect(readArticle(doc, s.url, recognise(doc, s.url)).pageKey).toBe('163.com/article/KKG7R2LD0525KQ8M');
  });

  it('gives an empty body no paragraphs, and hashes it as the empty text', async () => {
    const s = seed('netease-hao-desktop.html');
    const doc = load(s);
    doc.querySelector('div.post_body')?.replaceChildren();
    const shot = await takeSnapshot(doc, s.url, recognise(doc, s.url));
    expect(shot.paragraphs).toEqual([]);
    expect(shot.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('readPublished', () => {
  const page = (head: string, body: string) => new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
  const netease = PLATFORMS.find((p) => p.id === 'netease') ?? null;

  it.each([
    ['2026-01-25 03:07:00　来源: 史政先锋 河南 举报', '2026-01-25 03:07:00'],
    ['·2026年01月24日 19:30', '2026年01月24日 19:30'],
    ['2026年1月24日', '2026年1月24日'],
    ['2026/1/5 8:05', '2026/1/5 8:05'],
    ['2026-01-25T10:26:14+08:00', '2026-01-25T10:26:14+08:00'],
    ['1623文章数 36200关注度', null],
    ['第20260125期', null],
    ['', null],
  ])('reads %j as %j', (text, date) => {
    expect(dateIn(text)).toBe(date);
  });

  it("prefers the platform's date line to the page's meta tags", () => {
    const doc = page('<meta property="article:published_time" content="2026-01-25T03:07:00+08:00">', '<div class="post_info">2026-01-24 22:00:00 来源: x</div>');
    expect(readPublished(doc, netease)).toBe('2026-01-24 22:00:00');
  });

  it('falls back to article:published_time, then to a <time> element, passing over elements without a date', () => {
    expect(readPublished(page('<meta property="article:published_time" content="2026-01-25T03:07:00+08:00">', '<div class="post_info">来源: x</div>'), netease)).toBe(
      '2026-01-25T03:07:00+08:00',
    );
    expect(readPublished(page('', '<time datetime="2026-01-02">昨天</time>'), null)).toBe('2026-01-02');
    expect(readPublished(page('', '<p>2026-01-02</p>'), null)).toBeNull();
  });
});

describe('ArticleSnapshotSchema', () => {
  const valid = async (): Promise<ArticleSnapshot> => ({
    pageKey: 'sohu.com/a/1_2',
    url: 'https://www.sohu.com/a/1_2',
    title: '标题',
    account: '账号',
    platform: 'sohu',
    page: 'sohu-hao',
    published: '2026-01-18 10:26',
    statement: null,
    paragraphs: ['一段。', '两段。'],
    sha256: await hashParagraphs(['一段。', '两段。']),
    taken: '2026-02-01T08:00:00.000Z',
  });

  it('accepts a whole snapshot', async () => {
    expect(ArticleSnapshotSchema.safeParse(await valid()).success).toBe(true);
  });

  it.each<[string, (s: ArticleSnapshot) => unknown]>([
    ['an unknown field', (s) => ({ ...s, extra: 1 })],
    ['a javascript: URL', (s) => ({ ...s, url: 'javascript:alert(1)' })],
    ['an upper-case or short hash', (s) => ({ ...s, sha256: s.sha256.toUpperCase().slice(1) })],
    ['an empty paragraph', (s) => ({ ...s, paragraphs: ['一段。', ''] })],
    ['an article of more than two million characters', (s) => ({ ...s, paragraphs: Array.from({ length: 21 }, () => '字'.repeat(100_000)) })],
    ['a platform Sourcemark does not know', (s) => ({ ...s, platform: 'toutiao' })],
    ['a time without a zone', (s) => ({ ...s, taken: '2026-02-01T08:00:00' })],
  ])('refuses %s', async (_what, spoil) => {
    expect(ArticleSnapshotSchema.safeParse(spoil(await valid())).success).toBe(false);
  });

  it('lets an import tell a snapshot whose text was altered from its hash', async () => {
    const s = await valid();
    expect(await snapshotIntact({ ...s, paragraphs: ['一段。', '三段。'] })).toBe(false);
  });
});
