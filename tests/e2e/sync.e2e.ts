import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncErrorKind } from '../../components/sync/status';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { SERVERS, type WebdavServer } from '../support/webdav-servers';
import { waitForSourcemark } from './probes';
import { highlightTexts } from './select';
import {
  ARTICLE,
  TITLE_PART,
  article,
  articleGroup,
  deviceIdOf,
  editNoteInPopup,
  filesUnder,
  highlight,
  openDevice,
  pageNote,
  popupItem,
  popupNote,
  setUpSync,
  statusOf,
  submitSetup,
  syncCleanly,
  syncErrorShown,
  syncFilesOnDisk,
  syncNow,
  syncStatusElement,
  storedCount,
  writeNote,
  type Device,
} from './sync-steps';

/**
 * Sync as readers use it: two browser profiles (two devices, A and B), each set up on the options
 * page against the same folder of a real WebDAV server, exchanging highlights and notes through
 * it. Then the server misbehaves on purpose, and each time the reader is told, loses nothing, the
 * other device still reads the folder, and the next sync recovers.
 */

const PASSPHRASE = '同步口令 correct horse 2026';
const SENTENCE_1 = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
const SENTENCE_2 = '俄军曾经匮缺的高科技军事资源开始快速补充';
const NOTE = '谁说的？来源在哪 <b>查证</b>';
const NOTE_A = 'A 离线时改的笔记：先看原始报道';
const NOTE_B = 'B 稍后离线改的笔记：以这条为准';
const TITLE = '美俄乌会谈无果而终,世界很可能陷入巨震中';

