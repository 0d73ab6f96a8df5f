/**
 * Sync measured as the product runs it: the built extension in Debian Chromium, its service
 * worker's SyncService over the extension's real IndexedDB, against real WebDAV servers on
 * 127.0.0.1 (rclone and Apache mod_dav, tests/support/webdav-servers.ts), started here and closed
 * after. Every sync is driven by the extension's own messages (`sync.setup`, `sync.now`,
 * `annotation.update`), sent from a bare options.html (its app stopped before it loads, so it
 * sends nothing of its own, such as the backup listing the real page asks for after each sync);
 * times are the page's clock around the message, the requests and their times Chromium's own
 * network log. Per server:
 *
 *  - device A, with 10,000 annotations (tests/bench/sync-data.ts), is set up on an empty folder:
 *    the set-up (PBKDF2 at 600,000 iterations, keys.json), then its first sync (one base file of
 *    every version), then the day's first backup (the JSON-LD export, sealed). The three are told
 *    apart by the requests: the sync starts with its PROPFIND of Sourcemark/, the backup with
 *    its PROPFIND of Sourcemark/backups/. Repeated on fresh folders (set-up again resets what the
 *    device has pushed, so each run sends the whole library again);
 *  - then, on the last folder, A edits one note and syncs (one change file), and syncs with
 *    nothing new, as many times;
 *  - the peer, in A's service worker: the same library as one plain JSON-LD export file (what a
 *    manual backup is: readAll + exportText), one PUT through the same WebdavRemote, and its GET
 *    and JSON.parse. Sync over peer is what encryption, compression and the engine cost;
 *  - device B, a new browser profile each run, is set up on that folder: its first sync reads
 *    A's base file and change files and merges the 10,000 into its empty database; then a sync
 *    with nothing new.
 *
 * Also, in A's service worker, PBKDF2 alone and the first sync taken apart (sync-entry.ts).
 * Headless Chromium cannot answer the permission prompt of set-up, so the browser loads a copy
 * of the build whose manifest already grants `http://127.0.0.1/*`, as the e2e sync tests do (see
 * README, "Tests"). The browser is launched here rather than by tests/e2e/harness.ts, whose
 * catch-all route would intercept every request: here none is routed, so the timings include no
 * Playwright hop. The sync alarm the extension creates (first run one minute after start) is
 * cleared so that it cannot start a sync in the middle of a measurement.
 *
 *   npx tsx tests/bench/sync-browser.ts      (on the existing build; prints the raw results as JSON;
 *                                             SYNC_BENCH_DEBUG=1 lists each set-up's requests)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { SyncStatus } from '@/components/sync/status';
import { chromePath, chromiumArgs, EXTENSION_DIR } from '../e2e/harness';
import { startApache, startRclone, type WebdavServer } from '../support/webdav-servers';
import type { Breakdown, PeerDownload, PeerUpload, SyncBenchApi } from './browser/sync-entry';
import { makeSyncLibrary } from './sync-data';

export const SYNC_ANNOTATIONS = 10_000;
const PASSPHRASE = 'bench passphrase 同步口令';
const LOCAL_HOSTS = 'http://127.0.0.1/*';

export type StepName =
  | 'setup-a'
  | 'first-a'
  | 'backup-a'
  | 'one-change'
  | 'no-change-a'
  | 'setup-b'
  | 'first-b'
  | 'no-change-b'
  | 'peer-up'
  | 'peer-down';

/** One step's runs: time, requests and bytes of each. */
export interface StepRuns {
  ms: number[];
  requests: number[];
  /** Bytes of the files the step put on the server (request bodies of its PUTs). */
  bytes: number[];
  /** Milliseconds its requests were out, summed (they go one at a time): waiting on HTTP. */
  httpMs: number[];
}

export interface ServerResult {
  server: 'rclone' | 'apache';
  steps: Partial<Record<StepName, StepRuns>>;
  /** `lastRequests` the service reported after each of A's set-ups (its sync and backup), checked against the log. */
  serviceRequests: number[];
  peerUp: PeerUpload[];
  peerDown: PeerDownload[];
}

export interface SyncBrowserReport {
  chromium: string;
  annotations: number;
  /** The library as JSON (one array), for scale. */
  libraryJsonBytes: number;
  withNotes: number;
  fillMs: number;
  runs: Runs;
  pbkdf2Ms: number[];
  servers: ServerResult[];
  breakdown: Breakdown | null;
  totalMs: number;
}

