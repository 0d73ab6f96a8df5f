import { openExisting } from './open-existing';
import type { DigestShard } from './digest-shard';

/**
 * The search digest read with plain IndexedDB, as the popup's list first renders: Dexie opens
 * its database only after that (20–70 ms later on a loaded machine), and a search typed as the
 * first screen shows should find the digest there. Null when the database is not the version
 * `dexieVersion` says (an older digest is in another form; Dexie upgrades it), has no digest, or
 * cannot be read: the live query's answer follows either way. Never creates or upgrades the
 * database, and closes its connection when done.
 */
export async function readDigestNow(name: string, dexieVersion: number): Promise<DigestShard[] | null> {
  const db = await openExisting(name);
  if (!db) return null;
  try {
    // Dexie keeps its version × 10 as IndexedDB's.
    if (db.version !== dexieVersion * 10 || !db.objectStoreNames.contains('digest')) return null;
    return await new Promise<DigestShard[] | null>((resolve) => {
      const req = db.transaction('digest', 'readonly').objectStore('digest').getAll();
      req.onsuccess = () => resolve(req.result as DigestShard[]);
      req.onerror = (e) => {
        e.preventDefault();
        resolve(null);
      };
    });
  } catch {
    return null;
  } finally {
    db.close();
  }
}
