/**
 * Checks the seed pages in seeds/ against what seeds/pages.json says about them, so the e2e tests
 * (which serve these files at their real URLs, offline) can trust the seeds. Self-contained: reads
 * only files under seeds/, and writes its vocabulary (platforms, page values, hosts) out here
 * instead of importing the platform registry, so a registry mistake cannot make a wrong seed pass.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleMessages, parseSeed as parse, readSeed, seedEntries, seedUrl } from '../support/seed-docs';

const PLATFORMS = ['netease', 'sohu', 'tencent', 'baidu', 'sina', 'ifeng', '36kr', 'thepaper', 'wechat'] as const;
type Platform = (typeof PLATFORMS)[number];
const KINDS = ['self-media', 'editorial', 'other'] as const;
type Kind = (typeof KINDS)[number];

/** The `data-sourcemark-page` value a self-media page of each platform must get. */
const PAGE_OF: Record<Platform, string> = {
  netease: 'netease-hao',
  sohu: 'sohu-hao',
  tencent: 'tencent-creator',
  baidu: 'baijiahao',
  sina: 'sina-kandian',
  ifeng: 'ifeng-dafeng',
  '36kr': '36kr',
  thepaper: 'thepaper-paike',
  wechat: 'wechat-mp',
};

/** Hosts each platform's articles (self-media and editorial) are served on: the host itself or a subdomain. */
const HOSTS: Record<Platform, string[]> = {
  netease: ['163.com'],
  sohu: ['sohu.com'],
  tencent: ['news.qq.com', 'new.qq.com', 'inews.qq.com'],
  baidu: ['baijiahao.baidu.com'],
  sina: ['sina.com.cn', 'sina.cn'],
  ifeng: ['ifeng.com'],
  '36kr': ['36kr.com'],
  thepaper: ['thepaper.cn'],
  wechat: ['mp.weixin.qq.com'],
};
const onHost = (host: string, suffixes: string[]) => suffixes.some((s) => host === s || host.endsWith(`.${s}`));

/** The article path of each self-media product, as the notes give it. */
const SELF_MEDIA_URL: Partial<Record<Platform, (u: URL) => boolean>> = {
  netease: (u) => /^\/dy\/article\/[A-Z0-9]{16}\.html$/.test(u.pathname),
  sohu: (u) => /^\/a\/\d+_\d+$/.test(u.pathname),
  tencent: (u) => /^\/rain\/a\/\d{8}[AV][0-9A-Z]{5}00$/.test(u.pathname),
  baidu: (u) => u.pathname === '/s' && /^\d{19}$/.test(u.searchParams.get('id') ?? ''),
  sina: (u) => u.hostname === 'k.sina.com.cn' && /^\/article_\d+_[0-9a-z]+\.html$/.test(u.pathname),
};

/**
 * Where each platform links an uploading account (its account page), where known. A self-media
 * seed links its account there; any other seed links no account page at all.
 */
const ACCOUNT_LINK: Partial<Record<Platform, RegExp>> = {
  netease: /^https:\/\/www\.163\.com\/dy\/media\/T\d{13}\.html$/,
  sohu: /^https:\/\/mp\.sohu\.com\/profile\?xpt=[A-Za-z0-9+/=]+$/,
  tencent: /^https:\/\/news\.qq\.com\/omn\/author\/\w+$/,
  baidu: /^https:\/\/author\.baidu\.com\/home\?from=bjh_article&app_id=\d+$/,
  sina: /^https:\/\/k\.sina\.com\.cn\/mediaDocList\.d\.html\?uid=\d+$/,
  ifeng: /^https:\/\/ishare\.ifeng\.com\/mediaShare\/home\/\d+\/media$/,
  '36kr': /^https:\/\/www\.36kr\.com\/user\/\d+$/,
  thepaper: /^https:\/\/www\.thepaper\.cn\/user_\d+$/,
};

interface SeedEntry {
  file: string;
  url: string;
  platform: Platform | null;
  kind: Kind;
  /** The expected `data-sourcemark-page` value; null unless self-media. */
  page: string | null;
  layout: 'desktop' | 'mobile';
  account: string | null;
  bodySelector: string;
  statement: boolean;
  statementSelector: string | null;
  authorStatementSelector: string | null;
}
const FIELDS = [
  'file', 'url', 'platform', 'kind', 'page', 'layout', 'account',
  'bodySelector', 'statement', 'statementSelector', 'authorStatementSelector',
];

