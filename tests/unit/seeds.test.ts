/**
 * Checks the seed pages in seeds/ against what seeds/pages.json says about them, so the e2e tests
 * (which serve these files at their real URLs, offline) can trust the seeds. Self-contained: reads
 * only files under seeds/.
 */
import fs from 'node:fs';
// Node's URL, not happy-dom's global one (which resolves file: URLs against http://localhost).
import { URL as NodeURL } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_KINDS, type PageKind } from '@/components/vocabulary/page-kinds';

interface SeedEntry {
  file: string;
  url: string;
  kind: PageKind;
  layout: 'desktop' | 'mobile';
  account: string | null;
  bodySelector: string;
  statement: boolean;
  statementSelector?: string | null;
}

const seedUrl = (name: string) => new NodeURL(`../../seeds/${name}`, import.meta.url);
const pages = JSON.parse(fs.readFileSync(seedUrl('pages.json'), 'utf8')) as SeedEntry[];

const readSeed = (file: string) => fs.readFileSync(seedUrl(file), 'utf8');

/**
 * Seeds are parsed in a window of their own that loads nothing (no scripts, styles or frames) and
 * whose console is captured: happy-dom reports each iframe it declines to load (the desktop ad
 * slot's `about:blank`) as a console error, which would only be noise in the test output.
 */
const consoleMessages: string[] = [];
const capture = (...args: unknown[]) => void consoleMessages.push(args.map(String).join(' '));
const seedWindow = new Window({
  console: { ...console, log: capture, info: capture, warn: capture, error: capture, debug: capture } as Console,
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
  },
});
afterAll(() => seedWindow.happyDOM.close());
const parse = (html: string) =>
  new seedWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const load = (entry: SeedEntry) => parse(readSeed(entry.file));

/** NetEase's platform statement as the reader sees it (entities decoded, full-width `：` `，`). */
const STATEMENT_ZH =
  '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。';
const STATEMENT_EN =
  'Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.';
/** Pieces that must not appear at all on a page without the statement. */
const STATEMENT_PIECES = ['仅提供信息存储服务', 'NetEase Hao', 'information storage services'];

/** First and last paragraph of the seed article (000_6155519e21215d34), in the seed's own characters. */
const FIRST_PARAGRAPH =
  '1月23-24日,美、俄、乌三方在阿联酋首都阿布扎比进行为期两天的停火谈判,核心有二:顿巴斯的未来走向;乌克兰以停止攻击俄油轮及油气基础设施换取莫斯科停止无差别的战略轰炸。';
const LAST_PARAGRAPH = '一场原本可控的战争如今却升级成了很可能波及全球的灾难,谁之罪恶,谁之不幸?';
/** The seed article has 26 text paragraphs (36 sentences) and 5 images between them. */
const SEED_PARAGRAPHS = 26;

const countOf = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const textOf = (el: Element | null) => (el?.textContent ?? '').trim();

/** The texts of the body's non-empty paragraphs; image paragraphs (`p.f_center`) have none. */
function paragraphTexts(doc: Document, bodySelector: string): string[] {
  const body = doc.querySelector(bodySelector);
  if (!body) return [];
  return Array.from(body.querySelectorAll('p'))
    .map((p) => textOf(p))
    .filter((t) => t.length > 0);
}

/**
 * Every resource the browser would fetch by itself. Plain `<a href>` links, `<link rel=canonical>`
 * and `<link rel=alternate>` are not fetched, so they may point anywhere.
 */
