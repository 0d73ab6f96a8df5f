import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { headingOf, type ListRow } from '@/components/listing/list-rows';
import { offsetsOf, rowHeights, visibleRows } from '@/components/listing/windowing';
import AnnotationItem from './AnnotationItem';
import PageHeading from './PageHeading';
import { ITEM_MARGIN, OVERSCAN, estimateOf } from './list-window';
import { useScrollView } from './use-scroll-view';

export type WindowedListProps = {
  rows: readonly ListRow[];
  onToggle: (pageKey: string) => void;
};

interface Segment {
  head: Extract<ListRow, { kind: 'page' }>;
  items: Extract<ListRow, { kind: 'item' }>[];
}

/**
 * A long list of pages and annotations that renders only the rows in view (components/listing/
 * windowing.ts), grouped by page as `section.group` elements like a list rendered whole. When the
 * view starts inside a page, that page's heading is rendered too, in the space its row takes above.
 */
export default function WindowedList({ rows, onToggle }: WindowedListProps) {
  const box = useRef<HTMLDivElement>(null);
  const view = useScrollView(box);
  const measured = useRef(new Map<string, number>());
  const [version, setVersion] = useState(0);
  const offsets = useMemo(
    () => offsetsOf(rowHeights(rows, (r) => r.key, measured.current, estimateOf)),
    [rows, version],
  );
  const win = visibleRows(offsets, view.top, view.height, OVERSCAN);

  const segments: Segment[] = [];
  let carried = 0;
  for (let i = win.start; i < win.end; i++) {
    const row = rows[i]!;
    if (row.kind === 'page') {
      segments.push({ head: row, items: [] });
      continue;
    }
    if (segments.length === 0) {
      const h = headingOf(rows, i);
      segments.push({ head: rows[h] as Segment['head'], items: [] });
      carried = offsets[h + 1]! - offsets[h]!;
    }
    segments[segments.length - 1]!.items.push(row);
  }

  // Rows measured as rendered, and again when the list's size changes (a note opened for editing).
  const measure = () => {
    const el = box.current;
    if (!el) return;
    let changed = false;
    for (const row of el.querySelectorAll<HTMLElement>('[data-row-key], li.item[data-annotation-id]')) {
      const key = row.dataset.rowKey ?? row.dataset.annotationId!;
      const h = row.offsetHeight + (row.dataset.rowKey ? 0 : ITEM_MARGIN);
      if (row.offsetHeight > 0 && measured.current.get(key) !== h) {
        measured.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setVersion((v) => v + 1);
  };
  useLayoutEffect(measure);
  const latest = useRef(measure);
  latest.current = measure;
  useLayoutEffect(() => {
    if (!box.current || typeof ResizeObserver !== 'function') return;
    const resize = new ResizeObserver(() => latest.current());
    resize.observe(box.current);
    return () => resize.disconnect();
  }, []);

  return (
    <div ref={box} class="vlist" style={{ paddingTop: `${Math.max(0, win.before - carried)}px`, paddingBottom: `${win.after}px` }}>
      {segments.map(({ head, items }) => {
        const listId = `list-${head.page.pageKey}`;
        return (
          <section class="group" key={head.key} data-page-key={head.page.pageKey}>
            <PageHeading
              page={head.page}
              open={head.open}
              controls={items.length > 0 ? listId : undefined}
              rowKey={head.key}
              onToggle={onToggle}
            />
            {items.length > 0 ? (
              <ul class="items" id={listId}>
                {items.map((r) => (
                  <AnnotationItem key={r.key} annotation={r.annotation} />
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
