import type { ComponentChildren } from 'preact';
import type { LedgerColumn, LedgerSort } from './ledger-sort';

export type SortHeaderProps = {
  column: LedgerColumn;
  sort: LedgerSort;
  onSort: (column: LedgerColumn) => void;
  rowSpan?: number;
  children: ComponentChildren;
};

/**
 * A column header that sorts the table: a real button (Enter and Space work, it is in the tab
 * order) named by the header's words alone, so the header still reads as the column's name; and
 * `aria-sort` on the header cell of the sorted column only, as ARIA asks, so a screen reader says
 * which column orders the table and which way. The arrow is decoration.
 */
export default function SortHeader({ column, sort, onSort, rowSpan, children }: SortHeaderProps) {
  const sorted = sort.column === column;
  return (
    <th scope="col" rowSpan={rowSpan} aria-sort={sorted ? sort.direction : undefined} data-column={column}>
      <button type="button" class="sort" onClick={() => onSort(column)}>
        {children}
        <span class="sort-arrow" aria-hidden="true">
          {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