function externalResources(doc: Document): string[] {
  const isRemote = (v: string | null) => !!v && /^\s*(https?:)?\/\//i.test(v);
  const found: string[] = [];
  const attrs: Array<[string, string]> = [
    ['script', 'src'],
    ['img', 'src'],
    ['img', 'srcset'],
    ['iframe', 'src'],
    ['frame', 'src'],
    ['video', 'src'],
    ['video', 'poster'],
    ['audio', 'src'],
    ['source', 'src'],
    ['source', 'srcset'],
    ['track', 'src'],
    ['embed', 'src'],
    ['object', 'data'],
    ['input', 'src'],
  ];
  for (const [tag, attr] of attrs) {
    for (const el of Array.from(doc.querySelectorAll(`${tag}[${attr}]`))) {
      const value = el.getAttribute(attr);
      if (isRemote(value)) found.push(`<${tag} ${attr}="${value}">`);
    }
  }
  for (const link of Array.from(doc.querySelectorAll('link[href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical') || rel.includes('alternate')) continue;
    if (isRemote(link.getAttribute('href'))) found.push(`<link rel="${rel.join(' ')}" href="${link.getAttribute('href')}">`);
  }
  const cssUrl = /url\(\s*['"]?\s*(https?:)?\/\/|@import/i;
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    if (cssUrl.test(style.textContent ?? '')) found.push('<style> with a remote url() or @import');
  }
  for (const el of Array.from(doc.querySelectorAll('[style]'))) {
    if (cssUrl.test(el.getAttribute('style') ?? '')) found.push(`<${el.tagName.toLowerCase()} style> with a remote url()`);
  }
  return found;
}

describe('seeds/pages.json', () => {
  it('lists every seed once, with the fields the tests read', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(new Set(pages.map((p) => p.file)).size).toBe(pages.length);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    for (const p of pages) {
      expect(p.file).toMatch(/^[a-z0-9-]+\.html$/);
      expect(new URL(p.url).protocol).toBe('https:');
      expect(PAGE_KINDS).toContain(p.kind);
      expect(['desktop', 'mobile']).toContain(p.layout);
      expect(typeof p.bodySelector).toBe('string');
      expect(typeof p.statement).toBe('boolean');
      // Only a NetEase Hao page has an uploading account.
      expect(p.account === null).toBe(p.kind !== 'netease-hao');
    }
  });

  it('lists every .html file in seeds/', () => {
    const files = fs.readdirSync(seedUrl('')).filter((f) => f.endsWith('.html'));
    expect(files.sort()).toEqual(pages.map((p) => p.file).sort());
  });
});

describe.each(pages.map((p) => [p.file, p] as const))('seed %s', (_file, entry) => {
  it('exists, declares UTF-8 and parses into a titled document', () => {
    expect(fs.existsSync(seedUrl(entry.file))).toBe(true);
    const html = readSeed(entry.file);
    expect(html).toMatch(/^<!doctype html>/i);
    const doc = parse(html);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')?.toLowerCase()).toBe('utf-8');
    expect(doc.title.trim().length).toBeGreaterThan(0);
    expect(doc.body).not.toBeNull();
  });

  it('has exactly one body element, and it holds the article text', () => {
    const doc = load(entry);
    expect(doc.querySelectorAll(entry.bodySelector)).toHaveLength(1);
    expect(paragraphTexts(doc, entry.bodySelector).length).toBeGreaterThanOrEqual(5);
  });

  it('has its title as the first <h1>, where the banner goes', () => {
    const h1 = load(entry).querySelector('h1');
    expect(textOf(h1).length).toBeGreaterThan(0);
  });

  it('is on a NetEase host exactly when its kind is a NetEase kind', () => {
    const host = new URL(entry.url).hostname;
    expect(host.endsWith('.163.com')).toBe(entry.kind !== 'other');
    if (entry.kind === 'netease-hao') expect(new URL(entry.url).pathname).toMatch(/^\/dy\/article\/[A-Z0-9]{16}\.html$/);
  });

  const canonical = (doc: Document) => doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  if (entry.layout === 'desktop') {
    it('names its own URL as canonical (a desktop page)', () => {
      expect(canonical(load(entry))).toBe(entry.url);
    });
  } else {
    // So the e2e test that finds desktop annotations on the mobile URL exercises the page key's
    // own NetEase URL rule, not a canonical link.
    it('names no canonical URL (a mobile page)', () => {
      expect(canonical(load(entry))).toBeNull();
    });
  }

  const accountLinks = (doc: Document) => Array.from(doc.querySelectorAll('a[href*="/dy/media/"]')).map((a) => textOf(a));
  if (entry.account !== null) {
    it('shows the account it says it shows', () => {
      expect(accountLinks(load(entry))).toContain(entry.account);
    });
  } else {
    it('links to no NetEase Hao account page (it names no account)', () => {
      expect(accountLinks(load(entry))).toEqual([]);
    });
  }

  if (entry.statement) {
    it('prints the platform statement exactly once, outside the body, in two elements', () => {
      const doc = load(entry);
      const text = doc.body.textContent ?? '';
      expect(countOf(text, STATEMENT_ZH)).toBe(1);
      expect(countOf(text, STATEMENT_EN)).toBe(1);
      expect(entry.statementSelector).toBeTruthy();
      const parts = Array.from(doc.querySelectorAll(entry.statementSelector ?? ''));
      expect(parts.map((el) => el.textContent)).toEqual([STATEMENT_ZH, STATEMENT_EN]);
      const body = doc.querySelector(entry.bodySelector);
      expect(body?.textContent ?? '').not.toContain('仅提供信息存储服务');
    });
  } else {
    it('has no platform statement anywhere', () => {
      const doc = load(entry);
      const text = doc.documentElement.textContent ?? '';
      for (const piece of STATEMENT_PIECES) expect(text).not.toContain(piece);
      expect(doc.querySelector('.post_statement')).toBeNull();
      expect(entry.statementSelector ?? null).toBeNull();
    });
  }

  it('loads nothing from the network', () => {
    consoleMessages.length = 0;
    expect(externalResources(load(entry))).toEqual([]);
    // The only thing the parser may have declined to load is an empty frame.
    for (const m of consoleMessages) expect(m).toMatch(/Failed to load iframe page "about:blank"/);
  });

  it('runs no script (an inert JSON data block is allowed)', () => {
    const scripts = Array.from(load(entry).querySelectorAll('script'));
    const runnable = scripts.filter((s) => !/^application\/(ld\+)?json$/i.test(s.getAttribute('type') ?? ''));
    expect(runnable).toHaveLength(0);
  });
});

