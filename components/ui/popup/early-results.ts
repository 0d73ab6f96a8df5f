import type { IndexResult } from '@/components/listing/library-index';
import { resultRows, type ListRow } from '@/components/listing/list-rows';
import { offsetsOf, rowHeights, visibleRows } from '@/components/listing/windowing';
import type { Lang } from '@/components/vocabulary/lang';
import { popupStrings } from '@/components/vocabulary/strings';
import { VERDICT_ICONS, VERDICT_NAMES } from '@/components/vocabulary/verdicts';
import type { Listed } from '@/storage/db/digest';
import { earlyHeading, el } from './early-dom';
import { OVERSCAN, estimateOf, fallbackHeight } from './list-window';

/**
 * A search typed on the early screen, answered there: AllAnnotations' results (the status line,
 * then WindowedList's first window of resultRows with PageHeading and AnnotationItem) in plain
 * DOM, the same markup as the App's first render of them (tests/unit/early-screen.test.tsx holds
 * them equal), so that a reader who types as the popup opens sees the answer at once instead of
 * "searching" until Preact, Dexie and zod have loaded. `found` null: the digest is not read yet,
 * and the results say so (busy) and list nothing.
 */
export function drawEarlyResults(doc: Document, lang: Lang, query: string, found: IndexResult | null): HTMLElement {
  const t = popupStrings[lang];
  const status = !found ? t.searching : found.total === 0 ? t.noResults : t.results(found.total, found.total);
  const box = el(doc, 'div', { class: 'results', 'data-query': query, 'aria-busy': String(!found) }, el(doc, 'p', { class: 'muted', role: 'status' }, status));
  if (found && found.total > 0) box.append(resultList(doc, lang, resultRows(found.annotations)));
  return box;
}

/** WindowedList's first render: the rows in a view of the window's height at estimated heights. */
function resultList(doc: Document, lang: Lang, rows: readonly ListRow[]): HTMLElement {
  const offsets = offsetsOf(rowHeights(rows, (r) => r.key, new Map(), estimateOf));
  const win = visibleRows(offsets, 0, fallbackHeight(), OVERSCAN);
  const vlist = el(doc, 'div', { class: 'vlist' });
  vlist.style.paddingTop = `${win.before}px`;
  vlist.style.paddingBottom = `${win.after}px`;
  // Results start with a heading (resultRows), and the first window starts at the top.
  let items: HTMLElement | null = null;
  let section: HTMLElement | null = null;
  let head: Extract<ListRow, { kind: 'page' }> | null = null;
  const close = () => {
    if (!section || !head) return;
    const listId = `list-${head.page.pageKey}`;
    section.append(earlyHeading(doc, lang, head.page, head.open, head.key, items ? listId : undefined));
    if (items) {
      items.id = listId;
      section.append(items);
    }
    vlist.append(section);
  };
  for (const row of rows.slice(win.start, win.end)) {
    if (row.kind === 'page') {
      close();
      head = row;
      items = null;
      section = el(doc, 'section', { class: 'group', 'data-page-key': row.page.pageKey });
      continue;
    }
    (items ??= el(doc, 'ul', { class: 'items' })).append(item(doc, lang, row.annotation));
  }
  close();
  return vlist;
}

/** AnnotationItem.tsx, not editing: its buttons wait for the App, which is given the last click (hand-over.ts). */
function item(doc: Document, lang: Lang, a: Listed): HTMLElement {
  const t = popupStrings[lang];
  const li = el(
    doc,
    'li',
    { class: 'item', 'data-annotation-id': a.id, 'data-color': a.color },
    el(doc, 'div', { class: 'item-main' }, el(doc, 'span', { class: `dot ${a.color}`, role: 'img', 'aria-label': t.colors[a.color] }), el(doc, 'blockquote', { class: 'quote' }, a.quote)),
  );
  if (a.note) li.append(el(doc, 'p', { class: 'note' }, a.note));
  if (a.verdict) {
    li.append(el(doc, 'p', { class: `verdict-chip ${a.verdict}`, 'data-verdict': a.verdict }, el(doc, 'span', { 'aria-hidden': 'true' }, VERDICT_ICONS[a.verdict]), ` ${VERDICT_NAMES[lang][a.verdict]}`));
  }
  if (a.tags.length) li.append(el(doc, 'p', { class: 'tags' }, a.tags.map((tag) => `#${tag}`).join(' ')));
  const button = (label: string, cls?: string) => el(doc, 'button', cls ? { type: 'button', class: cls } : { type: 'button' }, label);
  li.append(el(doc, 'div', { class: 'row actions' }, button(t.goTo), button(a.note ? t.editNote : t.addNote), button(t.delete, 'danger')));
  return li;
}
