/**
 * Real WebDAV servers for the sync tests, from Debian's packages: rclone (`rclone serve webdav`) and
 * Apache httpd with mod_dav. They disagree on conditional requests (see
 * /work/shared/notes/webdav.md and tests/e2e/webdav-remote.e2e.ts), which is why the tests run
 * against both rather than against a model alone. Each listens on 127.0.0.1 at a free port and
 * serves its own temporary folder, which a test may read and damage directly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface WebdavServer {
  name: 'rclone' | 'apache';
  /** The served folder's URL, ending in `/`. */
  url: string;
  user: string;
  password: string;
  /** The folder on disk behind `url`. */
  dir: string;
  /** Stops the server and keeps its files, so that `start()` can bring it back. */
  stop(): Promise<void>;
  /** Starts it again on the same port, serving the same folder. */
  start(): Promise<void>;
  /** Stops it and deletes its temporary folders. */
  close(): Promise<void>;
}

const USER = 'u';
const PASSWORD = 'p';
const INSTALL = 'install with apt-get install rclone apache2 apache2-utils';
const RCLONE = '/usr/bin/rclone';
const APACHE = '/usr/sbin/apache2';
const HTPASSWD = '/usr/bin/htpasswd';
const APACHE_MODULES = '/usr/lib/apache2/modules';
/** How long a server may take to answer after starting; both need well under a second here. */
const READY_MS = 15_000;

