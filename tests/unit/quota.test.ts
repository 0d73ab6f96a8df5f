import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/storage/model/annotation';
import { SourcemarkDB } from '@/storage/db/db';
import { writeImport } from '@/storage/db/import-writer';
import { sampleAnnotation } from '../support/sample-annotation';
import { contentScript, draft, harness, popup, type Harness } from './background-harness';

/**
 * A full disk as IndexedDB reports it, below Dexie and the store, so the whole write path is
 * exercised: the store, the transaction, the Writer, the background's message handler and its
 * wording.
 * Browsers report quota in more than one way, and each is simulated on fake-indexeddb:
 *  - `sync`: put() itself throws a QuotaExceededError (a value too large for what is left);
 *  - `request`: the put request fails with QuotaExceededError, which aborts its transaction;
 *  - `commit`: every request succeeds, then the transaction aborts with QuotaExceededError when
 *    it commits (Chromium's usual way: the disk fills while the write is flushed).
 * In every case the reader must be told in words, the database must be exactly as before, and no
 * open page may hear of a change that did not happen.
 */
type Mode = 'sync' | 'request' | 'commit';

/** fake-indexeddb internals used to inject failures where a real browser reports them. */
interface FakeTransaction extends IDBTransaction {
  _abort(errName: string | null): void;
  _start(): void;
  _state: string;
  _requests: { request: IDBRequest }[];
  _execRequestAsync(obj: { source: IDBObjectStore; operation: () => unknown }): IDBRequest;
  __quotaAtCommit?: boolean;
}

const storeProto = IDBObjectStore.prototype;
const txProto = IDBTransaction.prototype as FakeTransaction;
const realPut = storeProto.put;
const realStart = txProto._start;

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Makes puts fail the way `mode` says, from the `after`-th one on (0 = the next one). */
function fillDiskAfter(mode: Mode, after = 0): void {
  let puts = 0;
  storeProto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (puts++ < after) return realPut.apply(this, args);
    const tx = this.transaction as FakeTransaction;
    if (mode === 'sync') throw quotaError();
    if (mode === 'request') {
      return tx._execRequestAsync({
        source: this,
        operation: () => {
          throw quotaError();
        },
      });
    }
    tx.__quotaAtCommit = true;
    return realPut.apply(this, args);
  };
  // The commit point: no request left to run. A marked transaction aborts there instead.
  txProto._start = function (this: FakeTransaction) {
    const idle = this._requests.every((r) => r.request.readyState === 'done');
    if (this.__quotaAtCommit && idle && this._state !== 'finished') {
      this._abort('QuotaExceededError');
      return;
    }
    realStart.call(this);
  };
}

function roomAgain(): void {
  storeProto.put = realPut;
  txProto._start = realStart;
}

const id = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

async function everything(db: SourcemarkDB): Promise<Annotation[]> {
  return db.annotations.orderBy('id').toArray();
}

describe.each<Mode>(['sync', 'request', 'commit'])('a quota error on save (%s)', (mode) => {
  let h: Harness;
  let db: SourcemarkDB;
  let before: Annotation[];

  beforeEach(async () => {
    h = harness(`quota-${mode}-${Math.random()}`);
    db = h.db;
    await db.annotations.bulkPut([1, 2, 3].map((i) => sampleAnnotation({ id: id(i), note: `note ${i}` })));
    before = await everything(db);
  });

  afterEach(async () => {
    roomAgain();
    await h.close();
  });

  it('answers a save with words a reader understands, writes nothing and sends no notice', async () => {
    fillDiskAfter(mode);
    const res = await h.ask(popup(), { type: 'annotation.save', annotation: sampleAnnotation({ id: id(4) }) });
    roomAgain();
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/^storage full: .*quota exceeded.*nothing was written/);
    expect(await everything(db)).toEqual(before);
    expect(await db.annotations.get(id(4))).toBeUndefined();
    expect(h.notices).toEqual([]);
  });

  it('answers an edit of a note the same way, the stored note is unchanged and no notice is sent', async () => {
    fillDiskAfter(mode);
    const res = await h.ask(popup(), { type: 'annotation.update', id: id(2), patch: { note: '新的笔记', color: 'blue' } });
    roomAgain();
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/^storage full/);
    expect(await everything(db)).toEqual(before);
    expect(h.notices).toEqual([]);
  });

  it("answers a content script's new highlight the same way, and sends no notice", async () => {
    fillDiskAfter(mode);
    const res = await h.ask(contentScript('https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html'), { type: 'annotation.create', draft: draft() });
    roomAgain();
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/^storage full/) });
    expect(await everything(db)).toEqual(before);
    expect(h.notices).toEqual([]);
  });

  it('leaves no part of an import of 1,200 records that runs out of room at the 700th', async () => {
    const incoming = Array.from({ length: 1200 }, (_, i) => sampleAnnotation({ id: id(100 + i), pageKey: `p${i % 7}` }));
    // bulkPut issues one put per record: the first 699 succeed inside the transaction.
    fillDiskAfter(mode, 699);
    const err = await writeImport(db, incoming, 'skip').then(
      () => null,
      (e: unknown) => e,
    );
    roomAgain();
    expect(err).not.toBeNull();
    const { errorMessage } = await import('@/storage/model/error-message');
    expect(errorMessage(err)).toMatch(/^storage full/);
    expect(await everything(db)).toEqual(before);
  });

  it('answers such an import message in words, keeps nothing of it and sends no reload notice', async () => {
    const incoming = Array.from({ length: 1200 }, (_, i) => sampleAnnotation({ id: id(100 + i), pageKey: `p${i % 7}` }));
    fillDiskAfter(mode, 699);
    const res = await h.ask(popup(), { type: 'import.write', annotations: incoming, mode: 'update' });
    roomAgain();
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/^storage full/) });
    expect(await everything(db)).toEqual(before);
    expect(h.notices).toEqual([]);
  });

  it('still saves once there is room again', async () => {
    fillDiskAfter(mode);
    expect((await h.ask(popup(), { type: 'annotation.save', annotation: sampleAnnotation({ id: id(5) }) })).ok).toBe(false);
    roomAgain();
    const again = await h.ask(popup(), { type: 'annotation.save', annotation: sampleAnnotation({ id: id(5) }) });
    expect(again.ok).toBe(true);
    expect(await db.annotations.count()).toBe(before.length + 1);
    expect(h.notices.map((n) => n.notice)).toEqual([{ type: 'annotations.changed', pageKey: sampleAnnotation().pageKey, id: id(5), change: 'created' }]);
  });
});