const pages = seedEntries<SeedEntry>();
const byFile = (file: string) => pages.find((p) => p.file === file);

const load = (entry: SeedEntry) => parse(readSeed(entry.file));

/** Text as recognition compares it: NFKC (full-width punctuation becomes half-width), spaces collapsed. */
const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
const textOf = (el: Element | null) => (el?.textContent ?? '').trim();

/** "The platform only stores / publishes this": every platform statement holds one of these. */
const PLATFORM_ONLY = [/仅提供信息(存储(空间)?服务|发布平台)/, /系信息发布平台/, /不代表[^。]{0,40}?(观点|立场)/, /information storage/i];
/**
 * Statement words no page may show outside its statement elements. `不代表…观点/立场` is not among
 * them: an article may say it in passing (这不代表立场改变). It is checked outside the body only, where
 * a page's own disclaimers live.
 */
const STATEMENT_WORDS = [/仅提供信息(存储|发布)/, /系信息发布平台/, /information storage/i, /自媒体平台/, /上传并发布/];
const DISCLAIMS_VIEWS = /不代表[^。]{0,40}?(观点|立场)/;
/** Recognition takes at most this many normalised characters as one statement element. */
const STATEMENT_MAX_CHARS = 400;

/** NetEase's current platform statement as the reader sees it (entities decoded, full-width `：` `，`). */
const STATEMENT_ZH =
  '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。';
const STATEMENT_EN =
  'Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.';
/** NetEase's older (2018–2019) statement. */
const STATEMENT_ZH_2019 = '特别声明：本文为网易自媒体平台“网易号”作者上传并发布，仅代表该作者观点。网易仅提供信息发布平台。';

/** The exact text of each statement element, in order, where the notes give the wording. */
const STATEMENT_TEXT: Record<string, string[]> = {
  'netease-hao-desktop.html': [STATEMENT_ZH, STATEMENT_EN],
  'netease-hao-mobile.html': [STATEMENT_ZH, STATEMENT_EN],
  'netease-hao-2019.html': [STATEMENT_ZH_2019],
  'sohu-hao-desktop.html': ['平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。'],
  'tencent-creator.html': ['免责声明：本内容来自腾讯平台创作者，不代表腾讯新闻或腾讯网的观点和立场。'],
  'sina-kandian.html': [
    '特别声明：以上文章内容仅代表作者本人观点，不代表新浪网观点或立场。如有关于作品内容、版权或其它问题请于作品发表后的30日内与新浪网联系。',
  ],
};

/** Markup each seed must carry because the notes or public scrapers name it (see seeds/README.md). */
const NOTED_MARKUP: Record<string, string[]> = {
  'netease-hao-2019.html': [
    'html#ne_wrap[data-publishtime^="2019-"]',
    'div.post_crumb a[href="https://dy.163.com/"]',
    'h1.post_title',
    'div.post_info a[href*="/dy/media/"]',
    'div.post_content#content > div.post_body > p[id]',
    '.post_wemedia_name a[href*="/dy/media/"]',
  ],
  'netease-hao-3g.html': [
    'meta[property="og:title"][content$="_手机网易网"]',
    'meta[property="og:release_date"]',
    'article.article > header h1.article-title',
    'section.article-info a.author-homePage .s-author',
    'section.article-body.js-article-body > p[id]',
  ],
  'sohu-hao-desktop.html': [
    'body.article-page[data-newsid]',
    '.text-title h1 .title-info-title',
    '#news-time[data-val]',
    '#user-info h4 a',
    'article.article#mp-editor > p > a#backsohucom',
    'article.article#mp-editor > p[data-role="editor-name"]',
    'article.article#mp-editor + div.statement',
  ],
  'tencent-creator.html': ['div.content-article > p', 'a[href^="https://news.qq.com/omn/author/"]'],
  'tencent-editorial.html': ['div.content-article > p'],
  'baijiahao.html': [
    '#ssr-content h2[class^="index-module_articleTitle"]',
    '#ssr-content [class^="index-module_authorTxt"] a',
    '#ssr-content [class^="index-module_articleWrap"] > [class^="index-module_textWrap"] > p',
  ],
  'sina-kandian.html': ['h1.main-title', '.date-source .date', '.date-source a.source', 'div.article#article + div.article-notice'],
  'sina-editorial.html': ['h1.main-title', '.date-source .date', '.date-source .source', 'div.article#artibody > p.show_author'],
};

