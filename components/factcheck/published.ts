import type { PlatformEntry } from '../recognition/platforms/types';

/**
 * When the article says it was published, as the page shows it ("2026-01-25 03:07:00",
 * "2026年1月24日 21:37"): the reader compares it with what they remember seeing, so it is kept in
 * the page's own format, never parsed into a time zone the page did not state. DOM-only.
 */

/**
 * A calendar date, with the time of day when it follows: 2026-01-25, 2026/1/25, 2026.01.25 or
 * 2026年01月24日, then an optional `03:07` or `03:07:00` (ISO's `T` included, as meta tags
 * write it). Years from 1990 on, so an account's follower count or an article id is no date.
 */
const DATE =
  /(?:199\d|20\d\d)(?:[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:(?:T|\s*)\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?/;

/** The longest date a page may give: anything longer is not a date line. */
export const MAX_PUBLISHED = 100;

/** The date and time in `text`, whitespace collapsed, or null when there is none. */
export function dateIn(text: string): string | null {
  const m = DATE.exec(text);
  return m ? m[0].replace(/\s+/g, ' ').trim() : null;
}

/** An element's date: its text first (what the reader sees), then a `<time>`'s `datetime`. */
function dateOf(el: Element): string | null {
  const shown = dateIn(el.textContent ?? '');
  if (shown) return shown;
  const machine = el.localName === 'time' ? el.getAttribute('datetime') : null;
  return machine ? dateIn(machine) : null;
}

/**
 * The meta tags a page describes itself with: Open Graph's `article:published_time` (NetEase's
 * desktop pages, netease.md) and `og:release_date` (its mobile pages, platforms.md).
 */
const META = ['meta[property="article:published_time"]', 'meta[property="og:release_date"]', 'meta[name="og:release_date"]'];

/**
 * The publication date: the platform's date selectors, then the page's meta tags, then the
 * first `<time>` element. Null when the page gives none.
 */
export function readPublished(doc: Document, platform: PlatformEntry | null): string | null {
  for (const sel of platform?.selectors.date ?? []) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const d = dateOf(el);
      if (d) return d;
    }
  }
  for (const sel of META) {
    const content = doc.querySelector(sel)?.getAttribute('content');
    const d = content ? dateIn(content) : null;
    if (d) return d;
  }
  for (const el of Array.from(doc.querySelectorAll('time'))) {
    const d = dateOf(el);
    if (d) return d;
  }
  return null;
}
