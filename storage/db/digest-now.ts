import { openExisting } from './open-existing';
import type { DigestShard } from './digest-shard';

/**
 * The search digest asked for with plain IndexedDB, before Dexie is open: by the popup's first
 * script, for its own search and the App's (Dexie opens its database 20–70 ms later on a loaded
 * machine). The answer is copied into the page only when `take` is first called: that copy, the
 * structured clone of every shard, is most of a read's main-thread cost (~10 ms for 10,000
 * annotations in Chromium, which defers it until the result is asked for), so the caller chooses
 * when to pay it: after its first screen is painted, or at once for a search typed before.
 * Null when the database is not the version `dexieVersion` says (an older digest is in another
 * form; Dexie upgrades it), has no digest, or cannot be read: Dexie's live query answers either
 * way. Never creates or upgrades the database, and closes its connection once it has answered.
 */
export interface DigestAnswer {
  /** Settles once the database has answered (or failed); `take` answers from then on. */
  readonly answered: Promise<void>;
  /** The shards, or null when there are none to read; undefined until the database answered. */
  take(): readonly DigestShard[] | null | undefined;
}

export function askDigest(name: string, dexieVersion: number): DigestAnswer {
  let result: (() => readonly DigestShard[] | null) | undefined;
  let taken: { shards: readonly DigestShard[] | null } | undefined;
  const answered = ask(name, dexieVersion).then((r) => void (result = r));
  return {
    answered,
    take() {
      if (!result) return undefined;
      taken ??= { shards: result() };
      return taken.shards;
    },
  };
}

/** The digest, copied into the page as soon as it is read. */
export async function readDigestNow(name: string, dexieVersion: number): Promise<readonly DigestShard[] | null> {
  const answer = askDigest(name, dexieVersion);
  await answer.answered;
  return answer.take() ?? null;
}

async function ask(name: string, dexieVersion: number): Promise<() => readonly DigestShard[] | null> {
  const none = () => null;
  const db = await openExisting(name);
  if (!db) return none;
  try {
    // Dexie keeps its version × 10 as IndexedDB's.
    if (db.version !== dexieVersion * 10 || !db.objectStoreNames.contains('digest')) return none;
    return await new Promise<() => readonly DigestShard[] | null>((resolve) => {
      const req = db.transaction('digest', 'readonly').objectStore('digest').getAll();
      // Not req.result here: reading it is the copy.
      req.onsuccess = () =>
        resolve(() => {
          try {
            return req.result as DigestShard[];
          } catch {
            return null;
          }
        });
      req.onerror = (e) => {
        e.preventDefault();
        resolve(none);
      };
    });
  } catch {
    return none;
  } finally {
    db.close();
  }
}
