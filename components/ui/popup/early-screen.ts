import { DigestLibrary } from '@/components/listing/digest-library';
import { LibraryIndex } from '@/components/listing/library-index';
import { pageRows } from '@/components/listing/page-rows';
import { offsetsOf, rowHeights, visibleRows } from '@/components/listing/windowing';
import type { Lang } from '@/components/vocabulary/lang';
import { ledgerStrings } from '@/components/vocabulary/ledger-strings';
import { panelStrings } from '@/components/vocabulary/panel-strings';
import { popupStrings } from '@/components/vocabulary/strings';
import type { DigestAnswer } from '@/storage/db/digest-now';
import type { PageSummary } from '@/storage/db/page-summary';
import { COLORS } from '@/storage/model/colors';
import { earlyHeading, el } from './early-dom';
import { drawEarlyResults } from './early-results';
import { OVERSCAN, estimateOf, fallbackHeight } from './list-window';

/**
 * The popup's first screen in plain DOM, drawn by its first script from what that script read
 * (storage/db/first-screen.ts) while Preact, Dexie and zod are still loading: the same markup,
 * classes, roles and text as the App's first render (App.tsx, AllAnnotations, SearchBox,
 * FilterBar, WindowedList, PageHeading), so it looks the same and reads the same to a screen
 * reader, and hand-over.ts swaps the App in without a flash. Its buttons do nothing themselves:
 * the last one clicked is noted (EARLY_CLICK_ATTR) and clicked again in the App when it is there.
 * The search field answers from the search digest once the first script has read it
 * (early-results.ts), and only honestly: until then a query shows "searching" (busy), never a
 * list that could pass for its results.
 */

import { EARLY_ATTR, EARLY_CLICK_ATTR, EARLY_PRESS_ATTR } from './early-attrs';

export { EARLY_ATTR, EARLY_CLICK_ATTR, EARLY_PRESS_ATTR };

/**
 * Where `el` is under `root`, as child indexes ("0.1.2"): the App's first render has the same
 * markup, so the same path finds the same control there (elementAt).
 */
export function pathOf(root: Element, el: Element): string {
  const steps: number[] = [];
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    if (!e.parentElement) return '';
    steps.unshift([...e.parentElement.children].indexOf(e));
  }
  return steps.join('.');
}

/** The element at `path` under `root` (pathOf), if there is one. */
export function elementAt(root: Element, path: string): Element | null {
  let e: Element | null = root;
  for (const step of path === '' ? [] : path.split('.')) e = e?.children[Number(step)] ?? null;
  return e === root ? null : e;
}

export interface EarlyScreen {
  lang: Lang;
  /** "This page" over a tab Sourcemark may run in, else "All annotations" (App.tsx firstView). */
  view: 'page' | 'all';
  /** The first pages of "All annotations", newest first. */
  pages: readonly PageSummary[];
  /** The search digest as the first script asked for it (storage/db/digest-now.ts). */
  digest?: DigestAnswer;
}

/** Draws the first screen into `root` (the page's empty `#app`). */
export function drawEarlyScreen(doc: Document, root: HTMLElement, screen: EarlyScreen): void {
  const { lang, view } = screen;
  const t = popupStrings[lang];
  const tab = (label: string, selected: boolean) => el(doc, 'button', { type: 'button', role: 'tab', 'aria-selected': String(selected) }, label);
  const header = el(
    doc,
    'header',
    { class: 'top' },
    el(doc, 'h1', {}, t.appName),
    el(doc, 'nav', { class: 'tabs', role: 'tablist' }, tab(t.tabThisPage, view === 'page'), tab(t.tabAll, view === 'all')),
    el(doc, 'button', { type: 'button', class: 'icon', title: t.settings, 'aria-label': t.settings }, '⚙'),
  );
  const main = el(doc, 'main');
  if (view === 'all' && screen.pages.length > 0) main.append(allAnnotations(doc, screen));
  else main.append(el(doc, 'p', { class: 'muted' }, t.loading));
  const footer = el(
    doc,
    'footer',
    {},
    el(doc, 'button', { type: 'button', class: 'link' }, t.importLink),
    el(doc, 'button', { type: 'button', class: 'link' }, panelStrings[lang].open),
    el(doc, 'a', { class: 'link', href: '/ledger.html', target: '_blank', rel: 'noreferrer' }, ledgerStrings[lang].open),
  );
  root.setAttribute(EARLY_ATTR, '');
  root.replaceChildren(header, main, footer);
  // A link's own action (the ledger) happens at once; a button's waits for the App.
  const buttonAt = (e: Event) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    return button && root.contains(button) ? button : null;
  };
  root.addEventListener('click', (e) => {
    const button = buttonAt(e);
    if (button) root.setAttribute(EARLY_CLICK_ATTR, pathOf(root, button));
  });
  // A press still held when the App takes over ends on the App's control (hand-over.ts).
  root.addEventListener('pointerdown', (e) => {
    const button = buttonAt(e);
    if (!button || !e.isPrimary || e.button !== 0) return;
    root.setAttribute(EARLY_PRESS_ATTR, pathOf(root, button));
    onPressEnd(doc, () => root.removeAttribute(EARLY_PRESS_ATTR));
  });
}

