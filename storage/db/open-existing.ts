/**
 * Opens the extension's database with plain IndexedDB, for the popup's first script (no Dexie
 * loaded yet), or answers null: no database yet (the popup's Dexie creates it), an error, or an
 * upgrade in the way. Never creates or upgrades the database.
 */
export function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      // No version: whatever the extension's Dexie made it.
      open = indexedDB.open(name);
    } catch {
      return resolve(null);
    }
    open.onupgradeneeded = () => {
      // The database did not exist: creating it here would give Dexie an empty version-1 database
      // to "upgrade". Aborting leaves nothing behind.
      open.transaction?.abort();
    };
    open.onerror = (e) => {
      e.preventDefault();
      resolve(null);
    };
    open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      // Never hold up an upgrade by another context (the background after an update).
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}
