/**
 * The article page and the saved quotes for the anchoring benchmark in Chromium
 * (tests/bench/anchoring-browser.ts). Deterministic: the same page and quotes on every run.
 *
 * The page is about 200,000 characters of the desktop seed article's body
 * (seeds/netease-hao-desktop.html, `div.post_body`), re-assembled sentence by sentence with the
 * variations that near-duplicate pages show: connectives added, names swapped, numbers changed,
 * now and then one character replaced. So every sentence occurs about a hundred times (exact
 * words repeat, as on a long page of reposts or a comment thread), but a quote's 32 characters of
 * context on each side tell the copies apart. Some paragraphs carry inline markup (<b>, <a>, <em>,
 * <span>), there are <h2> subheads and image-only paragraphs, and blocks are separated by a
 * newline, so quotes cross element boundaries and whitespace.
 *
 * The root (`#root`) holds no script, style or UI host: every library's text model (our
 * TextIndex, `textContent` for dom-anchor-text-quote, a TreeWalker over Text nodes for
 * @apache-annotator/dom) is then the same string, and offsets compare directly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../fixtures/anchoring-pages';

export const ROOT_DIR = join(import.meta.dirname, '..', '..');
export const CONTEXT = 32;

/** A saved annotation as every library gets it: a W3C TextQuoteSelector and TextPositionSelector. */
export interface BenchQuote {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** What a correct anchor returns: the passage at `start` (null: nothing, the quote is an orphan). */
export interface Expectation {
  start: number;
  end: number;
  text: string;
}

export interface BenchItem {
  quote: BenchQuote;
  expect: Expectation | null;
}

export interface BenchPage {
  html: string;
  /** The root's text content, which the browser checks before anything is timed. */
  text: string;
  paragraphs: number;
  textNodes: number;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text paragraphs of the desktop seed article's body. */
export function seedParagraphs(): string[] {
  const html = readFileSync(join(ROOT_DIR, 'seeds', 'netease-hao-desktop.html'), 'utf8');
  const body = html.slice(html.indexOf('<div class="post_body">'));
  const end = body.indexOf('</div>');
  const out: string[] = [];
  for (const m of body.slice(0, end).matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
    const text = decodeEntities(m[1]!.replace(/<[^>]+>/g, '')).trim();
    if (text) out.push(text);
  }
  if (out.length < 10) throw new Error('seed article body not found in seeds/netease-hao-desktop.html');
  return out;
}

function sentences(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => p.match(/[^。！？]+[。！？]?/g) ?? []).filter((s) => s.length > 0);
}

const CONNECTIVES = ['此外,', '另一方面,', '值得注意的是,', '据报道,', '与此同时,', '换句话说,', '事实上,', '总之,', '有分析指出,', '需要指出的是,', '更重要的是,', '不过,'];
const NAMES: ReadonlyArray<readonly string[]> = [
  ['特朗普', '川普', '拜登', '万斯', '鲁比奥'],
  ['泽连斯基', '叶尔马克', '什米加尔'],
  ['普京', '普鲸', '拉夫罗夫', '佩斯科夫'],
  ['乌克兰', '乌方', '基辅'],
  ['俄罗斯', '俄方', '莫斯科', '克里姆林宫'],
  ['阿联酋', '沙特', '土耳其', '瑞士'],
  ['顿巴斯', '扎波罗热', '赫尔松', '哈尔科夫'],
];

/** One copy of a sentence, varied the way reposts and near-duplicate paragraphs are. */
function vary(sentence: string, rand: () => number, alphabet: string): string {
  let s = sentence;
  for (const group of NAMES) {
    for (const name of group) {
      if (!s.includes(name)) continue;
      s = s.split(name).join('\u0000').replace(/\u0000/g, () =>
        rand() < 0.35 ? group[Math.floor(rand() * group.length)]! : name,
      );
    }
  }
  s = s.replace(/\d+/g, (d) => (rand() < 0.5 ? String(Math.floor(rand() * 10 ** d.length)) : d));
  if (rand() < 0.3) s = CONNECTIVES[Math.floor(rand() * CONNECTIVES.length)]! + s;
  if (rand() < 0.25 && s.length > 4) {
    const at = 1 + Math.floor(rand() * (s.length - 2));
    if (/[\u4e00-\u9fff]/.test(s[at]!)) s = s.slice(0, at) + alphabet[Math.floor(rand() * alphabet.length)]! + s.slice(at + 1);
  }
  return s;
}

interface Block {
  tag: 'p' | 'h2' | 'img';
  text: string;
  /** [start, end) of a stretch wrapped in inline markup, and the element used. */
  inline?: { start: number; end: number; open: string; close: string };
}

const INLINE: ReadonlyArray<readonly [string, string]> = [
  ['<b>', '</b>'],
  ['<a href="#ref">', '</a>'],
  ['<em>', '</em>'],
  ['<span class="hl">', '</span>'],
];

export function buildPage(targetChars = 200_000, seed = 2026): BenchPage {
  const rand = rng(seed);
  const pool = sentences(seedParagraphs());
  const alphabet = [...new Set(pool.join('').match(/[\u4e00-\u9fff]/g) ?? [])].join('');
  const blocks: Block[] = [];
  let total = 1;
  let sinceHeading = 0;
  while (total < targetChars) {
    let block: Block;
    if (sinceHeading > 8 && rand() < 0.15) {
      const clause = vary(pool[Math.floor(rand() * pool.length)]!, rand, alphabet).split(/[,,:;。]/)[0]!;
      block = { tag: 'h2', text: clause.slice(0, 24) };
      sinceHeading = 0;
    } else if (rand() < 0.04) {
      block = { tag: 'img', text: '' };
    } else {
      const n = 1 + Math.floor(rand() * 4);
      let text = '';
      for (let i = 0; i < n; i++) text += vary(pool[Math.floor(rand() * pool.length)]!, rand, alphabet);
      block = { tag: 'p', text };
      if (text.length > 20 && rand() < 0.4) {
        const len = 3 + Math.floor(rand() * 14);
        const start = Math.floor(rand() * (text.length - len));
        const [open, close] = INLINE[Math.floor(rand() * INLINE.length)]!;
        block.inline = { start, end: start + len, open, close };
      }
      sinceHeading++;
    }
    blocks.push(block);
    total += block.text.length + 1;
  }

  let textNodes = 0;
  const html = blocks.map((b) => {
    if (b.tag === 'img') return '<p class="f_center"><img alt="" width="600" height="338"></p>';
    if (b.tag === 'h2') {
      textNodes++;
      return `<h2>${escapeHtml(b.text)}</h2>`;
    }
    if (!b.inline) {
      textNodes++;
      return `<p>${escapeHtml(b.text)}</p>`;
    }
    const { start, end, open, close } = b.inline;
    textNodes += (start > 0 ? 1 : 0) + 1 + (end < b.text.length ? 1 : 0);
    return `<p>${escapeHtml(b.text.slice(0, start))}${open}${escapeHtml(b.text.slice(start, end))}${close}${escapeHtml(b.text.slice(end))}</p>`;
  });
  // One newline before, between and after the blocks: each is a whitespace-only Text node.
  textNodes += blocks.length + 1;
  const text = '\n' + blocks.map((b) => b.text).join('\n') + '\n';
  const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>基准测试文章</title>
<style>body { font: 18px/32px sans-serif; max-width: 720px; margin: 0 auto; } .hl { background: #eef; }</style></head>
<body><header class="nav">网易首页 新闻 体育 财经</header>
<article id="root">
${html.join('\n')}
</article>
<footer>页脚文字 © 网易</footer>
<script src="/bench.js"></script></body></html>`;
  return {
    html: page,
    text,
    paragraphs: blocks.filter((b) => b.tag === 'p').length,
    textNodes,
  };
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/**
 * `count` saved quotes of 8–120 characters (uniform), starting and ending on visible text, with
 * 32 raw characters of context on each side (the W3C model and Hypothesis' choice; raw, since
 * dom-anchor-text-quote's bitap cannot search patterns over 32), at least `gap` characters apart
 * so that editing one passage changes no other quote's context. Only quotes whose
 * prefix + exact + suffix occurs once on the page are taken: the exact words may repeat, but the
 * quote selector as a whole is unambiguous, so a library that uses the context can get every one
 * right without the position.
 */
export function pickQuotes(text: string, count: number, seed = 7, gap = 80): BenchQuote[] {
  const rand = rng(seed);
  const taken: Array<[number, number]> = [];
  const quotes: BenchQuote[] = [];
  let attempts = 0;
  while (quotes.length < count) {
    if (++attempts > count * 200) throw new Error('could not place the benchmark quotes');
    const len = 8 + Math.floor(rand() * 113);
    const start = CONTEXT + Math.floor(rand() * (text.length - len - 2 * CONTEXT));
    const end = start + len;
    if (isSpace(text[start]) || isSpace(text[end - 1])) continue;
    if (taken.some(([s, e]) => start < e + gap && end + gap > s)) continue;
    const prefix = text.slice(start - CONTEXT, start);
    const suffix = text.slice(end, end + CONTEXT);
    const whole = prefix + text.slice(start, end) + suffix;
    const first = text.indexOf(whole);
    if (text.indexOf(whole, first + 1) >= 0) continue;
    taken.push([start, end]);
    quotes.push({ exact: text.slice(start, end), prefix, suffix, start, end });
  }
  return quotes;
}

/** How many quotes' exact words occur more than once on the page (context decides those). */
export function repeatedExact(text: string, quotes: readonly BenchQuote[]): number {
  return quotes.filter((q) => text.indexOf(q.exact) !== text.lastIndexOf(q.exact)).length;
}

export interface Edit {
  /** Offset in the page text of the character replaced. */
  offset: number;
  char: string;
}

/**
 * One character replaced inside each of the first `count` quotes' passages (never the first or
 * last character, never whitespace), as when a site fixes a typo. The quotes keep their original
 * selectors; the expectation is the edited passage at the same offsets (the length is unchanged).
 */
export function editQuotes(
  text: string,
  quotes: readonly BenchQuote[],
  count: number,
  seed = 11,
): { items: BenchItem[]; edits: Edit[] } {
  const rand = rng(seed);
  const alphabet = [...new Set(text.match(/[\u4e00-\u9fff]/g) ?? [])];
  const items: BenchItem[] = [];
  const edits: Edit[] = [];
  for (const q of quotes.slice(0, count)) {
    let at: number;
    do at = q.start + 1 + Math.floor(rand() * (q.end - q.start - 2));
    while (isSpace(text[at]));
    let char: string;
    do char = alphabet[Math.floor(rand() * alphabet.length)]!;
    while (char === text[at]);
    edits.push({ offset: at, char });
    const edited = text.slice(q.start, at) + char + text.slice(at + 1, q.end);
    items.push({ quote: q, expect: { start: q.start, end: q.end, text: edited } });
  }
  return { items, edits };
}

/**
 * Quotes that are not on the page: random strings drawn from the page's own characters (so their
 * fragments do occur, which is what makes filtering hard), of the same lengths as `quotes`, with
 * random context, and each keeping its original position selector (now pointing at other words).
 */
export function orphanQuotes(text: string, quotes: readonly BenchQuote[], seed = 13): BenchItem[] {
  const rand = rng(seed);
  const visible = text.replace(/\s/g, '');
  const randomText = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += visible[Math.floor(rand() * visible.length)]!;
    return s;
  };
  return quotes.map((q) => {
    let exact: string;
    do exact = randomText(q.end - q.start);
    while (text.includes(exact));
    return {
      quote: { exact, prefix: randomText(CONTEXT), suffix: randomText(CONTEXT), start: q.start, end: q.end },
      expect: null,
    };
  });
}
