import { sortLedger, type AccountSummary } from '@/components/factcheck/ledger';
import { PLATFORM_IDS } from '@/components/vocabulary/page-kinds';
import { CLAIM_CATEGORIES, type ClaimCategory } from '@/components/vocabulary/categories';
import { VERDICTS, type Verdict } from '@/components/vocabulary/verdicts';

/** A sortable column of the ledger table. */
export type LedgerColumn =
  | 'platform'
  | 'account'
  | 'articles'
  | 'rate'
  | `rate:${ClaimCategory}`
  | `verdict:${Verdict}`
  | 'lastOpened';

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  'platform',
  'account',
  'articles',
  'rate',
  ...CLAIM_CATEGORIES.map((c) => `rate:${c}` as const),
  ...VERDICTS.map((v) => `verdict:${v}` as const),
  'lastOpened',
];

export type SortDirection = 'ascending' | 'descending';

export interface LedgerSort {
  column: LedgerColumn;
  direction: SortDirection;
}

/** Most articles first: the accounts the reader reads most are the ones worth a look. */
export const DEFAULT_SORT: LedgerSort = { column: 'articles', direction: 'descending' };

/**
 * The order a column starts in when first picked: names A to Z, numbers and dates highest or
 * latest first (what a reader sorting by a count wants to see first).
 */
function firstDirection(column: LedgerColumn): SortDirection {
  return column === 'account' || column === 'platform' ? 'ascending' : 'descending';
}

/** Picking the sorted column again reverses it; another column starts in its own first order. */
export function nextSort(current: LedgerSort, column: LedgerColumn): LedgerSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: firstDirection(column) };
}

/**
 * A column's value to compare. Accounts without a rate (no characters read) get -1, below every
 * rate, so they go last when the highest rate comes first. Platforms in the registry's order.
 */
function value(s: AccountSummary, column: LedgerColumn): number {
  if (column === 'articles') return s.articles;
  if (column === 'rate') return s.rate ?? -1;
  if (column === 'lastOpened') {
    const t = Date.parse(s.lastOpened);
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  }
  if (column === 'platform') return s.platform === null ? PLATFORM_IDS.length : PLATFORM_IDS.indexOf(s.platform);
  if (column.startsWith('rate:')) return s.rateByCategory[column.slice(5) as ClaimCategory] ?? -1;
  if (column.startsWith('verdict:')) return s.verdicts[column.slice(8) as Verdict];
  return 0;
}

/**
 * The accounts in the order the reader picked. Ties, in either direction, stay in name order
 * (`sortLedger`'s, which never ties), so the same data always shows in the same order.
 */
export function sortAccounts<T extends { summary: AccountSummary }>(list: readonly T[], sort: LedgerSort): T[] {
  const byName = new Map(sortLedger(list.map((a) => a.summary), 'name').map((s, i) => [s, i]));
  const rank = (a: T) => byName.get(a.summary) ?? 0;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.column === 'account') return [...list].sort((a, b) => sign * (rank(a) - rank(b)));
  return [...list].sort((a, b) => sign * (value(a.summary, sort.column) - value(b.summary, sort.column)) || rank(a) - rank(b));
}
