import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Annotation } from '../model/annotation';
import { pageRowOf } from './page-row';
import { hasStore, keptBeside } from './kept-beside';

/**
 * Keeps the `pages` table (page-row.ts) equal to the annotations grouped by page, as
 * digest-sync.ts keeps the search digest: a Dexie DBCore middleware that widens every
 * read-write transaction on `annotations` to `pages`, and after each write recomputes the row of
 * every page the write touched (the pages of the records before and after it) from that page's
 * records, inside the same transaction. Every write path goes through `mutate`, and an aborted
 * write takes its pages' change with it.
 */
export const pagesMiddleware: Middleware<DBCore> = keptBeside({
  name: 'PageRows',
  // Above the digest's (10): this one's own requests are plain IndexedDB, and what it returns is a
  // plain promise, after which Dexie's zone is gone; the digest's middleware, below, awaits
  // Dexie's own promises and keeps it.
  level: 11,
  store: 'pages',
  follow: following,
});

function following(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      // Schema 6's upgrade builds the table from the annotations; before it, there is none.
      if (!hasStore(req.trans, 'pages')) return table.mutate(req);
      // The records the write replaces are asked for before it, in the same transaction, whose
      // requests run in order; both go down now, while Dexie's zone (which its layers look for
      // the transaction in) is still current: past an await it is not.
      const before = recordsBefore(table, req);
      const written = table.mutate(req);
      return (async () => {
        const [old, res] = await Promise.all([before, written]);
        const touched = new Set(old.map((a) => a.pageKey));
        if (req.type === 'put' || req.type === 'add') for (const a of req.values as Annotation[]) touched.add(a.pageKey);
        if (touched.size) await rewrite(req.trans, [...touched]);
        return res;
      })();
    },
  };
}

/**
 * The records a write is about to replace or remove: their pages lose them (a put may move a
 * record to another page). An add replaces nothing.
 */
async function recordsBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Annotation[]> {
  const { trans } = req;
  let found: unknown[] = [];
  if (req.type === 'deleteRange') found = (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).result;
  else if (req.type === 'delete') found = await table.getMany({ trans, keys: req.keys });
  else if (req.type === 'put') found = await table.getMany({ trans, keys: (req.values as Annotation[]).map((a) => a.id) });
  return (found as (Annotation | undefined)[]).filter((a): a is Annotation => a !== undefined);
}

/** Each page's row again from its records as they are now: written, or deleted with its last record. */
async function rewrite(trans: DBCoreTransaction, keys: string[]): Promise<void> {
  const byPage = storeOf(trans, 'annotations').index('pageKey');
  const lists = await Promise.all(keys.map((key) => asked<Annotation[]>(byPage.getAll(key))));
  const pages = storeOf(trans, 'pages');
  await Promise.all(
    keys.map((key, i) => {
      const row = pageRowOf(lists[i]!);
      return asked(row ? pages.put(row) : pages.delete(key));
    }),
  );
}

/**
 * A store of the write's own transaction, as plain IndexedDB (Dexie's IndexedDB core hands out
 * the IDBTransaction itself), for what comes after the write: Dexie's layers look for the
 * transaction in Dexie's zone, which is gone once the write has been awaited. So these writes
 * pass no Dexie hook or live query; none watches the pages table (the popup's live list watches
 * the search digest).
 */
function storeOf(trans: DBCoreTransaction, name: string): IDBObjectStore {
  return (trans as unknown as IDBTransaction).objectStore(name);
}

/** A request's result, once it succeeds. A failed request aborts its transaction, the write with it. */
function asked<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error);
  });
}
