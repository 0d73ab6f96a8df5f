import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * A Dexie DBCore middleware that keeps a table derived from the annotations (the search digest,
 * digest-sync.ts; the page rows, pages-sync.ts): it widens every read-write transaction on the
 * annotations to that table too, and hands the annotations table to `follow`, which wraps its
 * `mutate` to write the derived table in the same transaction.
 */
export function keptBeside(spec: {
  name: string;
  /** Dexie's own middlewares are at -1 to 2: above them, the derived writes pass through their layers. */
  level: number;
  /** The derived table. */
  store: string;
  /** The annotations table, wrapped; `down` is the layer below, for the derived table at write time. */
  follow: (annotations: DBCoreTable, down: DBCore) => DBCoreTable;
}): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: spec.name,
    level: spec.level,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened = mode === 'readwrite' && stores.includes('annotations') && !stores.includes(spec.store) ? [...stores, spec.store] : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return name === 'annotations' ? spec.follow(table, down) : table;
        },
      };
    },
  };
}

/** Whether `trans` can write `store`: during an upgrade from before it existed, it cannot. */
export function hasStore(trans: DBCoreTransaction, store: string): boolean {
  // Dexie's IndexedDB core hands out the IDBTransaction itself.
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  return names === undefined || names.contains(store);
}
