import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RemoteError, type Remote } from '@/components/sync/remote';
import { createWebdavRemote } from '@/components/sync/webdav-remote';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { SERVERS, type WebdavServer } from '../support/webdav-servers';

/**
 * The WebDAV remote (components/sync/webdav-remote.ts) against real servers from Debian's packages,
 * in Node. Where rclone and Apache disagree, the test states what each does, so that the sync engine
 * is known to be correct on both (it must not rely on what only one of them honours).
 */

/** What the two servers were measured to do where they differ. */
const DIFFERS = {
  rclone: {
    /** rclone ignores `If-None-Match: *` and overwrites. */
    createOnlyRefused: false,
    /** MOVE of a file that does not exist. */
    moveMissingStatus: 403,
    /** PUT into a folder that does not exist. */
    putIntoMissingFolderStatus: 404,
    /** A fresh file's ETag is the MD5 of its bytes, strong from the start. */
    weakWhileFresh: false,
  },
  apache: {
    createOnlyRefused: true,
    moveMissingStatus: 404,
    putIntoMissingFolderStatus: 409,
    /** `W/"…"` for a second after a write (mod_dav_fs: mtime could still change within it). */
    weakWhileFresh: true,
  },
} as const;

async function failure(p: Promise<unknown>): Promise<RemoteError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RemoteError) return e;
    throw e;
  }
  throw new Error('expected a RemoteError, but the call succeeded');
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.each(SERVERS)('the WebDAV remote against $name', ({ name, start }) => {
  const differs = DIFFERS[name];
  let server: WebdavServer;
  let remote: Remote;
  /** The folder this test works in, under the server's root. */
  let folder: string;
  let caseNo = 0;

  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    folder = `case-${++caseNo}`;
    const root = createWebdavRemote({ folderUrl: server.url, user: server.user, password: server.password });
    await root.makeFolder(folder);
    // Every other test starts with a remote that has sent nothing, so counts are exact.
    remote = createWebdavRemote({ folderUrl: `${server.url}${folder}/`, user: server.user, password: server.password });
  });
  const onDisk = (p: string): string => path.join(server.dir, folder, p);

  it('lists files and folders with their sizes and the ETags the server sent', async () => {
    const bytes = text('年度报告');
    await remote.put('a.bin', bytes);
    await remote.put('b.json', text('{}'));
    await remote.makeFolder('backups');
    const list = (await remote.list('')).sort((x, y) => x.name.localeCompare(y.name));
    expect(list.map(({ name, size, folder }) => ({ name, size, folder }))).toEqual([
      { name: 'a.bin', size: bytes.length, folder: false },
      { name: 'b.json', size: 2, folder: false },
      { name: 'backups', size: 0, folder: true },
    ]);
    // Opaque quoted strings, weak (`W/`) or strong, kept as sent.
    for (const f of list.filter((x) => !x.folder)) expect(f.etag).toMatch(/^(W\/)?"[^"]+"$/);
    if (name === 'rclone') expect(list[0]?.etag).toBe(`"${md5(bytes)}"`);
    // rclone sends no ETag for folders; Apache does.
    expect(list[2]?.etag === null).toBe(name === 'rclone');
  });

  it('lists a subfolder, without the folder itself', async () => {
    await remote.makeFolder('backups');
    await remote.put('backups/one.bak', text('1'));
    expect((await remote.list('backups')).map((f) => f.name)).toEqual(['one.bak']);
    expect(await remote.list('')).toEqual([expect.objectContaining({ name: 'backups', folder: true })]);
  });

  it(`marks a fresh file's ETag weak: ${differs.weakWhileFresh ? 'yes, for about a second' : 'never'}`, async () => {
    await remote.put('fresh.bin', text('x'));
    const fresh = (await remote.list(''))[0]?.etag ?? '';
    expect(fresh.startsWith('W/')).toBe(differs.weakWhileFresh);
    await sleep(1_100);
    const later = (await remote.list(''))[0]?.etag ?? '';
    // The same value, now strong: a change of form, not of content.
    expect(later).toBe(fresh.replace(/^W\//, ''));
  });

  it('reads back exactly the bytes it wrote, every byte value, and stores them as they are', async () => {
    const bytes = new Uint8Array(70_000);
    bytes.set(Array.from({ length: 256 }, (_, i) => i));
    bytes.set(randomBytes(bytes.length - 256), 256);
    await remote.put('blob.bin', bytes);
    // Compared by digest: a deep comparison of 70 000 elements takes vitest over a second.
    const got = await remote.get('blob.bin');
    expect([got.length, md5(got)]).toEqual([bytes.length, md5(bytes)]);
    expect(md5(fs.readFileSync(onDisk('blob.bin')))).toBe(md5(bytes));
    // An empty file is a file too.
    await remote.put('empty.bin', new Uint8Array(0));
    expect(await remote.get('empty.bin')).toEqual(new Uint8Array(0));
  });

  it('writes only the bytes of a view, not the rest of its buffer', async () => {
    const whole = text('0123456789');
    await remote.put('view.bin', whole.subarray(3, 6));
    expect(await remote.get('view.bin')).toEqual(text('345'));
  });

  it('overwrites a file by default', async () => {
    await remote.put('keys.json', text('old'));
    await remote.put('keys.json', text('new'));
    expect(await remote.get('keys.json')).toEqual(text('new'));
  });

  it('creates a file with ifNoneMatch when it does not exist', async () => {
    await remote.put('keys.json', text('first'), { ifNoneMatch: true });
    expect(await remote.get('keys.json')).toEqual(text('first'));
  });

  it(
    differs.createOnlyRefused
      ? 'refuses ifNoneMatch onto an existing file with 412 and keeps the file'
      : 'ignores ifNoneMatch (If-None-Match: *) and overwrites an existing file',
    async () => {
      await remote.put('keys.json', text('first'));
      if (differs.createOnlyRefused) {
        const e = await failure(remote.put('keys.json', text('second'), { ifNoneMatch: true }));
        expect(e.status).toBe(412);
        expect(await remote.get('keys.json')).toEqual(text('first'));
      } else {
        await remote.put('keys.json', text('second'), { ifNoneMatch: true });
        expect(await remote.get('keys.json')).toEqual(text('second'));
      }
    },
  );

  it('answers 404 for a file that does not exist', async () => {
    const e = await failure(remote.get('missing.bin'));
    expect(e.status).toBe(404);
    expect(e.message).toBe('GET missing.bin: 404');
  });

  it(`refuses a write into a missing folder with ${differs.putIntoMissingFolderStatus} (neither creates folders)`, async () => {
    const e = await failure(remote.put('nowhere/a.bin', text('x')));
    expect(e.status).toBe(differs.putIntoMissingFolderStatus);
  });

  it('moves a file onto a new name', async () => {
    await remote.put('tmp.part', text('done'));
    await remote.move('tmp.part', 'final.bin', { overwrite: false });
    expect(await remote.get('final.bin')).toEqual(text('done'));
    expect((await failure(remote.get('tmp.part'))).status).toBe(404);
  });

  it('refuses a move onto an existing file with overwrite false (412), and changes neither', async () => {
    await remote.put('a.bin', text('a'));
    await remote.put('b.bin', text('b'));
    const e = await failure(remote.move('a.bin', 'b.bin', { overwrite: false }));
    expect(e.status).toBe(412);
    expect(e.message).toBe('MOVE a.bin -> b.bin: 412');
    expect(await remote.get('a.bin')).toEqual(text('a'));
    expect(await remote.get('b.bin')).toEqual(text('b'));
  });

  it('replaces an existing file on a move with overwrite true', async () => {
    await remote.put('a.bin', text('a'));
    await remote.put('b.bin', text('b'));
    await remote.move('a.bin', 'b.bin', { overwrite: true });
    expect(await remote.get('b.bin')).toEqual(text('a'));
    expect((await remote.list('')).map((f) => f.name)).toEqual(['b.bin']);
  });

  it(`answers a move of a missing file with ${differs.moveMissingStatus}`, async () => {
    const e = await failure(remote.move('gone.bin', 'other.bin', { overwrite: false }));
    expect(e.status).toBe(differs.moveMissingStatus);
  });

  it('removes files and whole folders, and a missing one is not an error', async () => {
    await remote.put('a.bin', text('a'));
    await remote.makeFolder('old');
    await remote.put('old/b.bin', text('b'));
    await remote.remove('a.bin');
    await remote.remove('old');
    await remote.remove('never-was.bin');
    expect(await remote.list('')).toEqual([]);
  });

  it('makes a folder, and making an existing one is not an error', async () => {
    await remote.makeFolder('backups');
    await remote.put('backups/x.bak', text('x'));
    await remote.makeFolder('backups');
    expect((await remote.list('backups')).map((f) => f.name)).toEqual(['x.bak']);
  });

  it('refuses a folder whose parent is missing with 409', async () => {
    const e = await failure(remote.makeFolder('a/b'));
    expect(e.status).toBe(409);
    expect(e.message).toBe('MKCOL a/b: 409');
  });

  it('answers 404 for the list of a missing folder', async () => {
    const e = await failure(remote.list('nope'));
    expect(e.status).toBe(404);
  });

  it('answers 401 to a wrong password, on every method', async () => {
    await remote.put('a.bin', text('a'));
    const wrong = createWebdavRemote({ folderUrl: `${server.url}${folder}`, user: server.user, password: 'wrong' });
    const statuses = [
      (await failure(wrong.list(''))).status,
      (await failure(wrong.get('a.bin'))).status,
      (await failure(wrong.put('a.bin', text('b')))).status,
      (await failure(wrong.move('a.bin', 'c.bin', { overwrite: true }))).status,
      (await failure(wrong.remove('a.bin'))).status,
      (await failure(wrong.makeFolder('d'))).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await remote.get('a.bin')).toEqual(text('a'));
  });

  it('sends a password beyond Latin-1 as UTF-8 (the server refuses it as wrong, not the client)', async () => {
    const chinese = createWebdavRemote({ folderUrl: server.url, user: server.user, password: '密码' });
    expect((await failure(chinese.list(''))).status).toBe(401);
  });

  it('works with a folder URL without its trailing slash, and with spaces and Chinese in it', async () => {
    await remote.makeFolder('我的 同步');
    const inner = createWebdavRemote({
      folderUrl: `${server.url}${folder}/${encodeURIComponent('我的 同步')}`,
      user: server.user,
      password: server.password,
    });
    await inner.put('笔记 1.bin', text('n'));
    expect(await inner.list('')).toEqual([expect.objectContaining({ name: '笔记 1.bin', folder: false })]);
    expect(fs.readFileSync(path.join(onDisk('我的 同步'), '笔记 1.bin'), 'utf8')).toBe('n');
    expect((await remote.list('')).map((f) => f.name)).toEqual(['我的 同步']);
  });

  it('counts every request it sends, failed or unanswered ones included', async () => {
    expect(remote.requests).toBe(0);
    await remote.makeFolder('f');
    await remote.put('f/a.bin', text('a'));
    await remote.list('f');
    await remote.get('f/a.bin');
    await remote.move('f/a.bin', 'f/b.bin', { overwrite: false });
    await remote.remove('f/b.bin');
    await remote.remove('f/b.bin'); // 404, not an error: still a request
    await failure(remote.get('f/b.bin'));
    expect(remote.requests).toBe(8);
  });

  it('reports a stopped server as no answer (status null), and works again once it is back', async () => {
    await remote.put('a.bin', text('a'));
    const before = remote.requests;
    await server.stop();
    try {
      const e = await failure(remote.list(''));
      expect(e.status).toBeNull();
      expect(e.message).toMatch(/^PROPFIND \(sync folder\): no answer \(/);
      expect((await failure(remote.get('a.bin'))).status).toBeNull();
      expect((await failure(remote.put('b.bin', text('b')))).status).toBeNull();
      expect(remote.requests).toBe(before + 3);
    } finally {
      await server.start();
    }
    expect(await remote.get('a.bin')).toEqual(text('a'));
  });

  describe('through a proxy that injects faults', () => {
    let proxy: FaultProxy;
    let viaProxy: Remote;
    beforeEach(async () => {
      proxy = await startFaultProxy(`${server.url}${folder}/`);
      viaProxy = createWebdavRemote({ folderUrl: proxy.url, user: server.user, password: server.password });
    });
    afterEach(async () => {
      await proxy.close();
    });

    it('passes everything through unchanged when no fault is set, MOVE included', async () => {
      await viaProxy.put('a.bin', text('a'));
      await viaProxy.move('a.bin', 'b.bin', { overwrite: false });
      expect(await viaProxy.get('b.bin')).toEqual(text('a'));
      expect(proxy.log.map(({ method, status }) => `${method} ${status}`)).toEqual(['PUT 201', 'MOVE 201', 'GET 200']);
    });

    it.each([403, 507, 412, 500, 503])('hands an injected %i to the caller as that status', async (status) => {
      await viaProxy.put('a.bin', text('a'));
      proxy.failNext({ method: 'PUT', pathIncludes: 'a.bin', status });
      const e = await failure(viaProxy.put('a.bin', text('b')));
      expect(e.status).toBe(status);
      expect(e.message).toBe(`PUT a.bin: ${status}`);
      // The fault was the proxy's: the server never saw the write.
      expect(await viaProxy.get('a.bin')).toEqual(text('a'));
    });

    it('fails only the matching request, as many times as asked', async () => {
      await viaProxy.put('a.bin', text('a'));
      proxy.failNext({ method: 'GET', status: 503, times: 2 });
      expect((await failure(viaProxy.get('a.bin'))).status).toBe(503);
      await viaProxy.list('');
      expect((await failure(viaProxy.get('a.bin'))).status).toBe(503);
      expect(await viaProxy.get('a.bin')).toEqual(text('a'));
    });

    it('reports a connection closed without an answer as status null, counted', async () => {
      proxy.cutNext({ method: 'PUT' });
      const e = await failure(viaProxy.put('a.bin', text('a')));
      expect(e.status).toBeNull();
      expect(viaProxy.requests).toBe(1);
      expect(proxy.log).toEqual([{ method: 'PUT', path: `/${folder}/a.bin`, status: null }]);
      expect(fs.existsSync(onDisk('a.bin'))).toBe(false);
    });

    it('reports a lost answer as status null although the server did the write', async () => {
      proxy.cutNext({ method: 'PUT', afterForwarding: true });
      expect((await failure(viaProxy.put('a.bin', text('a')))).status).toBeNull();
      expect(await viaProxy.get('a.bin')).toEqual(text('a'));
    });

    it('reports the server going away in the middle of a series as status null from then on', async () => {
      await viaProxy.put('a.bin', text('a'));
      proxy.onRequest(async (req) => {
        if (req.method === 'GET') await server.stop();
      });
      try {
        await viaProxy.list('');
        expect((await failure(viaProxy.get('a.bin'))).status).toBeNull();
        expect((await failure(viaProxy.list(''))).status).toBeNull();
      } finally {
        proxy.reset();
        await server.start();
      }
      expect(proxy.log.map((l) => `${l.method} ${l.status}`)).toEqual(['PUT 201', 'PROPFIND 207', 'GET null', 'PROPFIND null']);
    });
  });
});
