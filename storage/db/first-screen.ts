import type { Annotation } from '../model/annotation';
import { LANGUAGES, type LanguageSetting } from '../model/settings-defaults';
import { DB_NAME } from './db-name';
import { openExisting } from './open-existing';
import { pageSummary, type PageList } from './page-summary';

/**
 * What the popup's first screen needs, read with plain IndexedDB the moment its first, small
 * script runs: neither Dexie nor zod is loaded yet (they come with the rest of the popup, which
 * loads meanwhile), so the reads and the loading overlap instead of following each other.
 *
 * Answers exactly what `readSettings(db).language` and `pagesNewestFirst(db, { limit })` in
 * queries.ts answer (tests/unit/first-screen.test.ts holds them side by side), or null whenever
 * it cannot: no database yet (the popup's Dexie creates it), one without these stores, an error.
 * Null only means "ask through Dexie": it never stands for an empty library.
 */
export interface FirstScreen {
  language: LanguageSetting;
  pages: PageList;
}

/**
 * Records asked for per page shown, request by request: the first request reads a little more
 * than a page's worth each (when each newest change is on another page, all it needs), the second
 * enough for pages of many annotations; past those the cursor walks on, record by record. One
 * request of 16 per page read eight times the records the bench's library needed (every record
 * read is copied into the page), and the first screen waited for them.
 */
const BATCHES_PER_PAGE = [2, 16];

/** `name` is for tests, which keep a database of their own. */
export async function readFirstScreen(limit: number, name: string = DB_NAME): Promise<FirstScreen | null> {
  const db = await openExisting(name);
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      read(db, limit, (answer) => {
        db.close();
        resolve(answer);
      });
    } catch {
      db.close();
      resolve(null);
    }
  });
}

function read(db: IDBDatabase, limit: number, done: (answer: FirstScreen | null) => void): void {
  const names = db.objectStoreNames;
  if (!names.contains('annotations') || !names.contains('settings')) return done(null);
  const tx = db.transaction(['settings', 'annotations'], 'readonly');
  let language: LanguageSetting = 'auto';
  const setting = tx.objectStore('settings').get('language');
  setting.onsuccess = () => {
    const value = (setting.result as { value?: unknown } | undefined)?.value;
    // As readSettings: a value of another shape reads as the default.
    if ((LANGUAGES as readonly unknown[]).includes(value)) language = value as LanguageSetting;
  };

  // As pagesNewestFirst: the `updated` index from the newest end (ties: the higher id first, as
  // Dexie's reverse()), the first record seen of each page, until one page more than shown. Each
  // shown page's count is asked for as soon as the page is found, so the counts are answered
  // alongside the walk instead of in a round of their own after it.
  const annotations = tx.objectStore('annotations');
  const byUpdated = annotations.index('updated');
  const latest = new Map<string, Annotation>();
  const counts: number[] = [];
  /** Takes the next record, newest first; false once one page more than shown is found. */
  const take = (a: Annotation): boolean => {
    if (!latest.has(a.pageKey)) {
      const i = latest.size;
      latest.set(a.pageKey, a);
      if (i < limit) {
        const count = annotations.index('pageKey').count(a.pageKey);
        count.onsuccess = () => void (counts[i] = count.result);
      }
    }
    // One page more than shown says whether there are more: no need to read past it.
    return latest.size <= limit;
  };
  /** Record by record from the newest end, or from just after `after` (the last one taken). */
  const walk = (after?: Annotation) => {
    const cursor = byUpdated.openCursor(after ? IDBKeyRange.upperBound(after.updated) : null, 'prev');
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const a = c.value as Annotation;
      if (takenBefore(a, after) || take(a)) c.continue();
    };
  };
  // Where the browser can read an index backwards in one request (IndexedDB's getAll options,
  // shipped with getAllRecords), the newest records come a batch per round trip instead of one
  // record per round trip, and the cursor walks on only if the batches hold too few pages.
  const batches = typeof (byUpdated as { getAllRecords?: unknown }).getAllRecords === 'function' ? BATCHES_PER_PAGE : [];
  const readBatch = (step: number, after?: Annotation) => {
    if (step >= batches.length) return walk(after);
    const batch = (limit + 1) * batches[step]!;
    // lib.dom does not know the options form yet.
    const range = after ? IDBKeyRange.upperBound(after.updated) : null;
    const newest = byUpdated.getAll({ query: range, count: batch, direction: 'prev' } as unknown as IDBKeyRange);
    newest.onsuccess = () => {
      const rows = newest.result as Annotation[];
      let more = true;
      let last = after;
      for (const a of rows) {
        if (takenBefore(a, after)) continue;
        last = a;
        if (!(more = take(a))) break;
      }
      if (more && rows.length === batch) readBatch(step + 1, last);
    };
  };
  readBatch(0);
  tx.oncomplete = () => {
    const shown = [...latest.values()].slice(0, limit);
    done({
      language,
      pages: {
        pages: shown.map((a, i) => pageSummary(a, counts[i] ?? 0)),
        more: latest.size > limit,
      },
    });
  };
  tx.onabort = () => done(null);
}

/**
 * Whether `a`, read again from `after.updated` on, was taken already: ties with `after` come by
 * id, highest first, so those down to it were.
 */
function takenBefore(a: Annotation, after: Annotation | undefined): boolean {
  return after !== undefined && a.updated === after.updated && a.id >= after.id;
}
