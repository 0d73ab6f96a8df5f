import { webHref } from '../web-href';
import { buildLedger, type AccountSummary, type AssessedAnnotation } from '@/components/factcheck/ledger';
import { CLAIM_CATEGORIES } from '@/components/vocabulary/categories';
import type { SourcemarkDB } from '@/storage/db/db';
import type { LedgerRow } from '@/storage/db/ledger-row';

/** One article of an account, as the ledger page lists it under the account. */
export interface LedgerArticle {
  pageKey: string;
  title: string;
  /** The article's address to link to; null when it is not http(s) (never linked then). */
  href: string | null;
  opened: string;
  claims: number;
  /** The reader kept a snapshot of it: the page links to snapshot.html. */
  snapshot: boolean;
}

/** One account's row and, under it, its articles (latest opened first). */
export interface LedgerAccount {
  /** Platform and name: one name on two platforms is two accounts, as in `buildLedger`. */
  key: string;
  summary: AccountSummary;
  articles: LedgerArticle[];
}


/** The address of the reader's snapshot of a page (the snapshot page, an extension page). */
export function snapshotHref(pageKey: string): string {
  return `snapshot.html?page=${encodeURIComponent(pageKey)}`;
}

export const accountKey = (s: Pick<AccountSummary, 'platform' | 'account'>): string => `${s.platform ?? ''}\u0000${s.account}`;

/**
 * The ledger page's data from what is stored: the accounts as `buildLedger` sums them, each with
 * its articles. In no particular order (the table sorts).
 */
export function ledgerView(rows: readonly LedgerRow[], annotations: readonly AssessedAnnotation[], snapshots: ReadonlySet<string>): LedgerAccount[] {
  const byKey = new Map(rows.map((r) => [r.pageKey, r]));
  return buildLedger(rows, annotations).map((summary) => ({
    key: accountKey(summary),
    summary,
    articles: summary.pageKeys
      .flatMap((k) => {
        const row = byKey.get(k);
        return row ? [row] : [];
      })
      .sort((a, b) => Date.parse(b.opened) - Date.parse(a.opened))
      .map((row) => ({
        pageKey: row.pageKey,
        title: row.title,
        href: webHref(row.url),
        opened: row.opened,
        claims: CLAIM_CATEGORIES.reduce((n, c) => n + row.claims[c], 0),
        snapshot: snapshots.has(row.pageKey),
      })),
  }));
}

/**
 * Reads the ledger, the reader's assessments on its pages and which of them have a snapshot.
 * Run inside a liveQuery, it answers again when any of the three tables changes.
 */
export async function readLedgerView(db: SourcemarkDB): Promise<LedgerAccount[]> {
  const rows = await db.ledger.toArray();
  const keys = rows.map((r) => r.pageKey);
  const [annotations, snapshotKeys] = await Promise.all([
    db.annotations.where('pageKey').anyOf(keys).toArray(),
    db.snapshots.where('pageKey').anyOf(keys).primaryKeys(),
  ]);
  return ledgerView(rows, annotations, new Set(snapshotKeys));
}