export async function startRclone(): Promise<WebdavServer> {
  requireBinary(RCLONE, 'rclone');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-rclone-'));
  const dir = path.join(tmp, 'root');
  fs.mkdirSync(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const args = ['serve', 'webdav', dir, '--addr', `127.0.0.1:${port}`, '--user', USER, '--pass', PASSWORD,
    '--etag-hash', 'MD5', '--config', path.join(tmp, 'rclone.conf')];
  const command = `rclone ${args.join(' ')}`;
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    if (child) return;
    const proc = spawn(RCLONE, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    const stderr = collect(proc);
    let exited: string | null = null;
    proc.on('exit', (code, signal) => {
      exited = `exited with ${signal ?? `code ${code}`}`;
      if (child === proc) child = null;
    });
    proc.on('error', (e) => void (exited = `could not start: ${e.message}`));
    await waitUntilServing(url, command, () => exited, () => stderr.text());
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    child = null;
    await kill(proc);
  };

  await start();
  return {
    name: 'rclone',
    url,
    user: USER,
    password: PASSWORD,
    dir,
    start,
    stop,
    async close() {
      await stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function startApache(): Promise<WebdavServer> {
  requireBinary(APACHE, 'apache2');
  requireBinary(HTPASSWD, 'htpasswd (apache2-utils)');
  if (!fs.existsSync(path.join(APACHE_MODULES, 'mod_dav_fs.so'))) {
    throw new Error(`${APACHE_MODULES}/mod_dav_fs.so is missing: ${INSTALL}`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-apache-'));
  const dir = path.join(tmp, 'root');
  for (const d of [dir, path.join(tmp, 'lock'), path.join(tmp, 'run')]) fs.mkdirSync(d);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const conf = path.join(tmp, 'httpd.conf');
  const asRoot = process.getuid?.() === 0;
  fs.writeFileSync(conf, apacheConf(tmp, port, asRoot));
  run(HTPASSWD, ['-bc', path.join(tmp, 'htpasswd'), USER, PASSWORD]);
  if (asRoot) {
    // Apache reads the password file and writes the files as www-data once it drops root; mkdtemp
    // made the folder 0700, so www-data could not even reach them.
    fs.chmodSync(tmp, 0o755);
    run('chown', ['-R', 'www-data:www-data', dir, path.join(tmp, 'lock'), path.join(tmp, 'htpasswd')]);
  }
  const errorLog = path.join(tmp, 'error.log');
  const pidFile = path.join(tmp, 'httpd.pid');
  const logTail = (): string => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8').split('\n').slice(-15).join('\n') : '');

  const start = async (): Promise<void> => {
    const command = `${APACHE} -f ${conf} -k start`;
    const r = spawnSync(APACHE, ['-f', conf, '-k', 'start'], { encoding: 'utf8', timeout: READY_MS });
    if (r.error || r.status !== 0) {
      throw new Error(`${command} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr}${r.stdout}\n${logTail()}`);
    }
    // `-k start` returns once the parent has forked into the background, before it listens.
    await waitUntilServing(url, command, () => null, () => `${r.stderr}\n${logTail()}`);
  };

  const stop = async (): Promise<void> => {
    const pid = readPid(pidFile);
    if (pid === null) return;
    const r = spawnSync(APACHE, ['-f', conf, '-k', 'stop'], { encoding: 'utf8', timeout: READY_MS });
    if (r.error || r.status !== 0) {
      throw new Error(`${APACHE} -f ${conf} -k stop failed: ${r.error?.message ?? r.stderr}`);
    }
    // `-k stop` only signals the parent; the port is free once it and its children are gone.
    await waitFor(() => !alive(pid), `apache (pid ${pid}) did not exit after -k stop`);
  };

  await start();
  return {
    name: 'apache',
    url,
    user: USER,
    password: PASSWORD,
    dir,
    start,
    stop,
    async close() {
      await stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Both servers, for `describe.each`. */
export const SERVERS = [
  { name: 'rclone', start: startRclone },
  { name: 'apache', start: startApache },
] as const;

function apacheConf(tmp: string, port: number, asRoot: boolean): string {
  const mods = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'authz_user', 'auth_basic', 'dav', 'dav_fs'];
  return [
    'ServerRoot "/usr/lib/apache2"',
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    // mod_unixd is compiled into Debian's apache2: loading it again is an error.
    ...mods.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`),
    // Only root can switch user; as anyone else Apache would warn and stay who it is.
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    // One process is plenty for a test, on a two-core machine shared with Chromium.
    'StartServers 1',
    `PidFile ${tmp}/httpd.pid`,
    `ErrorLog ${tmp}/error.log`,
    `DefaultRuntimeDir ${tmp}/run`,
    `DavLockDB ${tmp}/lock/DavLock`,
    `DocumentRoot ${tmp}/root`,
    `<Directory ${tmp}/root>`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName dav',
    `  AuthUserFile ${tmp}/htpasswd`,
    '  Require valid-user',
    '</Directory>',
    '',
  ].join('\n');
}

function requireBinary(file: string, what: string): void {
  if (!fs.existsSync(file)) throw new Error(`${what} is not installed (${file} missing): ${INSTALL}`);
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  }
}

/** A port nothing listens on now (the kernel's choice); another process could take it first, rarely. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function collect(proc: ChildProcess): { text(): string } {
  let out = '';
  proc.stderr?.on('data', (b: Buffer) => {
    // rclone logs every request error at NOTICE; only the start matters for a failure report.
    if (out.length < 20_000) out += b.toString('utf8');
  });
  return { text: () => out };
}

/**
 * Polls with an authenticated PROPFIND of the root until it gets 207, so "ready" means the whole
 * configuration (password file, folder permissions, DAV) works, not just that a port is open.
 */
async function waitUntilServing(url: string, command: string, exited: () => string | null, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone) throw new Error(`${command} ${gone} before serving:\n${stderr()}`);
    try {
      const res = await fetch(url, {
        method: 'PROPFIND',
        headers: { Depth: '0', Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
        signal: AbortSignal.timeout(2_000),
      });
      await res.arrayBuffer();
      if (res.status === 207) return;
      last = `PROPFIND answered ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}` : String(e);
    }
    await sleep(100);
  }
  throw new Error(`${command} did not serve ${url} within ${READY_MS} ms (last: ${last}):\n${stderr()}`);
}

async function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function readPid(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(done: () => boolean, failure: string): Promise<void> {
  const deadline = Date.now() + READY_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(failure);
    await sleep(50);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