/** First and last paragraph of the seed article (000_6155519e21215d34), in the seed's own characters. */
const FIRST_PARAGRAPH =
  '1月23-24日,美、俄、乌三方在阿联酋首都阿布扎比进行为期两天的停火谈判,核心有二:顿巴斯的未来走向;乌克兰以停止攻击俄油轮及油气基础设施换取莫斯科停止无差别的战略轰炸。';
const LAST_PARAGRAPH = '一场原本可控的战争如今却升级成了很可能波及全球的灾难,谁之罪恶,谁之不幸?';
/** The seed article has 26 text paragraphs (36 sentences) and 5 images between them. */
const SEED_PARAGRAPHS = 26;

const countOf = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The texts of the body's non-empty paragraphs; image paragraphs (`p.f_center`) have none. */
function paragraphTexts(doc: Document, bodySelector: string): string[] {
  const body = doc.querySelector(bodySelector);
  if (!body) return [];
  return Array.from(body.querySelectorAll('p'))
    .map((p) => textOf(p))
    .filter((t) => t.length > 0);
}

const statementElements = (doc: Document, entry: SeedEntry) =>
  entry.statementSelector ? Array.from(doc.querySelectorAll(entry.statementSelector)) : [];

/**
 * Statement-like text a page shows outside its statement elements: the words of `STATEMENT_WORDS`
 * anywhere, and `不代表…观点/立场` outside the body. Recognition could take any of it for a statement.
 */
function strayStatementText(entry: SeedEntry): string[] {
  const doc = load(entry);
  for (const el of statementElements(doc, entry)) el.remove();
  const page = norm(doc.documentElement.textContent);
  const found = STATEMENT_WORDS.filter((re) => re.test(page)).map((re) => re.source);
  doc.querySelector(entry.bodySelector)?.remove();
  const chrome = norm(doc.documentElement.textContent);
  const disclaimer = chrome.match(DISCLAIMS_VIEWS);
  if (disclaimer) found.push(`outside the body: ${disclaimer[0]}`);
  return found;
}