interface LoggedRequest {
  method: string;
  url: string;
  /** Epoch ms (the browser's clock) when the request started, and when its answer had come. */
  start: number;
  end: number;
  failed: boolean;
}

interface Device {
  context: BrowserContext;
  worker: Worker;
  page: Page;
  log: LoggedRequest[];
  close(): Promise<void>;
}

type Answer = { ok: boolean; data?: { status?: SyncStatus; error?: unknown }; error?: string };
interface Sent {
  t0: number;
  t1: number;
  ms: number;
  answer: Answer;
}

const log = (s: string) => process.stderr.write(`[bench] sync: ${s}\n`);

/** The helpers of browser/sync-entry.ts as one IIFE for the service worker. */
async function bundleEntry(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'browser/sync-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    charset: 'ascii',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The extension's zod cannot compile its fast parsers in the service worker (its CSP forbids
    // `new Function`, so zod's probe fails) and uses the interpreted ones. This copy is evaluated
    // through DevTools, where the probe passes, and would then throw at its first parse: told
    // not to compile, it parses as the extension's does. zod reads the setting from a global as
    // each schema is made, so it goes first.
    banner: { js: '(globalThis.__zod_globalConfig ??= {}).jitless = true;' },
    logLevel: 'error',
  });
  const out = result.outputFiles?.[0];
  if (!out) throw new Error('esbuild wrote no sync bench bundle');
  return out.text;
}

/** A copy of the build whose manifest grants the local servers, as the e2e sync tests load it. */
function grantingCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bench-sync-ext-'));
  fs.cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), LOCAL_HOSTS];
  fs.writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

async function openDevice(extensionDir: string, bundle: string): Promise<Device> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bench-sync-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    locale: 'zh-CN',
    args: chromiumArgs(extensionDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const requests: LoggedRequest[] = [];
    const record = (failed: boolean) => (r: import('playwright-core').Request) => {
      if (!r.url().startsWith('http://127.0.0.1')) return;
      const t = r.timing();
      requests.push({ method: r.method(), url: r.url(), start: t.startTime, end: t.startTime + Math.max(0, t.responseEnd), failed });
    };
    context.on('requestfinished', record(false));
    context.on('requestfailed', record(true));
    // The driver: options.html with its app stopped before any of its scripts is parsed. It is a
    // page of the extension at the address the background takes sync messages from, and sends
    // nothing itself (the real page lists the backups after every sync, one more PROPFIND).
    await context.addInitScript(() => {
      if (location.hash === '#bench-driver') window.stop();
    });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html#bench-driver`, { waitUntil: 'commit' });
    await page.waitForFunction(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage === 'function');
    if (await page.evaluate(() => document.querySelector('#sync, main, section') !== null)) {
      throw new Error('the driver page rendered the options app; its requests would be counted');
    }
    // The extension's alarms (sync every 15 minutes, first after one) are made at start-up;
    // cleared once made, so no sync starts by itself during a measurement.
    await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<unknown[]>; clearAll(): Promise<boolean> } } }).chrome;
      for (let i = 0; i < 100 && (await c.alarms.getAll()).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      await c.alarms.clearAll();
    });
    await worker.evaluate(bundle);
    return {
      context,
      worker,
      page,
      log: requests,
      async close() {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

type Api = SyncBenchApi;
function call<K extends keyof Api>(d: Device, name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>> {
  return d.worker.evaluate(
    ([n, a]) => {
      const api = (globalThis as unknown as { __sourcemarkSyncBench: Record<string, (...x: unknown[]) => unknown> }).__sourcemarkSyncBench;
      return api[n]!(...a);
    },
    [name, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
}

async function send(d: Device, message: unknown): Promise<Sent> {
  const r = await d.page.evaluate(async (m) => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
    const t0 = performance.now();
    const answer = await chrome.runtime.sendMessage(m);
    const t1 = performance.now();
    return { t0: performance.timeOrigin + t0, t1: performance.timeOrigin + t1, ms: t1 - t0, answer };
  }, message);
  const answer = r.answer as Answer;
  if (!answer.ok) throw new Error(`${(message as { type: string }).type}: ${answer.error ?? 'failed'}`);
  if (answer.data?.error) throw new Error(`${(message as { type: string }).type}: ${JSON.stringify(answer.data.error)}`);
  return { ...r, answer };
}

/** Sizes of every file under `dir`, by path. */
function snapshot(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.statSync(p).size);
    }
  };
  walk(dir);
  return out;
}

/** Bytes of files that appeared or changed size between two snapshots, split by `part`. */
function written(before: Map<string, number>, after: Map<string, number>, part: (file: string) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [file, size] of after) {
    if (before.get(file) !== size) out[part(file)] = (out[part(file)] ?? 0) + size;
  }
  return out;
}