describe('the NetEase Hao seed article', () => {
  const hao = pages.filter((p) => p.kind === 'netease-hao');

  it('has a desktop and a mobile page', () => {
    expect(hao.map((p) => p.layout).sort()).toEqual(['desktop', 'mobile']);
  });

  it('carries the same paragraphs, in the same order, on desktop and mobile', () => {
    const [a, b] = hao.map((p) => paragraphTexts(load(p), p.bodySelector));
    expect(a).toEqual(b);
    expect(a?.length).toBeGreaterThanOrEqual(SEED_PARAGRAPHS);
    expect(a?.[0]).toBe(FIRST_PARAGRAPH);
    expect(a?.at(-1)).toBe(LAST_PARAGRAPH);
  });

  it('keeps the seed copy\'s half-width punctuation in the body', () => {
    for (const p of hao) {
      const text = paragraphTexts(load(p), p.bodySelector).join('\n');
      expect(text).not.toMatch(/[，：；？（）]/);
    }
  });

  it('gives desktop paragraphs NetEase-style ids and marks the images', () => {
    const entry = hao.find((p) => p.layout === 'desktop');
    const body = entry && load(entry).querySelector(entry.bodySelector);
    const ids = Array.from(body?.querySelectorAll('p[id]') ?? []).map((p) => p.id);
    expect(ids.length).toBe(SEED_PARAGRAPHS);
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9]{8}$/);
    expect(body?.querySelectorAll('p.f_center > img').length).toBeGreaterThan(0);
  });
});

describe('the editorial seed', () => {
  it('ends its text with the source line and the empty statement placeholder', () => {
    const entry = pages.find((p) => p.kind === 'netease-editorial');
    expect(entry).toBeDefined();
    if (!entry) return;
    const html = readSeed(entry.file);
    const doc = parse(html);
    expect(textOf(doc.querySelector('.post_author'))).toMatch(/本文来源：\S+[\s\S]*责任编辑：/);
    expect(html).toContain('<!-- 声明 -->');
    expect(doc.querySelector('a[href*="/dy/media/"]')).toBeNull();
    expect(textOf(doc.querySelector('.post_crumb'))).toContain('新闻中心');
  });
});
