import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { chromePath, launch, serveSeeds } from '../harness';
import type { Driver, Tab } from './driver';

/**
 * The cross-browser driver over the Chromium harness (tests/e2e/harness.ts): the same build, the
 * same request interception (seeds at their real URLs, every other request recorded and aborted).
 */
export async function launchChromium(opts: { grantHosts?: string[] } = {}): Promise<Driver> {
  const h = await launch({ locale: 'zh-CN', grantHosts: opts.grantHosts });
  serveSeeds(h);
  const origin = `chrome-extension://${h.extensionId}`;
  return {
    browser: 'chromium',
    version: execFileSync(chromePath(), ['--version'], { encoding: 'utf8' }).trim(),
    extensionOrigin: origin,
    strayRequests: h.strayRequests,
    serve: (url, html) => h.serve(url, html),
    open: async (url) => tabOf(await h.open(url), origin),
    async openExtensionPage(path) {
      const tab = tabOf(await h.open(`${origin}/${path}`), origin);
      await rendered(tab);
      return tab;
    },
    close: () => h.close(),
  };
}

/** Waits until an extension page's app has put text in its body (Preact renders after load). */
export async function rendered(tab: Tab, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await tab.evaluate(() => document.body?.innerText.trim().length ?? 0).catch(() => 0)) === 0) {
    if (Date.now() > deadline) throw new Error(`${tab.url()} rendered nothing within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function tabOf(page: Page, origin: string): Tab {
  return {
    url: () => page.url(),
    // Playwright's own signature is generic over serialisable arguments; this interface's is narrower.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    async extensionFrameEvaluate(file, fn, arg) {
      // Chromium frames report the extension's real origin, whatever dynamic URL the src had.
      const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(`${origin}/${file}`));
      // A frame that went away between the lookup and the call is "none": callers poll.
      return frame ? frame.evaluate(fn as (a: unknown) => never, arg).catch(() => null) : null;
    },
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    type: (text) => page.keyboard.type(text),
    press: (key, modifiers = []) => page.keyboard.press([...modifiers, key].join('+')),
    setInputFile: (selector, file) => page.locator(selector).first().setInputFiles(file),
    async nextDownload() {
      const download = await page.waitForEvent('download');
      return fs.readFileSync(await download.path(), 'utf8');
    },
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    close: () => page.close(),
  };
}
