/**
 * The seed pages as documents, for unit tests: read from seeds/ and parsed in a happy-dom window
 * of their own that loads nothing (no scripts, styles or frames). Its console is captured:
 * happy-dom reports each iframe it declines to load (the desktop ad slot's `about:blank`) as a
 * console error, which would only be noise in the test output; tests that care read it here.
 */
import fs from 'node:fs';
// Node's URL, not happy-dom's global one (which resolves file: URLs against http://localhost).
import { URL as NodeURL } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll } from 'vitest';

export const seedUrl = (name: string) => new NodeURL(`../../seeds/${name}`, import.meta.url);
export const readSeed = (file: string) => fs.readFileSync(seedUrl(file), 'utf8');
/** seeds/pages.json as written; each test file states the fields it reads. */
export const seedEntries = <T>() => JSON.parse(readSeed('pages.json')) as T[];

export const consoleMessages: string[] = [];
const capture = (...args: unknown[]) => void consoleMessages.push(args.map(String).join(' '));
const seedWindow = new Window({
  console: { ...console, log: capture, info: capture, warn: capture, error: capture, debug: capture } as Console,
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
  },
});
afterAll(() => seedWindow.happyDOM.close());

export const parseSeed = (html: string) => new seedWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
