import { CURRENT_VERSION, type SourcemarkDB } from '@/storage/db/db';
import type { DigestShard } from '@/storage/db/digest-shard';
import { readDigestNow } from '@/storage/db/digest-now';

/**
 * The search digest as the popup's first script read it (entrypoints/popup-early, for its own
 * early search), handed to the App's library (use-library.ts): one read per opening, and when it
 * is already there as the App mounts, the App's first render can search at once, so a query typed
 * on the early screen keeps its results across the hand-over instead of "searching" between them.
 */
let seed: { db: SourcemarkDB; shards: Promise<readonly DigestShard[] | null>; now?: readonly DigestShard[] | null } | null = null;

export function seedDigest(db: SourcemarkDB, shards: Promise<readonly DigestShard[] | null>): void {
  const entry: NonNullable<typeof seed> = { db, shards };
  seed = entry;
  shards.then(
    (now) => void (entry.now = now),
    () => void (entry.now = null),
  );
}

/** The seeded digest if it has been read already. */
export function digestNow(db: SourcemarkDB): readonly DigestShard[] | undefined {
  return (seed?.db === db && seed.now) || undefined;
}

/** The seeded read, else a plain read of its own (null: Dexie's live query answers). The first
 * script answers null also when it did not run (takeEarly), so that is read again here. */
export function digestRead(db: SourcemarkDB): Promise<readonly DigestShard[] | null> {
  const seeded = seed?.db === db ? seed.shards.catch(() => null) : Promise.resolve(null);
  return seeded.then((shards) => shards ?? readDigestNow(db.name, CURRENT_VERSION));
}
