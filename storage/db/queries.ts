import { quoteOf, type Annotation, type Color } from '../model/annotation';
import { startOf } from '../model/quote';
import { foldText, searchTerms } from './search-text';
import type { SourcemarkDB } from './db';
import type { PageList } from './page-summary';
import { PAGES_BY_NEWEST, summaryOfRow } from './page-row';

export { foldText, searchTerms, startOf };

/**
 * The popup's and options page's read side. Extension pages share the background's origin, so
 * they open the database directly instead of asking the background for every list; writes still
 * go through AnnotationStore (or storage/import-writer.ts) so they are validated.
 *
 * Every query starts from an index (`updated`, `pageKey`, `color`, `*tags`): with 10,000
 * annotations nothing loads the whole table except a text search, which reads in chunks (the
 * popup reads it once per open search, readAll, and filters in memory with searchIn).
 */

export type { PageList, PageSummary } from './page-summary';

/**
 * Pages that have annotations, the most recently changed first, with their counts: the `pages`
 * table (page-row.ts) read backwards by its `[updated+newest]` index, one page more than asked
 * for to tell whether there are more.
 */
export async function pagesNewestFirst(
  db: SourcemarkDB,
  { offset = 0, limit = 50 }: { offset?: number; limit?: number } = {},
): Promise<PageList> {
  const rows = await db.pages.orderBy(PAGES_BY_NEWEST).reverse().offset(offset).limit(limit + 1).toArray();
  return { pages: rows.slice(0, limit).map(summaryOfRow), more: rows.length > limit };
}

/** Reading order: by position, then by creation, then by id so the order is total. Two
 * unpositioned annotations give Infinity − Infinity = NaN, which is falsy and falls through. */
