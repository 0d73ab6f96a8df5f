import { LANGUAGES, type LanguageSetting } from '../model/settings-defaults';
import { DB_NAME } from './db-name';
import { openExisting } from './open-existing';
import { PAGES_BY_NEWEST, summaryOfRow, type PageRow } from './page-row';
import type { PageList } from './page-summary';

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
  if (!names.contains('pages') || !names.contains('settings')) return done(null);
  const tx = db.transaction(['settings', 'pages'], 'readonly');
  let language: LanguageSetting = 'auto';
  const setting = tx.objectStore('settings').get('language');
  setting.onsuccess = () => {
    const value = (setting.result as { value?: unknown } | undefined)?.value;
    // As readSettings: a value of another shape reads as the default.
    if ((LANGUAGES as readonly unknown[]).includes(value)) language = value as LanguageSetting;
  };

  // As pagesNewestFirst: the pages table from the newest end of its index, one page more than
  // shown (it says whether there are more). Where the browser can read an index backwards in
  // one request (IndexedDB's getAll options, shipped with getAllRecords), one request; elsewhere
  // a cursor, a round trip per page.
  const byNewest = tx.objectStore('pages').index(PAGES_BY_NEWEST);
  const rows: PageRow[] = [];
  if (typeof (byNewest as { getAllRecords?: unknown }).getAllRecords === 'function') {
    // lib.dom does not know the options form yet.
    const newest = byNewest.getAll({ query: null, count: limit + 1, direction: 'prev' } as unknown as IDBKeyRange);
    newest.onsuccess = () => void rows.push(...(newest.result as PageRow[]));
  } else {
    const cursor = byNewest.openCursor(null, 'prev');
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      rows.push(c.value as PageRow);
      if (rows.length <= limit) c.continue();
    };
  }
  tx.oncomplete = () => done({ language, pages: { pages: rows.slice(0, limit).map(summaryOfRow), more: rows.length > limit } });
  tx.onabort = () => done(null);
}