/**
 * Calls `ended` once, when the primary pointer's press ends anywhere in `doc`: with its pointerup,
 * or with null when the browser cancels it. Listens only while the press lasts.
 */
export function onPressEnd(doc: Document, ended: (up: PointerEvent | null) => void): void {
  const over = new AbortController();
  const opts = { capture: true, signal: over.signal };
  doc.addEventListener(
    'pointerup',
    (e) => {
      if (!e.isPrimary) return;
      over.abort();
      ended(e);
    },
    opts,
  );
  doc.addEventListener(
    'pointercancel',
    (e) => {
      if (!e.isPrimary) return;
      over.abort();
      ended(null);
    },
    opts,
  );
}

/** "All annotations" before the library: the search bar and the first window of page headings. */
function allAnnotations(doc: Document, { lang, pages, digest }: EarlyScreen): HTMLElement {
  const t = popupStrings[lang];
  const input = el(doc, 'input', { type: 'search', class: 'search', 'aria-label': t.searchLabel, placeholder: t.searchPlaceholder });
  const swatches = COLORS.map((c) =>
    el(
      doc,
      'button',
      { type: 'button', class: 'swatch', 'aria-pressed': 'false', 'aria-label': t.colors[c], title: t.colors[c] },
      el(doc, 'span', { class: `dot ${c}`, 'aria-hidden': 'true' }),
    ),
  );
  const filters = el(doc, 'div', { class: 'filters' }, el(doc, 'div', { class: 'row', role: 'group', 'aria-label': t.colorFilter }, ...swatches));
  const list = pageList(doc, lang, pages);
  let shown: HTMLElement = list;
  let index: LibraryIndex | null = null;
  const indexNow = (): LibraryIndex | null => {
    // The digest is copied into the page here if the first script has not done it yet.
    const shards = index ? null : digest?.take();
    if (shards) index = new LibraryIndex(new DigestLibrary().read(shards));
    return index;
  };
  // As AllAnnotations: a query is answered from the index, "searching" until there is one.
  const show = () => {
    const query = input.value;
    const next = query.trim() === '' ? list : drawEarlyResults(doc, lang, query, indexNow()?.search({ query, colors: [], tag: null }) ?? null);
    if (next !== shown) shown.replaceWith(next);
    shown = next;
  };
  input.addEventListener('input', show);
  // A query typed before the database answered: its results as soon as it has. Not once handed
  // over (the App answers now), nor when it could not be read (the App reads it through Dexie).
  void digest?.answered.then(() => input.isConnected && input.value.trim() !== '' && !index && show());
  return el(doc, 'div', { class: 'all' }, el(doc, 'div', { class: 'search-bar' }, input, filters), list);
}

/** The headings WindowedList renders first: the rows in a view of the window's height, at estimated heights. */
function pageList(doc: Document, lang: Lang, pages: readonly PageSummary[]): HTMLElement {
  const rows = pageRows(pages, null, new Set());
  const offsets = offsetsOf(rowHeights(rows, (r) => r.key, new Map(), estimateOf));
  const win = visibleRows(offsets, 0, fallbackHeight(), OVERSCAN);
  const vlist = el(doc, 'div', { class: 'vlist' });
  vlist.style.paddingTop = `${win.before}px`;
  vlist.style.paddingBottom = `${win.after}px`;
  for (const row of rows.slice(win.start, win.end)) {
    if (row.kind !== 'page') continue;
    vlist.append(el(doc, 'section', { class: 'group', 'data-page-key': row.page.pageKey }, earlyHeading(doc, lang, row.page, false, row.key)));
  }
  return el(doc, 'div', { class: 'pages' }, vlist);
}
