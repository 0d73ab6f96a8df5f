import { fieldAt, rowAt, type DigestShard } from '@/storage/db/digest-shard';
import type { DigestRow } from '@/storage/db/digest';

/**
 * The search digest's shards as read, without unpacking them: an annotation is a ref, its shard
 * (index in `shards`) and row packed in one int, and becomes an object only when something shows
 * it (row(), kept once made): a search's matches, a page opened. Nothing is done per annotation when the digest is read: the popup
 * opens a new page each time, whose code runs cold, and 10,000 rows of work there cost tens of
 * milliseconds just when the reader may start typing. Pure: no browser API.
 */
export class DigestCorpus {
  /** How many annotations. */
  readonly size: number;

  /**
   * @param shards the shards, any order
   * @param made per shard, the rows already made of it (by row; kept from an earlier corpus
   * while the shard's rev is the same), filled in as rows are made
   */
  constructor(
    readonly shards: readonly DigestShard[],
    private readonly made: readonly (DigestRow | undefined)[][] = shards.map(() => []),
  ) {
    this.size = shards.reduce((n, s) => n + s.count, 0);
  }

  /** The row of a ref, made once. */
  row(ref: number): DigestRow {
    const s = ref >>> ROW_BITS;
    const i = ref & ROW_MASK;
    const made = this.made[s]!;
    return (made[i] ??= rowAt(this.shards[s]!, i));
  }

  /** Whether ref a comes before ref b newest first (newestFirst's order: time, then id). */
  newer(a: number, b: number): boolean {
    const sa = this.shards[a >>> ROW_BITS]!;
    const sb = this.shards[b >>> ROW_BITS]!;
    const ia = a & ROW_MASK;
    const ib = b & ROW_MASK;
    const ta = sa.time[ia]!;
    const tb = sb.time[ib]!;
    if (Number.isNaN(ta) || Number.isNaN(tb)) {
      // A time in another form: compared as newestFirst compares it, as strings.
      const ua = fieldAt(sa, ia, 'updated');
      const ub = fieldAt(sb, ib, 'updated');
      if (ua !== ub) return ua > ub;
    } else if (ta !== tb) return ta > tb;
    return fieldAt(sa, ia, 'id') < fieldAt(sb, ib, 'id');
  }

  /**
   * One newest-first list of refs from lists that are each newest first (a shard's rows are kept
   * so): merged a pair at a time, as a merge sort's last passes.
   */
  merge(lists: readonly number[][]): number[] {
    let level = lists.filter((l) => l.length > 0);
    while (level.length > 1) {
      const next: number[][] = [];
      for (let p = 0; p < level.length; p += 2) {
        const a = level[p]!;
        const b = level[p + 1];
        if (!b) {
          next.push(a);
          continue;
        }
        const out: number[] = [];
        let i = 0;
        let j = 0;
        while (i < a.length && j < b.length) out.push(this.newer(b[j]!, a[i]!) ? b[j++]! : a[i++]!);
        while (i < a.length) out.push(a[i++]!);
        while (j < b.length) out.push(b[j++]!);
        next.push(out);
      }
      level = next;
    }
    return level[0] ?? [];
  }
}

/** A ref's row is its low 21 bits (2 million rows a shard), its shard the bits above. */
export const ROW_BITS = 21;
export const ROW_MASK = (1 << ROW_BITS) - 1;

/** The ref of row i of shard number s (its index in the corpus's shards). */
export const refOf = (s: number, i: number): number => (s << ROW_BITS) | i;

