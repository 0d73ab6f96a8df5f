/**
 * What the cross-browser tests ask of a browser, and nothing more: the same test bodies run in
 * Chromium (Playwright, tests/e2e/harness.ts) and in Firefox (puppeteer-core over WebDriver BiDi),
 * each implementing this. Everything a test does to the page goes through the page's main world,
 * the mouse and the keyboard, which both drivers have, so what passes is what a reader (or a
 * hostile page) could do in either browser.
 */

export type BrowserName = 'chromium' | 'firefox';

/** A top-level tab: a web page or an extension page. */
export interface Tab {
  /** The tab's address now. */
  url(): string;
  /**
   * Runs `fn` in the page's main world (for a web page, the world of the page's own scripts, not
   * Sourcemark's) and returns its JSON-serialisable result.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs `fn` in the first frame of the tab showing the extension's page `path` (Sourcemark's
   * note frame: the test's view of it, which the page itself cannot have), or resolves null when
   * there is none, or it went away meanwhile.
   */
  extensionFrameEvaluate<R, A = undefined>(path: string, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R | null>;
  /** Real (trusted) mouse input, in CSS pixels of the viewport. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  /** Types text key by key into whatever has focus (in any frame, the note frame included). */
  type(text: string): Promise<void>;
  /** Presses one key (a name such as `Enter`, `Escape`, `Shift`), holding `modifiers`. */
  press(key: string, modifiers?: ('Control' | 'Shift' | 'Alt')[]): Promise<void>;
  /** Gives the file at `file` to the first `<input type=file>` matching `selector`. */
  setInputFile(selector: string, file: string): Promise<void>;
  /**
   * Waits for the next file the browser downloads (call before the click that starts it) and
   * resolves with its text once it is complete.
   */
  nextDownload(): Promise<string>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly browser: BrowserName;
  /** The browser's own version string (from its `--version` or the protocol). */
  readonly version: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: where the extension's pages live. */
  readonly extensionOrigin: string;
  /**
   * URLs the browser, the pages or the extension asked for that nothing served: must stay empty.
   * Served pages, `data:` URLs and the extension's own files are not in it.
   */
  readonly strayRequests: string[];
  /** Serve `html` at `url` (replacing any earlier body for that URL). */
  serve(url: string, html: string): void;
  /** Opens `url` in a new tab and resolves after its `load` event. */
  open(url: string): Promise<Tab>;
  /** Opens an extension page (`popup.html`) in a new tab and resolves once its body has rendered. */
  openExtensionPage(path: string): Promise<Tab>;
  close(): Promise<void>;
}
