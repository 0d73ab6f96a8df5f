import { rowsOf, type DigestRow, type DigestShard } from '@/storage/db/digest';
import { groupLibrary, type Library } from './list-rows';

/**
 * The popup's library from the search digest's shards, read again whenever the digest changes:
 * shards whose rev it already holds are not unpacked again, and when none changed (the live
 * query's first answer after the early read) the same Library comes back, so nothing downstream
 * (grouping, the search index) is redone. Pure: no browser API.
 */
export class DigestLibrary {
  private held = new Map<number, { rev: number; rows: DigestRow[] }>();
  private library: Library | null = null;

  read(shards: readonly DigestShard[]): Library {
    let changed = this.library === null || shards.length !== this.held.size;
    const next = new Map<number, { rev: number; rows: DigestRow[] }>();
    for (const s of shards) {
      const had = this.held.get(s.shard);
      if (had && had.rev === s.rev) next.set(s.shard, had);
      else {
        next.set(s.shard, { rev: s.rev, rows: rowsOf(s) });
        changed = true;
      }
    }
    this.held = next;
    if (changed || !this.library) this.library = groupLibrary([...next.values()].flatMap((e) => e.rows));
    return this.library;
  }
}
