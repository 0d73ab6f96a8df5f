import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { hasStore, keptBeside } from './kept-beside';
import type { Annotation } from '../model/annotation';
import { updatedShards, shardsOf, type DigestShard } from './digest';

/**
 * Keeps the search digest (storage/db/digest.ts) equal to the annotations table: a Dexie DBCore
 * middleware that widens every read-write transaction on `annotations` to `digest` too, and
 * rewrites the shards of whatever a write touched inside that same transaction. Every write path
 * (the writer's create, update, delete and undo, import, sync's merge, delete-all, and any
 * later one) goes through Dexie's `mutate`, so none can forget the digest, and a write that
 * aborts takes its digest change with it: the two can never disagree.
 */
export const digestMiddleware: Middleware<DBCore> = keptBeside({
  name: 'SearchDigest',
  // Above Dexie's own middlewares (levels -1 to 2): the digest's writes pass through its
  // observability layer, so a live query on the digest hears of them like any other write.
  level: 10,
  store: 'digest',
  // The digest table is looked up at write time: during an upgrade from before it existed,
  // Dexie's interim schema has no such table.
  follow: (table, down) => following(table, () => down.table('digest')),
});

/** The annotations table, with every mutation followed by the digest's. */
function following(table: DBCoreTable, digest: () => DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req) {
      // An upgrade from before the digest existed writes annotations without it; that version's
      // own upgrade builds the digest from the table afterwards.
      if (!hasStore(req.trans, 'digest')) return table.mutate(req);
      const gone = req.type === 'deleteRange' ? await keysIn(table, req) : req.type === 'delete' ? (req.keys as string[]) : [];
      const res = await table.mutate(req);
      const put = req.type === 'put' || req.type === 'add' ? (req.values as Annotation[]).filter((_, i) => !(i in res.failures)) : [];
      const deleted = req.type === 'delete' ? gone.filter((_, i) => !(i in res.failures)) : gone;
      if (put.length || deleted.length) await rewrite(digest(), req.trans, put, deleted);
      return res;
    },
  };
}

/** The ids a range delete (`clear()`, a collection's delete) is about to remove. */
async function keysIn(table: DBCoreTable, req: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>): Promise<string[]> {
  const res = await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } });
  return res.result as string[];
}

async function rewrite(digest: DBCoreTable, trans: DBCoreTransaction, put: Annotation[], deleted: string[]): Promise<void> {
  const shards = shardsOf([...put.map((a) => a.id), ...deleted]);
  const stored = (await digest.getMany({ trans, keys: shards })) as (DigestShard | undefined)[];
  const current = new Map(shards.map((s, i) => [s, stored[i]]));
  const next = updatedShards(current, put, deleted);
  const res = await digest.mutate({ type: 'put', trans, values: next });
  if (res.numFailures) throw res.failures[0] ?? new Error('the search digest could not be written');
}