/** The sync folder's own files: backups apart, keys.json (set-up's) apart. */
function partOf(file: string): 'backup' | 'setup' | 'sync' {
  if (file.includes(`${path.sep}backups${path.sep}`)) return 'backup';
  if (file.endsWith(`${path.sep}keys.json`)) return 'setup';
  return 'sync';
}

/**
 * A set-up's requests in its three parts: the set-up's own (until the sync's first PROPFIND of
 * Sourcemark/, which is the second), the sync's, and the backup's (from its first request under
 * Sourcemark/backups/). Times from the message's start and end and the parts' first requests.
 */
function splitSetup(reqs: LoggedRequest[], sent: Sent): Record<'setup' | 'sync' | 'backup', { ms: number; requests: number; httpMs: number }> {
  const sorted = [...reqs].sort((a, b) => a.start - b.start);
  const isFolder = (r: LoggedRequest) => r.method === 'PROPFIND' && /\/Sourcemark\/$/.test(r.url);
  const folderListings = sorted.map((r, i) => (isFolder(r) ? i : -1)).filter((i) => i >= 0);
  const syncAt = folderListings[1];
  const backupAt = sorted.findIndex((r, i) => syncAt !== undefined && i > syncAt && r.url.includes('/Sourcemark/backups/'));
  if (syncAt === undefined || backupAt < 0) {
    throw new Error(`set-up requests not as expected: ${sorted.map((r) => `${r.method} ${new URL(r.url).pathname}`).join(', ')}`);
  }
  const syncStart = sorted[syncAt]!.start;
  const backupStart = sorted[backupAt]!.start;
  return {
    setup: { ms: syncStart - sent.t0, requests: syncAt, httpMs: httpMs(sorted.slice(0, syncAt)) },
    sync: { ms: backupStart - syncStart, requests: backupAt - syncAt, httpMs: httpMs(sorted.slice(syncAt, backupAt)) },
    backup: { ms: sent.t1 - backupStart, requests: sorted.length - backupAt, httpMs: httpMs(sorted.slice(backupAt)) },
  };
}

/** The network log and the service agree on the sync's and backup's requests, or nothing else may be counted. */
function checkCount(service: number, parts: ReturnType<typeof splitSetup>, what: string): void {
  if (parts.sync.requests + parts.backup.requests !== service) {
    throw new Error(`${what}: the service sent ${service} requests, the network log shows ${parts.sync.requests} + ${parts.backup.requests}`);
  }
}

function httpMs(reqs: LoggedRequest[]): number {
  return reqs.reduce((sum, r) => sum + (r.end - r.start), 0);
}

function add(result: ServerResult, step: StepName, ms: number, requests: number, bytes: number, http = NaN): void {
  const s = (result.steps[step] ??= { ms: [], requests: [], bytes: [], httpMs: [] });
  s.ms.push(ms);
  s.requests.push(requests);
  s.bytes.push(bytes);
  s.httpMs.push(http);
}

