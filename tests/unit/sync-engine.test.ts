import { afterEach, describe, expect, it } from 'vitest';
import { syncOnce, WrongKeyError } from '@/components/sync/engine';
import { RemoteError } from '@/components/sync/remote';
import { SYNC_FOLDER, parseSyncFileName } from '@/components/sync/remote-names';
import { MemoryRemote } from '../support/memory-remote';
import { plainCodec, SyncDevice } from '../support/sync-device';

const open: SyncDevice[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

function devices(n: number, remote = new MemoryRemote()): [MemoryRemote, ...SyncDevice[]] {
  const ds = Array.from({ length: n }, (_, i) => new SyncDevice(['aaaa', 'bbbb', 'cccc'][i]!, remote));
  open.push(...ds);
  return [remote, ...ds];
}

const files = (remote: MemoryRemote) => remote.names(SYNC_FOLDER).filter((n) => parseSyncFileName(n));

describe('sync between devices', () => {
  it('brings a highlight and its note made on one device to the other', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('可以确定', '来源？');
    await a!.sync();
    await b!.sync();
    expect(await b!.annotations()).toEqual([made]);
  });

  it('removes on one device what the other deleted, and keeps it removed', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote');
    await a!.sync();
    await b!.sync();
    await b!.writer.delete(made.id);
    await b!.sync();
    await a!.sync();
    expect(await a!.annotations()).toEqual([]);
    // A's old base still holds the live version; syncing again must not bring it back.
    await a!.sync();
    await b!.sync();
    expect(await b!.annotations()).toEqual([]);
    expect(await a!.annotations()).toEqual([]);
  });

  it('resolves edits made offline on both devices to the newer one on both, and keeps the older note aside', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote', 'first');
    await a!.sync();
    await b!.sync();
    a!.tick(1000);
    await a!.writer.update(made.id, { note: 'from A, earlier' });
    b!.tick(5000);
    await b!.writer.update(made.id, { note: 'from B, later', color: 'pink' });
    await a!.sync();
    await b!.sync();
    await a!.sync();
    const [onA] = await a!.annotations();
    const [onB] = await b!.annotations();
    expect(onA).toEqual(onB);
    expect(onA!.note).toBe('from B, later');
    expect(onA!.color).toBe('pink');
    // A's note lost to B's newer one: it is kept for the reader on A, the device that wrote it.
    const kept = await a!.db.keptAside.toArray();
    expect(kept.map((k) => [k.note, k.reason])).toEqual([['from A, earlier', 'newer-edit']]);
    expect(await b!.db.keptAside.count()).toBe(0);
  });

  it('keeps aside a verdict and its evidence that lost to another verdict given offline on another device', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote');
    await a!.sync();
    await b!.sync();
    a!.tick(1000);
    await a!.writer.update(made.id, { assessment: { verdict: 'false', evidence: ['https://example.org/check'] } });
    b!.tick(5000);
    await b!.writer.update(made.id, { assessment: { verdict: 'supported', evidence: [] } });
    await a!.sync();
    await b!.sync();
    await a!.sync();
    expect((await a!.annotations())[0]!.assessment?.verdict).toBe('supported');
    expect((await b!.annotations())[0]!.assessment?.verdict).toBe('supported');
    const kept = await a!.db.keptAside.toArray();
    expect(kept.map((k) => [k.assessment, k.note, k.reason])).toEqual([
      [{ verdict: 'false', evidence: ['https://example.org/check'] }, '', 'newer-edit'],
    ]);
  });

  it('keeps aside nothing when the newer verdict is the same and holds every link', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote');
    await a!.sync();
    await b!.sync();
    a!.tick(1000);
    await a!.writer.update(made.id, { assessment: { verdict: 'false', evidence: ['https://example.org/a'] } });
    b!.tick(5000);
    await b!.writer.update(made.id, { assessment: { verdict: 'false', evidence: ['https://example.org/a', 'https://example.org/b'] } });
    await a!.sync();
    await b!.sync();
    await a!.sync();
    expect((await a!.annotations())[0]!.assessment?.evidence).toEqual(['https://example.org/a', 'https://example.org/b']);
    expect(await a!.db.keptAside.count()).toBe(0);
  });

  it('keeps aside a link the newer verdict lacks, even when the verdicts agree', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote');
    await a!.sync();
    await b!.sync();
    a!.tick(1000);
    await a!.writer.update(made.id, { assessment: { verdict: 'misleading', evidence: ['https://example.org/only-on-a'] } });
    b!.tick(5000);
    await b!.writer.update(made.id, { assessment: { verdict: 'misleading', evidence: [] } });
    await a!.sync();
    await b!.sync();
    await a!.sync();
    expect((await a!.db.keptAside.toArray()).map((k) => k.assessment)).toEqual([
      { verdict: 'misleading', evidence: ['https://example.org/only-on-a'] },
    ]);
  });

  it('does not keep aside a note that was simply edited further on another device', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote', 'first');
    await a!.sync();
    await b!.sync();
    b!.tick();
    await b!.writer.update(made.id, { note: 'first, then more' });
    await b!.sync();
    await a!.sync();
    expect((await a!.annotations())[0]!.note).toBe('first, then more');
    expect(await a!.db.keptAside.count()).toBe(0);
  });

  it('lets a deletion beat an edit made without knowledge of it, even a later one, and keeps the note aside', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote');
    await a!.sync();
    await b!.sync();
    await b!.writer.delete(made.id);
    a!.tick(60_000);
    await a!.writer.update(made.id, { note: 'written after the delete, unaware' });
    await b!.sync();
    await a!.sync();
    await b!.sync();
    expect(await a!.annotations()).toEqual([]);
    expect(await b!.annotations()).toEqual([]);
    expect((await a!.db.keptAside.toArray()).map((k) => [k.note, k.reason])).toEqual([['written after the delete, unaware', 'deleted']]);
  });

  it('restores on every device a deletion undone on the device that made it', async () => {
    const [, a, b] = devices(2);
    const made = await a!.highlight('quote', 'keep me');
    await a!.sync();
    await b!.sync();
    await a!.writer.delete(made.id);
    await a!.sync();
    await b!.sync();
    expect(await b!.annotations()).toEqual([]);
    await a!.writer.save(made);
    await a!.sync();
    await b!.sync();
    expect(await b!.annotations()).toEqual([made]);
  });

  it('wins with an edit made on top of another device even when its clock is behind', async () => {
    const remote = new MemoryRemote();
    const a = new SyncDevice('aaaa', remote, undefined, Date.UTC(2026, 11, 5, 10));
    const b = new SyncDevice('bbbb', remote, undefined, Date.UTC(2026, 11, 5, 9)); // an hour behind
    open.push(a, b);
    const made = await a.highlight('quote', 'A');
    await a.sync();
    await b.sync();
    await b.writer.update(made.id, { note: 'B, on top of A' });
    await b.sync();
    await a.sync();
    expect((await a.annotations())[0]!.note).toBe('B, on top of A');
  });
});

