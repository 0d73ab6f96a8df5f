import type { DigestShard } from '@/storage/db/digest';

/**
 * The search digest as the popup's first script read it (storage/db/digest-read.ts), handed to
 * the list: its first render can already hold the whole library when the read has answered.
 */
let early: { answer: Promise<DigestShard[] | null>; value?: DigestShard[] | null } | null = null;

export function seedDigest(answer: Promise<DigestShard[] | null>): void {
  const entry: NonNullable<typeof early> = { answer };
  early = entry;
  void answer.then((value) => void (entry.value = value));
}

/** The early answer if it is there: shards, null (read through Dexie), or undefined (not yet). */
export function earlyDigestNow(): DigestShard[] | null | undefined {
  return early ? early.value : null;
}

/** The early answer; null when there was no early read. */
export function earlyDigest(): Promise<DigestShard[] | null> {
  return early ? early.answer : Promise.resolve(null);
}
