import { normalizeText } from './normalize';
import type { Evidence, PlatformEntry } from './platforms/types';

/**
 * Finding an article's parts (title, account, body) from a platform's fast-path selectors, with
 * generic fallbacks for pages whose markup the registry does not know. DOM-only.
 */

const GENERIC_TITLE = ['article h1', 'main h1', 'h1'];
const GENERIC_BODY = ['article .content', 'article', 'main'];

function first(doc: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/** The article's title element, where the banner goes; falls back to the body's top. */
export function findArticleTop(doc: Document, platform: PlatformEntry | null): Element | null {
  return first(doc, [...(platform?.selectors.title ?? []), ...GENERIC_TITLE]) ?? findArticleBody(doc, platform);
}

/** The element that holds the article's own text; recommendations, comments and chrome are outside it. */
export function findArticleBody(doc: Document, platform: PlatformEntry | null): Element | null {
  return first(doc, [...(platform?.selectors.body ?? []), ...GENERIC_BODY]);
}

export interface Account {
  name: string;
  /** The account's page on the platform, when the page links it (http(s) only). */
  url: string | null;
}

/** Labels that sit where an account name would and are not one. */
const NOT_NAMES = new Set(['全部', '关注', '+关注', '作者', '来源']);

/** The uploading account's display name and link, from the platform's selectors. */
export function readAccount(doc: Document, platform: PlatformEntry): Account | null {
  for (const sel of platform.selectors.account) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const name = normalizeText(el.textContent ?? '');
      if (!name || NOT_NAMES.has(name) || name.length > 40) continue;
      return { name, url: linkOf(el) };
    }
  }
  return null;
}

function linkOf(el: Element): string | null {
  const a = el.closest('a[href]') ?? el.querySelector('a[href]');
  const href = a?.getAttribute('href');
  if (!href) return null;
  try {
    const u = new URL(href, el.ownerDocument.baseURI);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The names of the evidence items the page shows. */
export function evidenceOn(doc: Document, items: readonly Evidence[]): string[] {
  return items.filter((e) => shows(doc, e)).map((e) => e.name);
}

/** Evidence is a line (a byline, an editor's name), never a block: longer elements are skipped. */
const MAX_EVIDENCE_CHARS = 200;

function shows(doc: Document, e: Evidence): boolean {
  if (!e.text) return doc.querySelector(e.selector) !== null;
  for (const el of Array.from(doc.querySelectorAll(e.selector))) {
    const text = el.textContent ?? '';
    if (text.length <= MAX_EVIDENCE_CHARS && e.text.test(normalizeText(text))) return true;
  }
  return false;
}
