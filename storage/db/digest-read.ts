import type { DigestShard } from './digest';
import { DB_NAME } from './db-name';
import { openExisting } from './open-existing';

/**
 * The whole search digest (storage/db/digest.ts) in one request with plain IndexedDB, for the
 * popup's first script: it runs beside the first screen's read while Dexie is still loading, so
 * the list and its search index can be ready before the first keystroke. Null when it cannot
 * answer (no database yet, one from before the digest, an error): then the popup reads it
 * through Dexie. Null never stands for an empty library.
 */
export async function readDigest(name: string = DB_NAME): Promise<DigestShard[] | null> {
  const db = await openExisting(name);
  if (!db) return null;
  return new Promise((resolve) => {
    const done = (answer: DigestShard[] | null) => {
      db.close();
      resolve(answer);
    };
    try {
      if (!db.objectStoreNames.contains('digest')) return done(null);
      const get = db.transaction('digest', 'readonly').objectStore('digest').getAll();
      get.onsuccess = () => done(get.result as DigestShard[]);
      get.onerror = (e) => {
        e.preventDefault();
        done(null);
      };
    } catch {
      done(null);
    }
  });
}