async function mkcol(server: WebdavServer, folder: string): Promise<void> {
  const res = await fetch(`${server.url}${folder}/`, {
    method: 'MKCOL',
    headers: { Authorization: `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}` },
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`MKCOL ${folder} on ${server.name}: ${res.status}`);
}

/** Waits until the request log has every request of the step (finished events can trail). */
async function settle(d: Device, from: number, expected: (reqs: LoggedRequest[]) => boolean): Promise<LoggedRequest[]> {
  for (let i = 0; i < 100; i++) {
    const reqs = d.log.slice(from);
    if (expected(reqs)) return reqs;
    await new Promise((r) => setTimeout(r, 20));
  }
  return d.log.slice(from);
}

async function benchServer(
  server: WebdavServer,
  a: Device,
  library: { id: string; note: string }[],
  extensionDir: string,
  bundle: string,
  runs: Runs,
): Promise<ServerResult> {
  const result: ServerResult = { server: server.name, steps: {}, serviceRequests: [], peerUp: [], peerDown: [] };
  const target = { url: server.url, user: server.user, password: server.password };
  const setup = (folder: string) => ({
    type: 'sync.setup',
    setup: { url: `${server.url}${folder}/`, user: server.user, password: server.password, passphrase: PASSPHRASE },
  });
  const debug = (reqs: LoggedRequest[]) => {
    if (process.env.SYNC_BENCH_DEBUG) log(reqs.map((r) => `${r.method} ${new URL(r.url).pathname}`).join('\n'));
  };

  // A's first syncs, back to back (nothing else is running in A's background meanwhile).
  let folder = '';
  for (let run = 0; run < runs.a; run++) {
    folder = `run${run + 1}`;
    await mkcol(server, folder);
    const before = snapshot(server.dir);
    const mark = a.log.length;
    // Set-up again on a new folder: the device forgets what it pushed, so the whole library goes.
    const s = await send(a, setup(folder));
    result.serviceRequests.push(s.answer.data?.status?.lastRequests ?? -1);
    // Set-up's own: PROPFIND of the folder and of Sourcemark/, MKCOL, keys.json's PUT and MOVE.
    const reqs = await settle(a, mark, (r) => r.length >= 5 + (s.answer.data?.status?.lastRequests ?? 0));
    debug(reqs);
    const parts = splitSetup(reqs, s);
    checkCount(result.serviceRequests.at(-1)!, parts, `${server.name} A run ${run + 1}`);
    const bytes = written(before, snapshot(server.dir), partOf);
    add(result, 'setup-a', s.ms, reqs.length, (bytes.setup ?? 0) + (bytes.sync ?? 0) + (bytes.backup ?? 0), httpMs(reqs));
    add(result, 'first-a', parts.sync.ms, parts.sync.requests, bytes.sync ?? 0, parts.sync.httpMs);
    add(result, 'backup-a', parts.backup.ms, parts.backup.requests, bytes.backup ?? 0, parts.backup.httpMs);
    log(`${server.name} run ${run + 1}: A set-up ${s.ms.toFixed(0)} ms (sync ${parts.sync.ms.toFixed(0)}, backup ${parts.backup.ms.toFixed(0)})`);
  }

  // Then, on the last folder, one note edited and "Sync now", and "Sync now" with nothing new.
  // An edit also starts the background's own sync 5 s later (a timer each edit restarts): it
  // finds nothing pending then, while A only serves the peer below, and does nothing.
  for (let run = 0; run < runs.a; run++) {
    const victim = library[(run * 997) % library.length]!;
    await send(a, { type: 'annotation.update', id: victim.id, patch: { note: `${victim.note} 改过 ${run + 1}`.trim() } });
    const before = snapshot(server.dir);
    let mark = a.log.length;
    const one = await send(a, { type: 'sync.now' });
    const oneRequests = one.answer.data?.status?.lastRequests ?? -1;
    const oneReqs = await settle(a, mark, (r) => r.length >= oneRequests);
    debug(oneReqs);
    add(result, 'one-change', one.ms, oneRequests, Object.values(written(before, snapshot(server.dir), partOf)).reduce((x, y) => x + y, 0), httpMs(oneReqs));

    mark = a.log.length;
    const none = await send(a, { type: 'sync.now' });
    const noneRequests = none.answer.data?.status?.lastRequests ?? -1;
    add(result, 'no-change-a', none.ms, noneRequests, 0, httpMs(await settle(a, mark, (r) => r.length >= noneRequests)));
  }

  for (let run = 0; run < runs.peer; run++) {
    const up = await call(a, 'peerUpload', target, `peer${run + 1}`);
    result.peerUp.push(up);
    add(result, 'peer-up', up.ms, up.requests, up.bytes, up.putMs);
    const down = await call(a, 'peerDownload', target, `peer${run + 1}`);
    result.peerDown.push(down);
    add(result, 'peer-down', down.ms, down.requests, 0, down.getMs);
  }

  // B reads the last folder: A's base file and its change files.
  for (let run = 0; run < runs.b; run++) {
    const b = await openDevice(extensionDir, bundle);
    try {
      const before = snapshot(server.dir);
      const s = await send(b, setup(folder));
      // Set-up's own: PROPFIND of the folder and of Sourcemark/, GET keys.json.
      const reqs = await settle(b, 0, (r) => r.length >= 3 + (s.answer.data?.status?.lastRequests ?? 0));
      debug(reqs);
      const parts = splitSetup(reqs, s);
      checkCount(s.answer.data?.status?.lastRequests ?? -1, parts, `${server.name} B run ${run + 1}`);
      const bytes = written(before, snapshot(server.dir), partOf);
      add(result, 'setup-b', s.ms, reqs.length, Object.values(bytes).reduce((x, y) => x + y, 0), httpMs(reqs));
      add(result, 'first-b', parts.sync.ms, parts.sync.requests, bytes.sync ?? 0, parts.sync.httpMs);
      log(`${server.name} run ${run + 1}: B set-up ${s.ms.toFixed(0)} ms (sync ${parts.sync.ms.toFixed(0)})`);
      const mark = b.log.length;
      const none = await send(b, { type: 'sync.now' });
      const noneRequests = none.answer.data?.status?.lastRequests ?? -1;
      add(result, 'no-change-b', none.ms, noneRequests, 0, httpMs(await settle(b, mark, (r) => r.length >= noneRequests)));
      const count = await b.worker.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('sourcemark');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('annotations').objectStore('annotations').count();
              req.onsuccess = () => {
                open.result.close();
                resolve(req.result);
              };
              req.onerror = () => reject(req.error);
            };
          }),
      );
      if (count !== library.length) throw new Error(`device B has ${count} annotations after its first sync, not ${library.length}`);
    } finally {
      await b.close();
    }
  }
  return result;
}

