import { quoteOf } from '@/storage/model/quote';
import type { Annotation } from '@/storage/model/annotation';
import type { Verdict } from '../vocabulary/verdicts';
import { snapshotIntact } from './snapshot';
import { ArticleSnapshotSchema, type ArticleSnapshot } from './snapshot-schema';

/**
 * What the snapshot page (entrypoints/snapshot) shows, decided without a DOM: which copy its
 * address names, whether the stored record is one it can show and still hashes as it did, and
 * which of the reader's annotations found no place on it.
 */

/**
 * The page key `snapshot.html?page=<key>` names, or null when there is none. The address only
 * names which copy to show: every other parameter is ignored, and nothing in it is an order.
 */
export function pageParam(search: string): string | null {
  const key = new URLSearchParams(search).get('page');
  return key && key.trim() !== '' ? key : null;
}

export type KeptCopy =
  /** No snapshot is stored under this key (never kept, or kept on another device). */
  | { state: 'unknown' }
  /** A record is stored but is not a snapshot (a damaged database or import): nothing is shown of it. */
  | { state: 'damaged' }
  /** `intact`: the paragraphs still hash to the SHA-256 stored with them. */
  | { state: 'kept'; snapshot: ArticleSnapshot; intact: boolean };

/**
 * Reads a stored record as a copy to show. It is checked against the schema first: the page
 * writes its fields into the DOM and its address into a link, so only a record whose URL is
 * http(s) and whose strings are bounded is shown.
 */
export async function readKeptCopy(record: unknown): Promise<KeptCopy> {
  if (record === undefined || record === null) return { state: 'unknown' };
  const parsed = ArticleSnapshotSchema.safeParse(record);
  if (!parsed.success) return { state: 'damaged' };
  return { state: 'kept', snapshot: parsed.data, intact: await snapshotIntact(parsed.data) };
}

/** An annotation that found no place on the copy, as the orphan list shows it. */
export interface OrphanLine {
  id: string;
  quote: string;
  note: string;
  verdict: Verdict | null;
}

/**
 * The annotations not painted on the copy, in the order given (the page's: storage/db/queries.ts
 * `byPageOrder`). A highlight made on words the author added after the copy was kept has no
 * place in it, and is listed rather than put on other words.
 */
export function orphanLines(annotations: readonly Annotation[], painted: ReadonlySet<string>): OrphanLine[] {
  return annotations
    .filter((a) => !painted.has(a.id))
    .map((a) => ({ id: a.id, quote: quoteOf(a).exact, note: a.note, verdict: a.assessment?.verdict ?? null }));
}
