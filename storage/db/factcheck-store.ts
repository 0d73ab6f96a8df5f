import { buildLedger, type AccountSummary } from '@/components/factcheck/ledger';
import { hashParagraphs, snapshotIntact } from '@/components/factcheck/snapshot';
import { ArticleSnapshotSchema, type ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import type { ArticleOpenedDraft, SnapshotReading } from '../messaging/protocol';
import type { SourcemarkDB } from './db';
import type { LedgerRow } from './ledger-row';
import { readSettings } from './settings';

/** Where a content script's article is, as the background derived it from the sender. */
export interface SenderPage {
  pageKey: string;
  url: string;
}

/**
 * Keeps the first snapshot of a page: the text as the reader first annotated it is the evidence,
 * so a later call (another highlight, another device's import) never replaces it.
 */
export async function keepSnapshot(db: SourcemarkDB, reading: SnapshotReading, page: SenderPage, now: Date): Promise<ArticleSnapshot> {
  const snapshot = ArticleSnapshotSchema.parse({
    ...reading,
    pageKey: page.pageKey,
    url: page.url,
    sha256: await hashParagraphs(reading.paragraphs),
    taken: now.toISOString(),
  });
  return db.transaction('rw', db.snapshots, async () => {
    const first = await db.snapshots.get(page.pageKey);
    if (first) return first;
    await db.snapshots.put(snapshot);
    return snapshot;
  });
}

/**
 * Counts an article the reader opened in its account's ledger (its latest opening replaces an
 * earlier one, so it counts once) and answers with the account's summary. Nothing is counted
 * with the ledger switched off, or for a page that names no account.
 */
export async function countOpened(db: SourcemarkDB, opened: ArticleOpenedDraft, page: SenderPage, now: Date): Promise<AccountSummary | null> {
  if (!(await readSettings(db)).ledgerEnabled || opened.account === null) return null;
  const row: LedgerRow = { ...opened, account: opened.account, pageKey: page.pageKey, url: page.url, opened: now.toISOString() };
  await db.ledger.put(row);
  return accountSummary(db, row.account, row.platform);
}

/** One account's line in the ledger, from its rows and the reader's verdicts on its pages. */
export async function accountSummary(db: SourcemarkDB, account: string, platform: LedgerRow['platform']): Promise<AccountSummary | null> {
  const rows = (await db.ledger.where('account').equals(account).toArray()).filter((r) => r.platform === platform);
  const keys = rows.map((r) => r.pageKey);
  const annotations = await db.annotations.where('pageKey').anyOf(keys).toArray();
  return buildLedger(rows, annotations)[0] ?? null;
}

/**
 * Snapshots from an import: each must still hash to its own SHA-256 (a file edited by hand is no
 * evidence), and a page that has a snapshot here keeps it, as with the reader's own.
 */
export async function importSnapshots(db: SourcemarkDB, snapshots: readonly ArticleSnapshot[]): Promise<{ added: number; refused: number }> {
  const intact: ArticleSnapshot[] = [];
  for (const s of snapshots) if (await snapshotIntact(s)) intact.push(s);
  const added = await db.transaction('rw', db.snapshots, async () => {
    const have = await db.snapshots.bulkGet(intact.map((s) => s.pageKey));
    const fresh = intact.filter((s, i) => have[i] === undefined && intact.findIndex((x) => x.pageKey === s.pageKey) === i);
    await db.snapshots.bulkPut(fresh);
    return fresh.length;
  });
  return { added, refused: snapshots.length - intact.length };
}

export async function clearLedger(db: SourcemarkDB): Promise<number> {
  return db.transaction('rw', db.ledger, async () => {
    const n = await db.ledger.count();
    await db.ledger.clear();
    return n;
  });
}