describe.each(SERVERS)('sync between two browsers through $name', ({ start }) => {
  let server: WebdavServer;
  let A: Device;
  let B: Device;
  /** Annotation ids: a plain highlight and a highlight with a note, both made in A. */
  let plain = '';
  let noted = '';

  beforeAll(async () => {
    server = await start();
    [A, B] = [await openDevice('A', [server.url]), await openDevice('B', [server.url])];
  });
  afterAll(async () => {
    await A?.h.close();
    await B?.h.close();
    await server?.close();
  });

  it('is set up on each device through the options page, and then reads idle with a last-sync time', async () => {
    const fields = { url: server.url, user: server.user, password: server.password, passphrase: PASSPHRASE };
    await setUpSync(A, fields);
    await setUpSync(B, fields);
  });

  it('brings a highlight and a note made in A to B: B’s popup lists them and B’s open page paints them', async () => {
    const pageA = await article(A);
    plain = await highlight(pageA, SENTENCE_1);
    noted = await writeNote(pageA, SENTENCE_2, NOTE);
    const pageB = await article(B);
    await waitForSourcemark(B.h, pageB);
    expect(await highlightTexts(pageB)).toEqual({});

    expect((await syncCleanly(A)).pending).toBe(0);
    await syncCleanly(B);

    await expect.poll(() => popupNote(B.popup, noted)).toBe(NOTE);
    expect(await (await popupItem(B.popup, noted)).locator('.quote').innerText()).toBe(SENTENCE_2);
    expect(await (await popupItem(B.popup, plain)).locator('.quote').innerText()).toBe(SENTENCE_1);
    await expect.poll(() => highlightTexts(pageB)).toEqual({ [plain]: SENTENCE_1, [noted]: SENTENCE_2 });
    expect(await pageNote(pageB, SENTENCE_2)).toContain(NOTE);
    // The popup's one line says B is in step.
    await expect.poll(() => B.popup.locator('.sync-line').getAttribute('data-sync-state')).toBe('idle');
    expect(await B.popup.locator('.sync-line-text').innerText()).toContain('已同步');
  });

  it('takes a highlight deleted in B’s popup off A’s page and out of A’s popup', async () => {
    const item = await popupItem(B.popup, plain);
    await item.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => B.popup.locator('li.item[data-annotation-id]').count()).toBe(1);
    expect(await item.count()).toBe(0);
    await syncCleanly(B);
    await syncCleanly(A);

    // The page repaints with the note's highlight alone; after a reload it is the same.
    const pageA = await article(A);
    await expect.poll(() => highlightTexts(pageA)).toEqual({ [noted]: SENTENCE_2 });
    await pageA.reload();
    await expect.poll(() => highlightTexts(pageA)).toEqual({ [noted]: SENTENCE_2 });
    await expect.poll(() => articleGroup(A.popup).locator('.group-meta').innerText()).toContain('1 条');
    const survivor = await popupItem(A.popup, noted);
    await expect.poll(() => survivor.count()).toBe(1);
    expect(await A.popup.locator(`li.item[data-annotation-id="${plain}"]`).count()).toBe(0);
  });

  it('resolves a note edited offline in both by the newer edit, and A keeps its own aside', async () => {
    await server.stop();
    await editNoteInPopup(A.popup, noted, NOTE_A);
    // B edits the same note later, without having seen A's edit.
    await editNoteInPopup(B.popup, noted, NOTE_B);
    // Neither edit reached the server (the syncs they started found no server).
    expect((await statusOf(A)).pending).toBeGreaterThan(0);
    expect((await statusOf(B)).pending).toBeGreaterThan(0);
    await server.start();

    await syncCleanly(A);
    await syncCleanly(B);
    await syncCleanly(A);

    await expect.poll(() => popupNote(A.popup, noted)).toBe(NOTE_B);
    await expect.poll(() => popupNote(B.popup, noted)).toBe(NOTE_B);
    expect(await pageNote(await article(A), SENTENCE_2)).toContain(NOTE_B);

    // A's losing note is listed on A's options page, to copy back.
    const kept = A.options.locator('#sync .kept-aside li.item.kept');
    await expect.poll(() => kept.count()).toBe(1);
    expect(await kept.locator('.note').innerText()).toBe(NOTE_A);
    expect(await kept.locator('.quote').innerText()).toBe(SENTENCE_2);
    expect(await kept.getAttribute('data-reason')).toBe('newer-edit');
    // B's note won: B set nothing aside.
    expect((await statusOf(B)).keptAside).toBe(0);
  });

  it('contacts only the configured server and the seed pages, and leaves no text readable on the server', async () => {
    for (const d of [A, B]) {
      expect(d.h.strayRequests, `${d.name}: requests to anywhere else`).toEqual([]);
      const methods = new Set(d.localRequests.map((r) => r.split(' ')[0]));
      expect([...methods], `${d.name}: what it sent`).toEqual(expect.arrayContaining(['PROPFIND', 'GET', 'PUT', 'MOVE']));
      for (const r of d.localRequests) expect(r.split(' ')[1]!.startsWith(server.url), r).toBe(true);
    }

    const files = filesUnder(server.dir);
    expect(files).toContain(path.join('Sourcemark', 'keys.json'));
    expect(files.some((f) => /\.(base|chg)$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith(path.join('Sourcemark', 'backups')) && f.endsWith('.bak'))).toBe(true);
    const secrets = [SENTENCE_1, SENTENCE_2, NOTE, NOTE_A, NOTE_B, TITLE, TITLE_PART, ARTICLE.url, new URL(ARTICLE.url).host, ARTICLE.account!, PASSPHRASE];
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(server.dir, f));
      for (const s of secrets) {
        for (const encoded of [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le'), Buffer.from(encodeURIComponent(s))]) {
          expect(bytes.includes(encoded), `${f} holds “${s}”`).toBe(false);
        }
      }
      if (f === path.join('Sourcemark', 'keys.json')) {
        // The key file: the derivation's parameters and a sealed check, nothing of the reader's.
        const keys = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
        expect(Object.keys(keys).sort()).toEqual(['check', 'format', 'kdf', 'version']);
        expect(Object.keys(keys.kdf as object).sort()).toEqual(['hash', 'iterations', 'name', 'salt']);
      } else {
        // Sealed: Sourcemark's magic, then ciphertext, with nothing that looks like JSON in it.
        // (Patterns long enough that random bytes match them by chance once in billions of files.)
        expect(bytes.subarray(0, 4).toString('latin1'), f).toBe('SMS1');
        const text = bytes.toString('latin1');
        expect(text, f).not.toMatch(/"[A-Za-z]{3,}"\s*:/);
        expect(text, f).not.toMatch(/"(note|exact|url|title|annotation|versions)"/);
      }
    }
  });
});

/** The words the options page starts each error with (components/vocabulary/sync-strings.ts). */
const SAYS: Record<Exclude<SyncErrorKind, 'no-permission' | 'server'>, string> = {
  unreachable: '服务器没有响应',
  unauthorized: '服务器拒绝了用户名或应用密码',
  forbidden: '服务器不允许这个账号读写同步文件夹',
  'folder-missing': '服务器上没有设置时填写的文件夹',
  conflict: '另一台设备一直在同时写入服务器',
  'storage-full': '服务器账号的存储空间已满',
  damaged: '服务器上有一个文件读不出来',
  'wrong-passphrase': '这个同步口令打不开服务器上的同步文件夹',
};

/** Many: a fault that stays until `proxy.reset()`, whichever syncs (the press's, a change's) meet it. */
const ALWAYS = 1_000;