describe('requests and files', () => {
  it('writes a burst of changes as one file with one PUT and one MOVE', async () => {
    const [remote, a] = devices(1);
    await a!.sync();
    await a!.sync();
    for (let i = 0; i < 50; i++) await a!.highlight(`q${i}`);
    remote.log.length = 0;
    const report = await a!.sync();
    expect(report).toMatchObject({ pushed: 50, wrote: 'changes' });
    expect(remote.log.filter((l) => l.startsWith('PUT'))).toHaveLength(1);
    expect(remote.log.filter((l) => l.startsWith('MOVE'))).toHaveLength(1);
    // The listing, the two writes, and the listing that learns the new file's ETag.
    expect(remote.log).toHaveLength(4);
  });

  it('sends nothing but one listing when nothing changed anywhere', async () => {
    const [remote, a] = devices(1);
    await a!.highlight('q');
    await a!.sync();
    await a!.sync();
    remote.log.length = 0;
    await a!.sync();
    expect(remote.log).toEqual([`PROPFIND ${SYNC_FOLDER}`]);
  });

  it('folds its change files into a base after a few and deletes them', async () => {
    const [remote, a, b] = devices(2);
    await a!.sync();
    for (let i = 0; i < 6; i++) {
      await a!.highlight(`q${i}`);
      await a!.sync();
    }
    const own = files(remote).map((n) => parseSyncFileName(n)!);
    expect(own.filter((f) => f.kind === 'chg').length).toBeLessThanOrEqual(4);
    expect(own.filter((f) => f.kind === 'base')).toHaveLength(1);
    await b!.sync();
    expect(await b!.annotations()).toEqual(await a!.annotations());
  });

  it('never shows another device a half-written file: a failed MOVE leaves nothing under a final name', async () => {
    const [remote, a, b] = devices(2);
    await a!.sync();
    const before = files(remote);
    await a!.highlight('q');
    remote.failNext('MOVE', null);
    await expect(a!.sync()).rejects.toThrow(RemoteError);
    expect(files(remote)).toEqual(before);
    // The temporary file was removed, and the change is still pending for the next sync.
    expect(remote.names(SYNC_FOLDER).some((n) => n.includes('.tmp-'))).toBe(false);
    await a!.sync();
    await b!.sync();
    expect((await b!.annotations()).map((x) => x.selectors[0])).toMatchObject([{ exact: 'q' }]);
  });

  it('moves past a name that is taken (412) and writes again', async () => {
    const [remote, a, b] = devices(2);
    await a!.sync();
    await a!.highlight('q');
    remote.failNext('MOVE', 412);
    const report = await a!.sync();
    expect(report.pushed).toBe(1);
    await b!.sync();
    expect(await b!.annotations()).toHaveLength(1);
  });

  it('gives up after a bounded number of 412s instead of looping', async () => {
    const [remote, a] = devices(1);
    await a!.sync();
    await a!.highlight('q');
    for (let i = 0; i < 10; i++) remote.failNext('MOVE', 412);
    remote.log.length = 0;
    await expect(a!.sync()).rejects.toMatchObject({ status: 412 });
    expect(remote.log.filter((l) => l.startsWith('MOVE')).length).toBeLessThanOrEqual(5);
  });

  it('loses nothing when the server acted but the answer was lost', async () => {
    const [remote, a, b] = devices(2);
    await a!.sync();
    await a!.highlight('q');
    remote.loseAnswerOfNext('MOVE');
    await expect(a!.sync()).rejects.toThrow(RemoteError);
    await a!.highlight('r');
    await a!.sync();
    await b!.sync();
    expect(await b!.annotations()).toEqual(await a!.annotations());
    expect(await b!.annotations()).toHaveLength(2);
  });
});

