/**
 * Is this page a NetEase Hao (网易号) article, i.e. a user upload that NetEase only stores?
 *
 * Pure: the URL and the signals read off the page come in as values, so the rules can be
 * tested as a table. Evidence for every rule is in shared/notes/netease.md.
 */

import type { PageKind } from '../vocabulary/page-kinds';

export type UrlShape =
  /** `www.163.com/dy/article/<ID>.html` (and `_pdya11y`), `m.163.com/dy/article/<ID>.html`. */
  | 'hao'
  /** `www.163.com/<channel>/article/<ID>.html` for an editorial channel, and old `<sub>.163.com/YY/MMDD/...`. */
  | 'editorial'
  /** App and share hosts that serve both kinds: only the page can tell. */
  | 'ambiguous'
  | 'not-netease';

/** What the page itself says; every field is optional evidence. */
export interface PageSignals {
  /** The breadcrumb names 网易号 (desktop `div.post_crumb`). */
  haoCrumb?: boolean;
  /** The platform's self-media statement was found by its text. */
  statement?: boolean;
  /** The article's account links to a `/dy/media/` page. */
  mediaLink?: boolean;
  /** `document.title`. */
  title?: string;
  /** Editorial evidence: a 新闻中心 breadcrumb or a `post_author` "本文来源…责任编辑" block. */
  editorialMarks?: boolean;
}

// Re-exported: callers that recognise a page get the kind's type from the same module.
export type { PageKind };

export interface PageVerdict {
  kind: PageKind;
  shape: UrlShape;
  /** Short English reasons, for debugging and tests, e.g. `url:hao`, `statement`. */
  reasons: string[];
}

/** NetEase's own redirect script matches article IDs as 16 of [A-Z0-9] (notes S1). */
const ID = '[A-Z0-9]{16}';
const HAO_PATH = new RegExp(`^/dy/article/${ID}(?:_\\w+)?\\.html$`);
const CHANNEL_PATH = new RegExp(`^/([a-z0-9]+)/article/${ID}(?:_\\w+)?\\.html$`);
const SHARE_PATH = new RegExp(`^/news/a/${ID}\\.html$`);
const TOUCH_PATH = /^\/touch\/article\.html$/;
const OLD_EDITORIAL_PATH = new RegExp(`^/\\d{2}/\\d{4}/\\d{2}/${ID}\\.html$`);

/**
 * Match patterns covering every URL that `urlShape` calls 'hao' or 'ambiguous': where a 网易号
 * article can be, and so where the claim detector's content script is injected
 * (entrypoints/claims/index.ts). tests/unit/page-kind.test.ts checks the two agree.
 */
export const HAO_URL_MATCHES = [
  'https://www.163.com/dy/article/*',
  'https://m.163.com/dy/article/*',
  'https://m.163.com/touch/article.html*',
  'https://c.m.163.com/news/a/*',
  'https://3g.163.com/*',
] as const;

function isNeteaseHost(host: string): boolean {
  return host === '163.com' || host.endsWith('.163.com');
}

/** Classify a URL by its shape alone. Invalid URLs are `not-netease`, never a throw. */
export function urlShape(url: string): UrlShape {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not-netease';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'not-netease';
  const host = u.hostname.toLowerCase();
  if (!isNeteaseHost(host)) return 'not-netease';
  const path = u.pathname;

  if (host === 'www.163.com' || host === 'm.163.com') {
    if (HAO_PATH.test(path)) return 'hao';
    const channel = CHANNEL_PATH.exec(path)?.[1];
    if (channel && host === 'www.163.com') return 'editorial';
    // m.163.com/<channel>/article/… mirrors the desktop channel; only /dy/ is self-media.
    if (channel && host === 'm.163.com') return 'editorial';
    if (host === 'm.163.com' && TOUCH_PATH.test(path) && new RegExp(`^${ID}$`).test(u.searchParams.get('docid') ?? '')) {
      return 'ambiguous';
    }
  }
  if (host === 'c.m.163.com' && SHARE_PATH.test(path)) return 'ambiguous';
  if (host === '3g.163.com' && (CHANNEL_PATH.test(path) || SHARE_PATH.test(path) || TOUCH_PATH.test(path))) {
    return 'ambiguous';
  }
  if (OLD_EDITORIAL_PATH.test(path)) return 'editorial';
  return 'not-netease';
}

/**
 * Decide the page kind from the URL shape and what the page says.
 *
 * - On a 网易号 URL the page confirms it, or overrules it when it carries editorial marks and
 *   none of the self-media signals (a redirect or a mislabelled link can put editorial content
 *   at a /dy/ URL). A page with no signals at all (not rendered yet) keeps the URL's word.
 * - On editorial URLs the answer is no: NetEase publishes those itself.
 * - On share/app hosts only the page decides.
 */
export function recognisePage(url: string, signals: PageSignals): PageVerdict {
  const shape = urlShape(url);
  const reasons: string[] = [`url:${shape}`];
  if (shape === 'not-netease' || shape === 'editorial') {
    return { kind: shape === 'editorial' ? 'netease-editorial' : 'other', shape, reasons };
  }
  const hao: string[] = [];
  if (signals.statement) hao.push('statement');
  if (signals.haoCrumb) hao.push('crumb');
  if (signals.mediaLink) hao.push('media-link');
  if (signals.title && /_网易订阅\s*$/.test(signals.title)) hao.push('title');
  reasons.push(...hao);
  if (signals.editorialMarks) reasons.push('editorial-marks');

  if (shape === 'hao') {
    const overruled = hao.length === 0 && signals.editorialMarks === true;
    return { kind: overruled ? 'netease-editorial' : 'netease-hao', shape, reasons };
  }
  // Ambiguous host: a self-media signal is needed; editorial marks alone mean editorial.
  if (hao.length > 0) return { kind: 'netease-hao', shape, reasons };
  return { kind: signals.editorialMarks ? 'netease-editorial' : 'other', shape, reasons };
}
