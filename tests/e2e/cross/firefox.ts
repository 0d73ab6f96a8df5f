/**
 * The cross-browser driver over a real Firefox: Debian's `firefox-esr` (or FIREFOX_PATH), headless,
 * driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox). The build
 * `.output/firefox-mv2` is installed as a temporary add-on into a fresh profile, and the seeds are
 * served at their real URLs by request interception, as in the Chromium harness.
 *
 * Two ways a request is caught, since page interception sees only what a page's tab loads: every
 * page tab intercepts (served pages answered, `data:` let through, everything else recorded and
 * aborted), and the profile's HTTP and HTTPS proxy is a recorder on 127.0.0.1 that answers 403, so
 * whatever the background or an extension page asks for is recorded too. Together they are the
 * "no network" proof.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { firefoxVersionProblem } from '../../support/firefox-version';
import { ROOT, seedHtml, seedPages } from '../harness';
import { rendered } from './chromium';
import type { Driver, Tab } from './driver';

export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'sourcemark@sourcemark.dev';
/** The add-on's moz-extension UUID, fixed by a pref so tests know its pages' addresses. */
const UUID = '5e2c6a7b-0c1d-4e3f-9a8b-7c6d5e4f3a2b';

/**
 * Hosts Firefox itself calls on start (remote settings: blocklists, certificate lists), which a
 * fresh profile contacts whatever add-on is installed, and which its prefs cannot switch off in
 * ESR 153. They are kept apart from the stray requests, not ignored: `firefoxOwnRequests`.
 */
const FIREFOX_OWN_HOSTS = new Set(['firefox.settings.services.mozilla.com']);

export interface FirefoxLaunch {
  /** The Firefox binary; FIREFOX_PATH, else Debian's firefox-esr. */
  executablePath?: string;
  /**
   * Host patterns the add-on holds from the start, as after the reader granted them: Firefox
   * installs a copy of the build whose manifest lists them (an MV2 manifest's `permissions`), as
   * the Chromium harness's `grantHosts` does.
   */
  grantHosts?: string[];
}

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/** The build's minimum Firefox (`browser_specific_settings.gecko.strict_min_version`). */
export function buildMinVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  const min = manifest.browser_specific_settings?.gecko?.strict_min_version;
  if (!min) throw new Error(`${FIREFOX_EXTENSION_DIR}/manifest.json has no strict_min_version`);
  return min;
}

/** `Mozilla Firefox 153.8.0esr` for `binary`, or an error saying why it cannot run Sourcemark. */
export function checkedFirefox(binary: string): string {
  if (!fs.existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` first`);
  }
  if (!fs.existsSync(binary)) {
    throw new Error(
      `no Firefox at ${binary}: the Firefox e2e tests need one. Install Debian's (\`sudo apt-get install firefox-esr\`; .ci/run does) or set FIREFOX_PATH.`,
    );
  }
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  const problem = firefoxVersionProblem(binary, version, buildMinVersion());
  if (problem) throw new Error(problem);
  return version;
}

export interface FirefoxDriver extends Driver {
  /** Requests to Firefox's own services (see FIREFOX_OWN_HOSTS), for the record. */
  readonly firefoxOwnRequests: string[];
}

