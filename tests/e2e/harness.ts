/**
 * Loads the built extension into Debian's Chromium with playwright-core and serves the seed pages
 * at their real URLs by request interception. Every request that is not a seed page is recorded
 * and aborted: the seeds have no external resources, so anything recorded came from somewhere it
 * should not (the extension makes no network requests at all, except to a sync server the reader
 * set up: the sync tests let their local server through with a route of their own, see sync-steps.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PlatformId, SelfMediaPage } from '../../components/vocabulary/page-kinds';
import { findChromium, isFound, notFoundMessage } from '../support/find-chromium';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');

/** An entry of seeds/pages.json (the fields are described in seeds/README.md). */
export interface SeedPage {
  file: string;
  url: string;
  platform: PlatformId | null;
  kind: 'self-media' | 'editorial' | 'other';
  /** The expected `data-sourcemark-page`. */
  page: SelfMediaPage | null;
  layout: 'desktop' | 'mobile';
  account: string | null;
  bodySelector: string;
  statement: boolean;
  /** Every element that must be marked as the statement, and no other. */
  statementSelector: string | null;
  /** The author's own 声明 line, which must not be marked. */
  authorStatementSelector: string | null;
}

export function seedPages(): SeedPage[] {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/pages.json'), 'utf8')) as SeedPage[];
}

export function seed(file: string): SeedPage {
  const page = seedPages().find((p) => p.file === file);
  if (!page) throw new Error(`no seed page ${file} in seeds/pages.json`);
  return page;
}

export function seedHtml(file: string): string {
  return fs.readFileSync(path.join(ROOT, 'seeds', file), 'utf8');
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** URLs the browser asked for that no route served: must stay empty. */
  strayRequests: string[];
  /** Serve `html` at `url` (replacing any earlier body for that URL), with extra response headers. */
  serve(url: string, html: string, headers?: Record<string, string>): void;
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

let chosen: string | undefined;

/** A Chromium that loads extensions (tests/support/find-chromium.ts), or an error saying how to get one. */
export function chromePath(): string {
  if (chosen) return chosen;
  const found = findChromium();
  if (!isFound(found)) throw new Error(notFoundMessage(found));
  chosen = found.path;
  return chosen;
}

/**
 * Chromium's flags for a test or bench browser: this build only (or no extension at all, for a
 * peer), and none of Chromium's own background requests, which this machine's closed network
 * refuses and which would blur what the extension itself sends.
 */
export function chromiumArgs(extensionDir: string | null, locale = 'zh-CN'): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
    `--lang=${locale}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export interface LaunchOptions {
  locale?: string;
  headless?: boolean;
  /** Lets the browser serve the files content scripts import (see the route below); for the bench. */
  browserServesImports?: boolean;
  /**
   * Host patterns the extension holds from the start, e.g. `['http://127.0.0.1/*']` for the sync
   * tests' local WebDAV servers. Sync asks for its server's host permission with
   * `permissions.request` from the options page, and headless Chromium shows that prompt where no
   * one can answer it: the promise never settles. So the browser loads a copy of the build whose
   * manifest already grants these patterns; the options page's request then resolves `true` at
   * once, as it does after a reader clicks *Allow*. The copy has its own extension id (read from
   * its service worker, as for the build itself). Without this option the build is loaded as it is.
   */
  grantHosts?: string[];
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension at ${EXTENSION_DIR}: run \`npx wxt build\` first`);
  }
  const copyDir = opts.grantHosts?.length ? grantingCopy(opts.grantHosts) : null;
  const extensionDir = copyDir ?? EXTENSION_DIR;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-e2e-'));
  const locale = opts.locale ?? 'zh-CN';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: opts.headless ?? true,
    locale,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extensionDir, locale),
  });
  const pages = new Map<string, { body: string; headers: Record<string, string> }>();
  const strayRequests: string[] = [];
  let extensionOrigin: string | null = null;
  const webAccessible = webAccessibleFiles(extensionDir);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const served = pages.get(stripHash(url));
    if (served !== undefined) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', ...served });
      return;
    }
    // The web-accessible files a content script imports at Chrome's per-session dynamic URL
    // (another host than the extension's id: the article module, entrypoints/article-loader.ts).
    // With `browserServesImports` they go on to the browser, which then serves and compiles them
    // as it does with no interception at all (streamed to a background thread's compiler), as the
    // bench measures; it loads one page at a time, and in this Chromium a request let through
    // while another tab of the same page loads is sometimes never answered. Otherwise they are
    // answered from the build, like the rest.
    const imported = isWebAccessible(webAccessible, url);
    if (imported && opts.browserServesImports) {
      await route.continue();
      return;
    }
    // In this Chromium the catch-all route also sees the scripts and styles that extension pages
    // (popup.html, the note frame note.html) load from the extension: answer them from the build.
    const ours = extensionOrigin && url.startsWith(`${extensionOrigin}/`);
    const file = ours || imported ? builtFile(extensionDir, url) : null;
    if (file) {
      await route.fulfill({ status: 200, contentType: typeOf(file), body: fs.readFileSync(file) });
      return;
    }
    strayRequests.push(url);
    await route.abort('blockedbyclient');
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  extensionOrigin = `chrome-extension://${extensionId}`;
  return {
    context,
    worker,
    extensionId,
    strayRequests,
    serve: (url, html, headers = {}) => void pages.set(stripHash(url), { body: html, headers }),
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.json': 'application/json',
};

function typeOf(file: string): string {
  return TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** The build's web-accessible files, as its manifest lists them. */
export function webAccessibleFiles(dir: string): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: Array<{ resources: string[] } | string>;
  };
  return new Set((manifest.web_accessible_resources ?? []).flatMap((r) => (typeof r === 'string' ? [r] : r.resources)));
}

/** Whether `url` is a chrome-extension:// address of one of `files`. */
function isWebAccessible(files: Set<string>, url: string): boolean {
  return url.startsWith('chrome-extension://') && files.has(decodeURIComponent(new URL(url).pathname).slice(1));
}

/** The file of the build (at `dir`) an extension URL names, or null (outside the build, or missing). */
function builtFile(dir: string, url: string): string | null {
  const rel = decodeURIComponent(new URL(url).pathname);
  const file = path.join(dir, path.normalize(rel));
  return file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/** A copy of the build, in a temporary folder, whose manifest grants `hosts` (see `grantHosts`). */
function grantingCopy(hosts: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-granted-'));
  fs.cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  fs.writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** Serves every seed page at its URL. */
export function serveSeeds(h: Harness): void {
  for (const p of seedPages()) h.serve(p.url, seedHtml(p.file));
}
