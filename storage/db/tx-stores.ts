import type { DBCoreTransaction } from 'dexie';

/**
 * For the middlewares that keep a table derived from the annotations (digest-sync.ts,
 * pages-sync.ts): which stores a transaction holds, and the stores a read-write transaction on
 * the annotations must hold so that the derived table is written in that same transaction.
 */

/** Whether `trans` can write `store`: during an upgrade from before it existed, it cannot. */
export function hasStore(trans: DBCoreTransaction, store: string): boolean {
  // Dexie's IndexedDB core hands out the IDBTransaction itself.
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  return names === undefined || names.contains(store);
}

/** `stores`, with `derived` added when the transaction may write the annotations. */
export function widened(stores: string[], mode: IDBTransactionMode, derived: string): string[] {
  return mode === 'readwrite' && stores.includes('annotations') && !stores.includes(derived) ? [...stores, derived] : stores;
}