describe.each(SERVERS)('sync when $name misbehaves (A through a fault proxy, B direct)', ({ start }) => {
  let server: WebdavServer;
  let proxy: FaultProxy;
  let A: Device;
  let B: Device;
  /** The annotation A keeps changing, and the note B last received. */
  let id = '';
  let delivered = '';
  let changes = 0;

  beforeAll(async () => {
    server = await start();
    proxy = await startFaultProxy(server.url);
    [A, B] = [await openDevice('A', [proxy.url]), await openDevice('B', [server.url])];
  });
  afterEach(() => proxy.reset());
  afterAll(async () => {
    await A?.h.close();
    await B?.h.close();
    await proxy?.close();
    await server?.close();
  });

  const fields = (url: string, passphrase = PASSPHRASE) => ({ url, user: server.user, password: server.password, passphrase });

  /**
   * A changes its note while `fault` is in place and presses "Sync now": the options page shows
   * error `kind` in words, and A loses nothing. Once `heal` has run, B (straight to the server)
   * syncs without an error and still reads A's earlier note. With the fault gone, A's next sync
   * succeeds and clears the error, and B receives the change. `whileBroken` checks more while the
   * error stands.
   */
  async function breaksAndRecovers(
    kind: keyof typeof SAYS,
    fault: () => void,
    { heal = async () => undefined, whileBroken = async () => undefined }: { heal?: () => Promise<void>; whileBroken?: () => Promise<void> } = {},
  ) {
    const note = `A 的第 ${++changes} 次改动（${kind}）`;
    fault();
    await editNoteInPopup(A.popup, id, note);
    const count = await storedCount(A);

    const failed = await syncNow(A);
    expect(failed.lastError?.kind).toBe(kind);
    expect(failed.pending).toBeGreaterThan(0);
    expect(await syncStatusElement(A.options).getAttribute('data-sync-state')).toBe('error');
    await expect.poll(() => syncErrorShown(A).innerText()).toContain(SAYS[kind]);
    expect(await syncErrorShown(A).getAttribute('data-error-kind')).toBe(kind);
    expect(await storedCount(A)).toBe(count);
    await expect.poll(() => popupNote(A.popup, id)).toBe(note);
    await whileBroken();

    await heal();
    await syncCleanly(B);
    await expect.poll(() => popupNote(B.popup, id)).toBe(delivered);

    proxy.reset();
    expect((await syncCleanly(A)).pending).toBe(0);
    expect(await syncErrorShown(A).count()).toBe(0);
    await syncCleanly(B);
    await expect.poll(() => popupNote(B.popup, id)).toBe(note);
    delivered = note;
  }

  it('sets A up through the proxy, and A’s note reaches the folder', async () => {
    await setUpSync(A, fields(proxy.url));
    id = await writeNote(await article(A), SENTENCE_2, NOTE);
    await syncCleanly(A);
    delivered = NOTE;
  });

  it('h. tells B a wrong passphrase as such at set-up, configures nothing on B, and leaves A as it was', async () => {
    const before = snapshot(server.dir);
    await submitSetup(B, fields(server.url, 'not the passphrase A set'));
    const alert = B.options.locator('#sync form.sync-setup [role="alert"]');
    await expect.poll(() => alert.getAttribute('data-error-kind'), { timeout: 15_000 }).toBe('wrong-passphrase');
    expect(await alert.innerText()).toContain(SAYS['wrong-passphrase']);
    expect(await syncStatusElement(B.options).getAttribute('data-sync-state')).toBe('off');
    expect((await statusOf(B)).configured).toBe(false);
    expect(await storedCount(B)).toBe(0);
    // B wrote nothing to the folder, and A syncs on as before.
    expect(snapshot(server.dir)).toEqual(before);
    await syncCleanly(A);

    // The right passphrase then opens the folder, and B reads A's note.
    await setUpSync(B, fields(server.url));
    await expect.poll(() => popupNote(B.popup, id)).toBe(NOTE);
  });

  it('a. the server stops in the middle of a sync (at its PUT): “no answer”, and the next sync after it is back sends the change', async () => {
    let stopped = false;
    await breaksAndRecovers(
      'unreachable',
      () =>
        proxy.onRequest(async (req) => {
          if (req.method === 'PUT' && !stopped) {
            stopped = true;
            await server.stop();
          }
        }),
      { heal: () => server.start() },
    );
    expect(stopped).toBe(true);
  });

  it('b. 401 for every request: the app password was refused', async () => {
    await breaksAndRecovers('unauthorized', () => proxy.failNext({ status: 401, times: ALWAYS }), {
      // The popup's line says so too, with the way to the settings (the reader must act).
      whileBroken: async () => {
        const line = A.popup.locator('.sync-line');
        await expect.poll(() => line.getAttribute('data-sync-state')).toBe('error');
        expect(await line.innerText()).toContain('同步：应用密码被拒绝');
        expect(await line.getByRole('button', { name: '去设置…' }).count()).toBe(1);
      },
    });
  });

  it('c. 403 on PUT: the account may not write the folder', async () => {
    await breaksAndRecovers('forbidden', () => proxy.failNext({ method: 'PUT', status: 403, times: ALWAYS }));
  });

  it('d. the folder is gone (PROPFIND 404, MKCOL 409): the folder is not on the server', async () => {
    await breaksAndRecovers('folder-missing', () => {
      proxy.failNext({ method: 'PROPFIND', status: 404, times: ALWAYS });
      proxy.failNext({ method: 'MKCOL', status: 409, times: ALWAYS });
    });
  });

  it('e. 412 on the MOVE once: the name is taken, the sync moves past it and succeeds', async () => {
    const note = `A 的第 ${++changes} 次改动（412 一次）`;
    const from = proxy.log.length;
    proxy.failNext({ method: 'MOVE', status: 412, times: 1 });
    await editNoteInPopup(A.popup, id, note);
    expect((await syncCleanly(A)).pending).toBe(0);
    const moves = proxy.log.slice(from).filter((e) => e.method === 'MOVE' && !e.path.includes('/backups/'));
    expect(moves.map((e) => (e.status !== null && e.status < 300 ? 'moved' : e.status))).toEqual([412, 'moved']);
    expect(tempFiles(server.dir)).toEqual([]);
    await syncCleanly(B);
    await expect.poll(() => popupNote(B.popup, id)).toBe(note);
    delivered = note;
  });

  it('e. 412 on every MOVE: a conflict, retried a bounded number of times, leaving no temporary file', async () => {
    const from = proxy.log.length;
    await breaksAndRecovers('conflict', () => proxy.failNext({ method: 'MOVE', status: 412, times: ALWAYS }));
    const refused = proxy.log.slice(from).filter((e) => e.method === 'MOVE' && e.status === 412).length;
    expect(refused).toBeGreaterThan(1);
    expect(tempFiles(server.dir)).toEqual([]);
  });

  it('f. 507 on PUT: the server account is full', async () => {
    await breaksAndRecovers('storage-full', () => proxy.failNext({ method: 'PUT', status: 507, times: ALWAYS }));
  });

  for (const damage of ['truncated', 'garbage'] as const) {
    it(`g. a ${damage} file of A’s: B reports it and keeps what it has; A’s next sync rewrites it and B reads it`, async () => {
      const note = `A 的第 ${++changes} 次改动（${damage}）`;
      await editNoteInPopup(A.popup, id, note);
      await syncCleanly(A);
      const dev = await deviceIdOf(A);
      const file = syncFilesOnDisk(server.dir).filter((f) => f.startsWith(`${dev}.`)).at(-1)!;
      const onDisk = path.join(server.dir, 'Sourcemark', file);
      const bytes = fs.readFileSync(onDisk);
      // Cut in half, or as many random bytes as it had (the same size: only its ETag tells).
      const damaged = damage === 'truncated' ? bytes.subarray(0, bytes.length >> 1) : randomBytes(bytes.length);
      fs.writeFileSync(onDisk, damaged);

      const count = await storedCount(B);
      const reported = await syncNow(B);
      expect(reported.lastError?.kind).toBe('damaged');
      expect(reported.lastError?.detail).toContain(file);
      await expect.poll(() => syncErrorShown(B).innerText()).toContain(`${SAYS.damaged}（${file}）`);
      expect(await storedCount(B)).toBe(count);
      await expect.poll(() => popupNote(B.popup, id)).toBe(delivered);

      await syncCleanly(A);
      const folder = path.join(server.dir, 'Sourcemark');
      const stillThere = filesUnder(folder).filter((f) => fs.readFileSync(path.join(folder, f)).equals(damaged));
      expect(stillThere, 'the damaged file, still on the server after A synced').toEqual([]);
      await syncCleanly(B);
      expect(await syncErrorShown(B).count()).toBe(0);
      await expect.poll(() => popupNote(B.popup, id)).toBe(note);
      delivered = note;
    });
  }

  it('sent A’s requests only to the proxy and B’s only to the server', () => {
    for (const [d, url] of [[A, proxy.url], [B, server.url]] as const) {
      expect(d.h.strayRequests, d.name).toEqual([]);
      expect(d.localRequests.length).toBeGreaterThan(0);
      for (const r of d.localRequests) expect(r.split(' ')[1]!.startsWith(url), `${d.name}: ${r}`).toBe(true);
    }
  });
});

/** Every file under `dir` with its bytes' digest. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

/** Temporary files (`<device>.tmp-…`) left in the sync folder on disk. */
function tempFiles(dir: string): string[] {
  return filesUnder(dir).filter((f) => f.includes('.tmp-'));
}