/** Links to an account page of any platform, with their texts. */
function accountLinks(doc: Document): Array<{ href: string; text: string }> {
  const patterns = Object.values(ACCOUNT_LINK);
  return Array.from(doc.querySelectorAll('a[href]'))
    .map((a) => ({ href: a.getAttribute('href') ?? '', text: norm(a.textContent) }))
    .filter((l) => patterns.some((re) => re.test(l.href)));
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
  it('lists every seed once, with exactly the fields of the schema', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(new Set(pages.map((p) => p.file)).size).toBe(pages.length);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    for (const p of pages) {
      expect(Object.keys(p).sort(), p.file).toEqual([...FIELDS].sort());
    }
  });

  it.each(pages.map((p) => [p.file, p] as const))('%s: every field is valid and consistent', (_file, p) => {
    expect(p.file).toMatch(/^[a-z0-9-]+\.html$/);
    expect(new URL(p.url).protocol).toBe('https:');
    expect([...PLATFORMS, null]).toContain(p.platform);
    expect(KINDS).toContain(p.kind);
    expect(['desktop', 'mobile']).toContain(p.layout);
    expect(typeof p.bodySelector).toBe('string');
    expect(typeof p.statement).toBe('boolean');
    expect([null, 'string']).toContain(p.statementSelector === null ? null : typeof p.statementSelector);
    expect([null, 'string']).toContain(p.authorStatementSelector === null ? null : typeof p.authorStatementSelector);
    // A page is "other" exactly when it belongs to none of the platforms.
    expect(p.platform === null).toBe(p.kind === 'other');
    // Self-media ⇔ a page value ⇔ an uploading account.
    expect(p.page !== null).toBe(p.kind === 'self-media');
    expect(p.account !== null).toBe(p.kind === 'self-media');
    if (p.kind === 'self-media' && p.platform) expect(p.page).toBe(PAGE_OF[p.platform]);
    if (p.account !== null) expect(p.account.trim().length).toBeGreaterThan(0);
    // A statement has its elements named; only a self-media page prints one.
    expect(p.statementSelector !== null).toBe(p.statement);
    if (p.statement) expect(p.kind).toBe('self-media');
  });

  it('lists every .html file in seeds/', () => {
    const files = fs.readdirSync(seedUrl('')).filter((f) => f.endsWith('.html'));
    expect(files.sort()).toEqual(pages.map((p) => p.file).sort());
  });

  // Fails until every platform's seed has landed; the issue asks for all of them.
  it('covers every platform with a self-media seed, and has at least three editorial seeds', () => {
    const covered = new Set(pages.filter((p) => p.kind === 'self-media').map((p) => p.platform));
    expect(PLATFORMS.filter((pl) => !covered.has(pl))).toEqual([]);
    expect(pages.filter((p) => p.kind === 'editorial').length).toBeGreaterThanOrEqual(3);
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

  // The first <h1>; a page with no <h1> at all (百家号 titles its articles with an <h2>) uses its first <h2>.
  it('has its title as a heading: the first <h1>, or the first <h2> on a page without one', () => {
    const doc = load(entry);
    const heading = doc.querySelector('h1') ?? doc.querySelector('h2');
    expect(textOf(heading).length).toBeGreaterThan(0);
    expect(doc.querySelector(entry.bodySelector)?.contains(heading as Node)).toBe(false);
  });

  it('is served on its platform\'s host (and on none of them when it has no platform)', () => {
    const url = new URL(entry.url);
    if (entry.platform === null) {
      for (const pl of PLATFORMS) expect(onHost(url.hostname, HOSTS[pl]), pl).toBe(false);
    } else {
      expect(onHost(url.hostname, HOSTS[entry.platform])).toBe(true);
      const shape = SELF_MEDIA_URL[entry.platform];
      if (entry.kind === 'self-media' && shape) expect(shape(url)).toBe(true);
    }
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

  if (entry.account !== null) {
    const account = entry.account;
    it('shows its account outside the body, linked to the account page where that is known', () => {
      const doc = load(entry);
      const body = doc.querySelector(entry.bodySelector);
      const shown = Array.from(doc.body.querySelectorAll('*')).filter(
        (el) => norm(el.textContent) === account && !body?.contains(el),
      );
      expect(shown.length).toBeGreaterThan(0);
      const pattern = entry.platform ? ACCOUNT_LINK[entry.platform] : undefined;
      if (pattern) {
        const linked = accountLinks(doc).filter((l) => pattern.test(l.href));
        expect(linked.map((l) => l.text)).toContain(account);
      }
    });
  } else {
    it('links to no account page (it names no account)', () => {
      expect(accountLinks(load(entry))).toEqual([]);
    });
  }

  if (entry.statement) {
    it('prints the platform statement in small elements of its own, outside the body', () => {
      const doc = load(entry);
      const body = doc.querySelector(entry.bodySelector);
      const parts = statementElements(doc, entry);
      expect(parts.length).toBeGreaterThanOrEqual(1);
      for (const el of parts) {
        const text = norm(el.textContent);
        expect(PLATFORM_ONLY.some((re) => re.test(text)), text).toBe(true);
        expect(text.length).toBeLessThanOrEqual(STATEMENT_MAX_CHARS);
        expect(body?.contains(el)).toBe(false);
        expect(el.contains(body as Node)).toBe(false);
        // Recognition climbs from the text to the smallest element holding the whole statement:
        // that must be this element, not a child of it.
        for (const child of Array.from(el.children)) expect(norm(child.textContent)).not.toBe(text);
      }
      const expected = STATEMENT_TEXT[entry.file];
      if (expected) expect(parts.map((el) => textOf(el))).toEqual(expected);
    });

    it('shows statement words nowhere but in its statement elements', () => {
      expect(strayStatementText(entry)).toEqual([]);
    });
  } else {
    it('has no platform statement anywhere', () => {
      expect(strayStatementText(entry)).toEqual([]);
      expect(load(entry).querySelector('.post_statement, .statement, .article-notice')).toBeNull();
    });
  }

  if (entry.authorStatementSelector !== null) {
    const selector = entry.authorStatementSelector;
    it('has its author\'s own 声明 line in one element apart from the platform statement', () => {
      const doc = load(entry);
      const found = Array.from(doc.querySelectorAll(selector));
      expect(found).toHaveLength(1);
      const line = found[0] as Element;
      expect(norm(line.textContent)).toContain('声明');
      for (const el of statementElements(doc, entry)) {
        expect(el.contains(line)).toBe(false);
        expect(line.contains(el)).toBe(false);
      }
    });
  }

  if (entry.kind === 'editorial') {
    it('shows its newsroom: a named source and an editor, and no statement', () => {
      const doc = load(entry);
      const text = norm(doc.body.textContent);
      const sourceLine = /来源:\s*\S/.test(text) || textOf(doc.querySelector('.source')).length > 0;
      expect(sourceLine).toBe(true);
      expect(text).toMatch(/责任编辑:\s*\S/);
      expect(entry.statement).toBe(false);
    });
  }

  const noted = NOTED_MARKUP[entry.file];
  if (noted) {
    it.each(noted)('carries the noted markup %s', (selector) => {
      expect(load(entry).querySelector(selector)).not.toBeNull();
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

describe('the NetEase Hao seed article (netease-hao-desktop.html and netease-hao-mobile.html)', () => {
  const pair = ['netease-hao-desktop.html', 'netease-hao-mobile.html'].map(byFile);
  const [desktop, mobile] = pair;

  it('has a desktop and a mobile page', () => {
    expect(desktop?.layout).toBe('desktop');
    expect(mobile?.layout).toBe('mobile');
  });

  it('prints the current statement exactly once on each, in two elements', () => {
    for (const p of pair) {
      if (!p) continue;
      const text = load(p).body.textContent ?? '';
      expect(countOf(text, STATEMENT_ZH)).toBe(1);
      expect(countOf(text, STATEMENT_EN)).toBe(1);
    }
  });

  it('carries the same paragraphs, in the same order, on desktop and mobile', () => {
    const [a, b] = pair.map((p) => (p ? paragraphTexts(load(p), p.bodySelector) : []));
    expect(a).toEqual(b);
    expect(a?.length).toBeGreaterThanOrEqual(SEED_PARAGRAPHS);
    expect(a?.[0]).toBe(FIRST_PARAGRAPH);
    expect(a?.at(-1)).toBe(LAST_PARAGRAPH);
  });

  it('keeps the seed copy\'s half-width punctuation in the body', () => {
    for (const p of pair) {
      if (!p) continue;
      const text = paragraphTexts(load(p), p.bodySelector).join('\n');
      expect(text).not.toMatch(/[，：；？（）]/);
    }
  });

  it('gives desktop paragraphs NetEase-style ids and marks the images', () => {
    const body = desktop && load(desktop).querySelector(desktop.bodySelector);
    const ids = Array.from(body?.querySelectorAll('p[id]') ?? []).map((p) => p.id);
    expect(ids.length).toBe(SEED_PARAGRAPHS);
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9]{8}$/);
    expect(body?.querySelectorAll('p.f_center > img').length).toBeGreaterThan(0);
  });
});

describe('the NetEase editorial seed', () => {
  it('ends its text with the source line and the empty statement placeholder', () => {
    const entry = byFile('netease-editorial.html');
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

describe('the older 网易号 seed (2019)', () => {
  const entry = byFile('netease-hao-2019.html');

  it('has the older statement in the old "bg span + p" block right after the body', () => {
    expect(entry).toBeDefined();
    if (!entry) return;
    const doc = load(entry);
    const [p] = statementElements(doc, entry);
    const block = p?.parentElement;
    expect(block?.tagName).toBe('DIV');
    expect(block?.previousElementSibling?.matches(entry.bodySelector)).toBe(true);
    expect(block?.firstElementChild?.tagName).toBe('SPAN');
    expect(block?.firstElementChild?.getAttribute('style') ?? '').toMatch(/background/);
    expect(norm(block?.firstElementChild?.textContent)).toBe('');
    // Only the older wording: not today's, in either language.
    const text = doc.body.textContent ?? '';
    expect(text).not.toContain('仅提供信息存储服务');
    expect(text).not.toContain('Notice:');
  });

  it('ends its body with the author\'s own line', () => {
    if (!entry) return;
    const paragraphs = paragraphTexts(load(entry), entry.bodySelector);
    expect(paragraphs.at(-1)).toBe('声明：个人原创，仅供参考');
  });
});

describe('the 3g.163.com 网易号 seed', () => {
  it('is a mobile 网易号 page on 3g.163.com that prints no statement', () => {
    const entry = byFile('netease-hao-3g.html');
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(new URL(entry.url).hostname).toBe('3g.163.com');
    expect(entry.layout).toBe('mobile');
    expect(entry.statement).toBe(false);
    const link = load(entry).querySelector('a.author-homePage');
    expect(norm(link?.textContent)).toBe(entry.account);
  });
});

describe('the 搜狐号 seed', () => {
  it('ends the body with the 返回搜狐 link and the editor line, with the statement right after </article>', () => {
    const entry = byFile('sohu-hao-desktop.html');
    expect(entry).toBeDefined();
    if (!entry) return;
    const doc = load(entry);
    const body = doc.querySelector(entry.bodySelector);
    const last = Array.from(body?.children ?? []).slice(-2);
    expect(last[0]?.querySelector('#backsohucom')).not.toBeNull();
    expect(last[1]?.matches('p[data-role="editor-name"]')).toBe(true);
    expect(body?.nextElementSibling?.matches(entry.statementSelector ?? '')).toBe(true);
    expect(doc.querySelector('#news-time')?.getAttribute('data-val')).toMatch(/^\d{13}$/);
  });
});

describe('the Tencent pair (same URL shape, only the page tells)', () => {
  const creator = byFile('tencent-creator.html');
  const editorial = byFile('tencent-editorial.html');

  it('shares the creator URL shape', () => {
    for (const p of [creator, editorial]) {
      expect(p).toBeDefined();
      if (p) expect(SELF_MEDIA_URL.tencent?.(new URL(p.url))).toBe(true);
    }
  });

  it('shows the creator\'s "发布于…官方账号" line and puts the statement before 举报 and the comments', () => {
    if (!creator) return;
    const doc = load(creator);
    // The innermost element ending with 官方账号 (its ancestors end with it too).
    const line = Array.from(doc.querySelectorAll('p, div')).filter((el) => /官方账号$/.test(norm(el.textContent))).at(-1);
    expect(norm(line?.textContent)).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}发布于\\S+${creator.account}官方账号$`));
    const [statement] = statementElements(doc, creator);
    const report = Array.from(doc.querySelectorAll('a')).find((a) => textOf(a) === '举报');
    expect(statement && report && statement.compareDocumentPosition(report) & 4).toBeTruthy(); // DOCUMENT_POSITION_FOLLOWING
  });

  it('gives the newsroom page no creator line and no 免责声明', () => {
    if (!editorial) return;
    const text = norm(load(editorial).body.textContent);
    expect(text).not.toContain('官方账号');
    expect(text).not.toContain('免责声明');
  });
});

describe('the 百家号 seed', () => {
  it('titles the article with an h2 and has no h1 (the heading rule above allows it)', () => {
    const entry = byFile('baijiahao.html');
    expect(entry).toBeDefined();
    if (!entry) return;
    const doc = load(entry);
    expect(doc.querySelector('h1')).toBeNull();
    expect(textOf(doc.querySelector('h2'))).toBe(textOf(doc.querySelector('h2[class^="index-module_articleTitle"]')));
  });
});

describe('the Sina pair', () => {
  it('has the notice only on the 看点 page, right after its body', () => {
    const kandian = byFile('sina-kandian.html');
    const editorial = byFile('sina-editorial.html');
    expect(kandian && editorial).toBeTruthy();
    if (!kandian || !editorial) return;
    const doc = load(kandian);
    expect(doc.querySelector(kandian.bodySelector)?.nextElementSibling?.matches('div.article-notice')).toBe(true);
    expect(new URL(editorial.url).hostname).toBe('news.sina.com.cn');
    expect(new URL(editorial.url).pathname).toMatch(/^\/c\/\d{4}-\d{2}-\d{2}\/doc-i[a-z]{7}\d{7}\.shtml$/);
  });
});
