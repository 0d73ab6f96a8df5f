import type { PageHead } from '@/components/listing/list-rows';
import type { Lang } from '@/components/vocabulary/lang';
import { formatDate, popupStrings } from '@/components/vocabulary/strings';

/**
 * The popup's early screen builds with these (early-screen.ts, early-results.ts): plain DOM with
 * the App's markup, text only, never markup (titles, quotes and notes are page and reader text).
 */

export type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** A page's heading as PageHeading.tsx renders it; `controls`: the id of its rendered list, if any. */
export function earlyHeading(doc: Document, lang: Lang, page: PageHead, open: boolean, rowKey: string, controls?: string): HTMLElement {
  const t = popupStrings[lang];
  const meta = [page.site, formatDate(lang, page.updated), page.count === undefined ? '' : t.pageCount(page.count)].filter(Boolean).join(' · ');
  const attrs: Attrs = { type: 'button', class: 'group-toggle', 'aria-expanded': String(open) };
  if (controls !== undefined) attrs['aria-controls'] = controls;
  const toggle = el(
    doc,
    'button',
    attrs,
    el(doc, 'span', { class: 'chevron', 'aria-hidden': 'true' }, open ? '▾' : '▸'),
    el(doc, 'span', { class: 'group-title' }, page.title.trim() || page.url),
    el(doc, 'span', { class: 'group-meta' }, meta),
  );
  return el(doc, 'h3', { class: 'group-head', 'data-row-key': rowKey }, toggle);
}
