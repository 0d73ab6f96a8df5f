import type { Annotation } from '@/storage/model/annotation';

/**
 * A version of one annotation as sync sees it: which change of it this is, and (unless it is a
 * deletion) the record itself. The rule that picks between two versions is `compareStamps`.
 */
export interface Stamp {
  /**
   * Lifecycle: 0 for a new annotation; a deletion adds 1, a restore (the popup's undo) adds 1
   * again. It is compared first, so a deletion beats every edit made without knowledge of it,
   * and a restore beats the deletion it undid.
   */
  gen: number;
  /**
   * When the change was made (ms since 1970), on the changing device's clock, but never earlier
   * than 1 ms after the version it replaced: an edit always beats what it edited, even from a
   * device whose clock is behind.
   */
  t: number;
  /** The device that made the change (a random id; see storage/db/device.ts). */
  dev: string;
  deleted: boolean;
}

/** The stamp of the version a change replaced, without `deleted`: what the changing device had. */
export type PrevStamp = Pick<Stamp, 'gen' | 't' | 'dev'>;

interface VersionBase extends Stamp {
  id: string;
  pageKey: string;
  /**
   * The version this one replaced on the device that made it, or null for a new annotation.
   * Tells a sequential edit (made on top of what the other device had) from a concurrent one,
   * whose loser is kept aside for the reader (./kept-aside.ts).
   */
  prev: PrevStamp | null;
}

export type Version =
  | (VersionBase & { deleted: false; annotation: Annotation })
  | (VersionBase & { deleted: true });

export function sameStamp(a: PrevStamp | null, b: PrevStamp | null): boolean {
  return !!a && !!b && a.gen === b.gen && a.t === b.t && a.dev === b.dev;
}

/**
 * The rule, total and the same on every device: the higher lifecycle wins; then the later
 * change; then a deletion over an edit made at the same millisecond; then the greater device id.
 * Negative when `a` loses to `b`, 0 for the same version.
 */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.gen !== b.gen) return a.gen - b.gen;
  if (a.t !== b.t) return a.t - b.t;
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  return a.dev < b.dev ? -1 : a.dev > b.dev ? 1 : 0;
}

/** The stamp of the change that replaces `previous` (absent for a new annotation) at `now`. */
export function nextStamp(previous: Stamp | undefined, change: 'edit' | 'delete', now: number, dev: string): Stamp {
  if (!previous) return { gen: 0, t: now, dev, deleted: change === 'delete' };
  const restoring = previous.deleted && change === 'edit';
  const gen = change === 'delete' && !previous.deleted ? previous.gen + 1 : restoring ? previous.gen + 1 : previous.gen;
  return { gen, t: Math.max(now, previous.t + 1), dev, deleted: change === 'delete' };
}
