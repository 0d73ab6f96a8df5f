import type { PrevStamp } from '@/components/sync/versions';

/**
 * What the database keeps of each annotation's current version (components/sync/versions.ts):
 * its stamp, and `seq`, this device's running number of the change, above the pushed mark while
 * the server does not have it yet (0 for a version merged in from another device). Deleted
 * annotations keep their row: it is the tombstone that stops an old copy from bringing them back.
 */
export interface VersionRow {
  id: string;
  pageKey: string;
  gen: number;
  t: number;
  dev: string;
  deleted: boolean;
  prev: PrevStamp | null;
  seq: number;
}