export async function launchFirefox(opts: FirefoxLaunch = {}): Promise<FirefoxDriver> {
  const executablePath = opts.executablePath ?? firefoxPath();
  const version = checkedFirefox(executablePath);
  const strayRequests: string[] = [];
  const firefoxOwnRequests: string[] = [];
  const recorder = await startRecorder((url) => {
    (FIREFOX_OWN_HOSTS.has(new URL(url).hostname) ? firefoxOwnRequests : strayRequests).push(url);
  });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-ff-downloads-'));
  const port = (recorder.address() as net.AddressInfo).port;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // Without it Firefox refuses to let the remote protocol navigate to moz-extension:// pages.
      // The tabs' viewport is set per tab where the browser can (see newTab); this is the fallback.
      args: ['--remote-allow-system-access', '--window-size=1280,900'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        // What navigator.language reports: the pages and the popup speak Chinese, as in Chromium.
        'intl.accept_languages': 'zh-CN, zh',
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // Firefox's own probes of the network (ESR 140 makes them on start), not Sourcemark's.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // Exports land here, without a dialog.
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      },
    });
  } catch (err) {
    recorder.close();
    throw err;
  }
  const copy = opts.grantHosts?.length ? grantingCopy(opts.grantHosts) : null;
  await browser.installExtension(copy ?? FIREFOX_EXTENSION_DIR);
  const origin = `moz-extension://${UUID}`;
  const pages = new Map<string, string>(seedPages().map((p) => [p.url, seedHtml(p.file)]));

  const intercept = (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith(`${origin}/`)) return void request.continue();
    const body = pages.get(stripHash(url));
    if (body !== undefined) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    strayRequests.push(url);
    return void request.abort();
  };
  const newTab = async (intercepted: boolean): Promise<Page> => {
    const page = await browser.newPage();
    // As in Chromium. ESR 140's BiDi lacks a command setViewport uses: it keeps the window's size.
    await page.setViewport({ width: 1280, height: 900 }).catch(() => undefined);
    if (intercepted) {
      await page.setRequestInterception(true);
      page.on('request', intercept);
    }
    return page;
  };

  return {
    browser: 'firefox',
    version,
    extensionOrigin: origin,
    strayRequests,
    firefoxOwnRequests,
    serve: (url, html) => void pages.set(stripHash(url), html),
    async open(url) {
      const page = await newTab(true);
      await page.goto(url, { waitUntil: 'load' });
      return tabOf(page, origin, downloads);
    },
    async openExtensionPage(file) {
      const page = await newTab(false);
      // Firefox never reports that a moz-extension:// navigation finished: wait for the page's text.
      await page.goto(`${origin}/${file}`, { waitUntil: [], timeout: 5_000 }).catch(() => undefined);
      const tab = tabOf(page, origin, downloads);
      await rendered(tab);
      return tab;
    },
    async close() {
      await browser.close();
      recorder.close();
      fs.rmSync(downloads, { recursive: true, force: true });
      if (copy) fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}

function tabOf(page: Page, origin: string, downloads: string): Tab {
  return {
    url: () => page.url(),
    // puppeteer's evaluate takes any serialisable arguments; this interface's is one of them.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    async extensionFrameEvaluate(file, fn, arg) {
      // puppeteer may keep reporting a frame's first address (about:blank) after it navigated to
      // the extension's page: each frame is asked where it is.
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const at = await frame.evaluate(() => location.href).catch(() => null);
        if (!at?.startsWith(`${origin}/${file}`)) continue;
        // A frame that went away between the lookup and the call is "none": callers poll.
        return frame.evaluate(fn as (a: unknown) => never, arg).catch(() => null);
      }
      return null;
    },
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    type: (text) => page.keyboard.type(text),
    async press(key, modifiers = []) {
      for (const m of modifiers) await page.keyboard.down(m);
      // puppeteer names keys with a literal union; the names used here are among them.
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
      for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
    },
    async setInputFile(selector, file) {
      const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no ${selector} in ${page.url()}`);
      await input.uploadFile(file);
    },
    nextDownload() {
      // Taken now, before the click that starts the download.
      const before = new Set(fs.readdirSync(downloads));
      return (async () => {
        // Generous: on a loaded machine Firefox has taken over 10 s to finish a small download.
        const deadline = Date.now() + 30_000;
        let lastSize = -1;
        for (;;) {
          const names = fs.readdirSync(downloads);
          // Firefox writes `name.part` and an empty `name` at first, and moves the data over at the end.
          const done = names.find((n) => !before.has(n) && !n.endsWith('.part') && !names.includes(`${n}.part`));
          const size = done ? fs.statSync(path.join(downloads, done)).size : 0;
          if (done && size > 0 && size === lastSize) return fs.readFileSync(path.join(downloads, done), 'utf8');
          lastSize = size;
          if (Date.now() > deadline) {
            // What the browser itself knows of its downloads, for the message.
            const seen = await page.evaluate(() => (globalThis as unknown as { browser: { downloads: { search(q: object): Promise<unknown> } } }).browser.downloads.search({})).catch((e: unknown) => String(e));
            throw new Error(`no download finished in ${downloads} (${fs.readdirSync(downloads).join(', ')}); the browser's downloads: ${JSON.stringify(seen)}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
    },
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    close: () => page.close(),
  };
}

/**
 * A proxy that serves nothing: it records the URL of every request that reaches it (a CONNECT's
 * host for HTTPS, the absolute URL for HTTP) and answers 403.
 */
function startRecorder(record: (url: string) => void): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      const [method, target] = chunk.toString('latin1').split('\r\n')[0]!.split(' ');
      record(method === 'CONNECT' ? `https://${target}/` : (target ?? '?'));
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** A copy of the Firefox build, in a temporary folder, whose manifest grants `hosts` (see `grantHosts`). */
function grantingCopy(hosts: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-ff-granted-'));
  fs.cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { permissions?: string[] };
  manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
  fs.writeFileSync(file, JSON.stringify(manifest));
  return dir;
}
