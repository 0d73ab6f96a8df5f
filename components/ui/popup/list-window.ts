import type { ListRow } from '@/components/listing/list-rows';

/**
 * How the popup's windowed list sizes its rows before it has measured them, here apart from
 * WindowedList.tsx so that the popup's first script (no Preact) draws the same first window.
 */

/** Rows rendered beyond each edge of the view: keyboard focus and a quick scroll find them there. */
export const OVERSCAN = 6;
/** Heights until a row has been rendered and measured (px, the popup's usual heading and item). */
export const ESTIMATE = { page: 50, item: 90 } as const;
/** An item's bottom margin (.vlist .items .item in entrypoints/popup/style.css): outside what offsetHeight measures. */
export const ITEM_MARGIN = 6;

/** A row's height until it is measured. */
export const estimateOf = (row: ListRow): number => ESTIMATE[row.kind];

/** Before layout (or without one, as in unit tests' DOM): assume a tall popup's worth. */
export const fallbackHeight = (): number => (typeof window !== 'undefined' && window.innerHeight > 0 ? window.innerHeight : 600);