export function byPageOrder(a: Annotation, b: Annotation): number {
  return (
    startOf(a) - startOf(b) ||
    Date.parse(a.created) - Date.parse(b.created) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A page's annotations in the order they appear on it. */
export async function annotationsForPage(db: SourcemarkDB, pageKey: string): Promise<Annotation[]> {
  const list = await db.annotations.where('pageKey').equals(pageKey).toArray();
  return list.sort(byPageOrder);
}

/** Whether the page has any saved annotation: one indexed count, no record read. */
export async function hasAnnotations(db: SourcemarkDB, pageKey: string): Promise<boolean> {
  return (await db.annotations.where('pageKey').equals(pageKey).count()) > 0;
}

/** Every tag in use, sorted, from the multi-entry index (no record is read). */
export async function tags(db: SourcemarkDB): Promise<string[]> {
  return (await db.annotations.orderBy('tags').uniqueKeys()).map(String);
}

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchOptions {
  /** Only these colours; empty or absent means any. */
  colors?: readonly Color[];
  /** Only annotations carrying this tag. */
  tag?: string;
  /** How many matching annotations to return (the total is still counted). */
  limit?: number;
  /** Aborted when the reader typed on: the search stops at its next chunk. */
  signal?: AbortSignal;
  /** Records read per step of a full scan; between steps the browser handles input events. */
  chunk?: number;
}

export interface SearchResult {
  /** Newest first, at most `limit`. */
  annotations: Annotation[];
  /** Every match, for "export the current search result". */
  total: number;
}

/** The text a search looks in, before folding. Fields are joined by a newline, which no term
 * contains, so a term never matches across two fields. */
function rawHaystack(a: Annotation): string {
  return [quoteOf(a).exact, a.note, a.title, a.tags.join('\n')].join('\n');
}

export function haystackOf(a: Annotation): string {
  return foldText(rawHaystack(a));
}

// Folding is most of a search's CPU time (NFKC over every quote); the folded text is kept per
// id and reused while the record's text is unchanged (compared in full: stamps can repeat).
const HAYSTACKS = new Map<string, { raw: string; text: string }>();
const MAX_CACHED = 50_000;

/** haystackOf, kept per id while the record's text is unchanged (see above). */
export function cachedHaystack(a: Annotation): string {
  const raw = rawHaystack(a);
  const hit = HAYSTACKS.get(a.id);
  if (hit && hit.raw === raw) return hit.text;
  if (HAYSTACKS.size >= MAX_CACHED) HAYSTACKS.clear();
  const text = foldText(raw);
  HAYSTACKS.set(a.id, { raw, text });
  return text;
}

export function matches(a: Annotation, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const hay = cachedHaystack(a);
  return terms.every((t) => hay.includes(t));
}

export class SearchAborted extends Error {
  override name = 'AbortError';
}

/**
 * Reads the whole table `chunk` records at a time, in primary-key order, each chunk one
 * `getAll` over a key range (`bulkGet` would be one request per record, which in Chromium costs
 * an IPC round trip each: a second for 10,000). Between chunks the page's events run. Only
 * Dexie promises are awaited, so this also works inside `liveQuery`.
 */
export async function scanTable(
  db: SourcemarkDB,
  visit: (batch: readonly Annotation[]) => void,
  { chunk = 500, signal }: { chunk?: number; signal?: AbortSignal } = {},
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    if (signal?.aborted) throw new SearchAborted('aborted');
    const batch: Annotation[] =
      after === null
        ? await db.annotations.orderBy(':id').limit(chunk).toArray()
        : await db.annotations.where(':id').above(after).limit(chunk).toArray();
    if (batch.length === 0) return;
    visit(batch);
    if (batch.length < chunk) return;
    after = batch[batch.length - 1]!.id;
  }
}

const newestFirst = (a: Annotation, b: Annotation): number =>
  a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Substring search over quotes, notes, titles and tags, newest first. Filters come from
 * indexes: a tag reads only its annotations (`*tags`); colours narrow by the `color` index
 * (keys only). Text needs the records: they are read in chunks (see scanTable), so typing is
 * never blocked for long and an aborted search stops at its next chunk.
 */
export async function search(db: SourcemarkDB, query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const { colors, tag, limit, signal, chunk = 500 } = opts;
  const wanted = matcher(query, opts);
  let found: Annotation[];
  if (tag !== undefined) {
    // One tag's annotations are few next to the table: one indexed read, no scan.
    found = (await db.annotations.where('tags').equals(tag).toArray()).filter(wanted);
  } else if (colors && colors.length > 0 && searchTerms(query).length === 0) {
    found = (await db.annotations.where('color').anyOf([...colors]).toArray()).filter(wanted);
  } else {
    found = [];
    await scanTable(db, (batch) => found.push(...batch.filter(wanted)), { chunk, signal });
  }
  if (signal?.aborted) throw new SearchAborted('aborted');
  return newestFirstUpTo(found, limit);
}

/** Whether an annotation matches the query's terms and the colour and tag filters. */
function matcher(query: string, { colors, tag }: Pick<SearchOptions, 'colors' | 'tag'>) {
  const terms = searchTerms(query);
  const colorSet = colors && colors.length > 0 ? new Set<string>(colors) : null;
  return (a: Annotation): boolean =>
    (tag === undefined || a.tags.includes(tag)) && (!colorSet || colorSet.has(a.color)) && matches(a, terms);
}

function newestFirstUpTo(found: Annotation[], limit = 200): SearchResult {
  found.sort(newestFirst);
  return { annotations: found.slice(0, limit), total: found.length };
}

/**
 * `search` over annotations already in memory: the same matches, order and counts. The popup
 * reads the table once while a search is open (readAll, kept current by a live query) and
 * filters here on every keystroke, instead of reading 10,000 records from IndexedDB each time.
 */
export function searchIn(
  list: readonly Annotation[],
  query: string,
  opts: Pick<SearchOptions, 'colors' | 'tag' | 'limit'> = {},
): SearchResult {
  return newestFirstUpTo(list.filter(matcher(query, opts)), opts.limit);
}

/** Every annotation, read in chunks (see scanTable) so that the page stays responsive. */
export async function readAll(db: SourcemarkDB, signal?: AbortSignal): Promise<Annotation[]> {
  const all: Annotation[] = [];
  await scanTable(db, (batch) => all.push(...batch), { signal });
  return all;
}

/**
 * Everything the popup's list needs, in one read: the whole table by one `getAll`. Reading it in
 * chunks (readAll) keeps the page responsive between them but costs a round trip per chunk; the
 * popup reads the library once after its first screen is up, when nobody is typing yet, and
 * then filters and windows it in memory (components/listing/).
 */
export async function readLibrary(db: SourcemarkDB): Promise<Annotation[]> {
  return db.annotations.toArray();
}