/** How many times each device runs per server: A's set-up, the peer, B (a new profile each). */
export interface Runs {
  a: number;
  peer: number;
  b: number;
}

/**
 * Defaults that keep the section near 90 s on 2 busy cores: B's first sync alone is about 10 s
 * and a new browser profile, so once per server; A's set-up, 6 to 7 s, three times.
 */
export const DEFAULT_RUNS: Runs = { a: 3, peer: 2, b: 1 };

export async function runSyncBrowserBench(opts: { runs?: Partial<Runs>; count?: number; servers?: Array<'rclone' | 'apache'> } = {}): Promise<SyncBrowserReport> {
  const runs: Runs = { ...DEFAULT_RUNS, ...opts.runs };
  const { count = SYNC_ANNOTATIONS, servers = ['rclone', 'apache'] } = opts;
  const t0 = performance.now();
  const library = makeSyncLibrary(count);
  const bundle = await bundleEntry();
  const extensionDir = grantingCopy();
  let a: Device | null = null;
  try {
    a = await openDevice(extensionDir, bundle);
    const chromiumVersion = a.context.browser()?.version() ?? (await a.worker.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
    const pbkdf2Ms: number[] = [];
    for (let i = 0; i < 3; i++) pbkdf2Ms.push(await call(a, 'pbkdf2'));
    const fill = await call(a, 'fill', library);
    log(`A filled with ${library.length} annotations in ${fill.ms.toFixed(0)} ms; PBKDF2 ${pbkdf2Ms.map((x) => x.toFixed(0)).join(', ')} ms`);
    const results: ServerResult[] = [];
    for (const name of servers) {
      const server = name === 'rclone' ? await startRclone() : await startApache();
      try {
        results.push(await benchServer(server, a, library, extensionDir, bundle, runs));
      } finally {
        await server.close();
      }
    }
    const breakdown = await call(a, 'breakdown', 3);
    return {
      chromium: chromiumVersion,
      annotations: library.length,
      libraryJsonBytes: Buffer.byteLength(JSON.stringify(library)),
      withNotes: library.filter((x) => x.note).length,
      fillMs: fill.ms,
      runs,
      pbkdf2Ms,
      servers: results,
      breakdown,
      totalMs: performance.now() - t0,
    };
  } finally {
    await a?.close();
    fs.rmSync(extensionDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runSyncBrowserBench();
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  process.exit(0);
}
