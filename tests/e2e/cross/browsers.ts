import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import type { BrowserName, Driver } from './driver';
import { launchFirefox } from './firefox';

/** The browsers every cross-browser test file runs in, one `describe.each` block each. */
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** A fresh profile of `browser` with the build installed, seeds served; `grantHosts` as if the reader granted them. */
export function launchBrowser(browser: BrowserName, opts: { grantHosts?: string[] } = {}): Promise<Driver> {
  return browser === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

/**
 * The browser of one `describe` block: launched before its tests, closed after them (one launch
 * per block keeps the run short). The object is filled in when the browser is up; setup that
 * needs it goes in a `beforeAll` registered after this call.
 */
export function useBrowser(browser: BrowserName, opts: { grantHosts?: string[] } = {}): Driver {
  const d = {} as Driver;
  beforeAll(async () => {
    const launched = await launchBrowser(browser, opts);
    // The driver's getters and fields, copied onto the object the tests already hold.
    Object.defineProperties(d, Object.getOwnPropertyDescriptors(launched));
  }, 120_000);
  afterAll(async () => {
    await d.close?.();
  });
  return d;
}