describe('damage on the server', () => {
  it('rewrites its own file when it is replaced by garbage of the same size', async () => {
    const [remote, a, b] = devices(2);
    await a!.highlight('q', 'note');
    await a!.sync();
    await a!.highlight('r', 'second');
    await a!.sync();
    const dev = await a!.local.device();
    const name = files(remote).filter((n) => n.startsWith(dev)).sort().at(-1)!;
    const path = `${SYNC_FOLDER}/${name}`;
    const size = remote.files.get(path)!.bytes.length;
    remote.files.set(path, { bytes: new Uint8Array(size).fill(120), etag: '"garbage"' });
    expect((await b!.sync()).damaged.map((d) => d.file)).toEqual([name]);
    expect((await a!.sync()).wrote).toBe('base');
    expect((await b!.sync()).damaged).toEqual([]);
    expect(await b!.annotations()).toEqual(await a!.annotations());
  });

  it('skips a damaged file of another device, says which, and reads it once its device rewrites it', async () => {
    const [remote, a, b] = devices(2);
    await a!.highlight('q', 'note');
    await a!.sync();
    const dev = await a!.local.device();
    const name = files(remote).find((n) => n.startsWith(dev))!;
    const path = `${SYNC_FOLDER}/${name}`;
    const f = remote.files.get(path)!;
    remote.files.set(path, { bytes: f.bytes.slice(0, 10), etag: '"truncated"' });
    const report = await b!.sync();
    expect(report.damaged.map((d) => d.file)).toEqual([name]);
    expect(await b!.annotations()).toEqual([]);
    // A notices its own file changed on the server and writes a fresh base.
    expect((await a!.sync()).wrote).toBe('base');
    const again = await b!.sync();
    expect(again.damaged).toEqual([]);
    expect(await b!.annotations()).toEqual(await a!.annotations());
  });

  it('rewrites its own files when they vanish from the server', async () => {
    const [remote, a, b] = devices(2);
    await a!.highlight('q');
    await a!.sync();
    for (const n of files(remote)) remote.files.delete(`${SYNC_FOLDER}/${n}`);
    await a!.sync();
    await b!.sync();
    expect(await b!.annotations()).toHaveLength(1);
  });

  it('makes the sync folder again when it was deleted, and every device fills it', async () => {
    const [remote, a, b] = devices(2);
    await a!.highlight('from a');
    await b!.highlight('from b');
    await a!.sync();
    await b!.sync();
    await remote.remove(SYNC_FOLDER);
    await a!.sync();
    await b!.sync();
    await a!.sync();
    expect(await a!.annotations()).toHaveLength(2);
    expect(await b!.annotations()).toEqual(await a!.annotations());
  });

  it('refuses to write when the key file now belongs to another passphrase', async () => {
    const remote = new MemoryRemote();
    const a = new SyncDevice('aaaa', remote);
    open.push(a);
    await a.highlight('q');
    await a.sync();
    const before = new Map(remote.files);
    remote.files.set(`${SYNC_FOLDER}/keys.json`, { bytes: new TextEncoder().encode('{"key":"another"}'), etag: '"k2"' });
    await a.highlight('r');
    await expect(a.sync()).rejects.toThrow(WrongKeyError);
    expect([...remote.files.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('puts back a key file that was damaged', async () => {
    const [remote, a] = devices(1);
    await a!.sync();
    remote.files.set(`${SYNC_FOLDER}/keys.json`, { bytes: new TextEncoder().encode('garbage'), etag: '"g"' });
    await a!.sync();
    expect(new TextDecoder().decode(remote.files.get(`${SYNC_FOLDER}/keys.json`)!.bytes)).toBe(plainCodec().keyFileText);
  });

  it('keeps every local record when the server is unreachable, and sends them later', async () => {
    const [remote, a, b] = devices(2);
    await a!.highlight('q');
    remote.failNext('PROPFIND', null);
    await expect(syncOnce({ remote, local: a!.local, codec: a!.codec })).rejects.toMatchObject({ status: null });
    expect(await a!.annotations()).toHaveLength(1);
    expect(await a!.local.pendingCount()).toBe(1);
    await a!.sync();
    expect(await a!.local.pendingCount()).toBe(0);
    await b!.sync();
    expect(await b!.annotations()).toHaveLength(1);
  });
});

describe('with the real cipher', () => {
  it('leaves no quote, note, title or address readable on the server, and the other device reads them', async () => {
    const { createKeyFile } = await import('@/components/sync/cipher');
    const { sealedCodec } = await import('@/components/sync/codec');
    const made = await createKeyFile('correct horse battery staple');
    const remote = new MemoryRemote();
    const a = new SyncDevice('aaaa', remote, sealedCodec(made.key, made.text));
    const b = new SyncDevice('bbbb', remote, sealedCodec(made.key, made.text));
    open.push(a, b);
    const x = await a.highlight('综合多方资料可以确定', '这句没有来源');
    await a.sync();
    await b.sync();
    expect(await b.annotations()).toEqual([x]);
    const secrets = ['综合多方资料可以确定', '这句没有来源', 'about 综合', 'example.com', 'https://'];
    for (const [path, f] of remote.files) {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(f.bytes);
      const latin = Array.from(f.bytes, (c) => String.fromCharCode(c)).join('');
      for (const s of secrets) {
        expect(text.includes(s) || latin.includes(s), `${path} holds ${s}`).toBe(false);
      }
    }
  });
});

describe('a MOVE the browser sent twice', () => {
  it('counts a MOVE whose first sending went through as done, though the second failed', async () => {
    const { writeNew } = await import('@/components/sync/engine');
    const remote = new MemoryRemote();
    await remote.makeFolder(SYNC_FOLDER);
    const bytes = new TextEncoder().encode('content');
    // The server moves, the answer is lost, the resend finds no source: Apache's 404.
    const move = remote.move.bind(remote);
    remote.move = async (from, to, opts) => {
      await move(from, to, opts);
      throw new RemoteError(404, `MOVE ${from}: 404`);
    };
    await writeNew(remote, 'x.1.chg', bytes, 'x.tmp-1');
    expect(remote.names(SYNC_FOLDER)).toEqual(['x.1.chg']);
  });

  it('still fails a MOVE refused because another file holds the name', async () => {
    const { writeNew } = await import('@/components/sync/engine');
    const remote = new MemoryRemote();
    await remote.makeFolder(SYNC_FOLDER);
    await remote.put(`${SYNC_FOLDER}/x.1.chg`, new TextEncoder().encode('theirs!'));
    await expect(writeNew(remote, 'x.1.chg', new TextEncoder().encode('content'), 'x.tmp-1')).rejects.toMatchObject({ status: 412 });
    expect(new TextDecoder().decode(remote.files.get(`${SYNC_FOLDER}/x.1.chg`)!.bytes)).toBe('theirs!');
    expect(remote.names(SYNC_FOLDER)).toEqual(['x.1.chg']);
  });
});
