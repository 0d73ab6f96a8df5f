import type { Page } from 'playwright-core';
import { seed, seedHtml, type Harness } from './harness';

/**
 * What a hostile page can do and see, for the security and robustness tests: variants of the
 * seed article at their own URLs, a selection made the keyboard way, and probes that run in the
 * page's main world (where `page.evaluate` runs: the page's own JavaScript, not Sourcemark's).
 */

/**
 * What the content script says about its page (`content.status`): only what the tests read is
 * typed; the rest of the answer is kept as sent.
 */
export interface SourcemarkStatus {
  url: string;
  ready: boolean;
  [key: string]: unknown;
}

type TabsApi = {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
};

/**
 * Waits until Sourcemark's content script in `page` says it is done (`ready`: settings applied,
 * the page's annotations loaded and painted), and returns what it said. Absence checks ("nothing
 * is marked") start from here, not after a guessed sleep: a check made before the content script
 * finished would pass whether or not it would have marked something.
 *
 * The service worker asks every tab with `content.status` and takes the answers whose `url` is the
 * page's: without the `tabs` permission or a host permission Chrome hides tabs' URLs from the
 * extension (`tabs.query` gives none), but the content script reports its own. Every tab on that
 * URL must have answered, and be ready. Only for pages Sourcemark runs on: elsewhere nothing
 * answers, and this throws.
 */
export async function waitForSourcemark(
  h: Pick<Harness, 'worker'>,
  page: Page,
  { timeout = 15_000 }: { timeout?: number } = {},
): Promise<SourcemarkStatus> {
  const url = withoutHash(page.url());
  const deadline = Date.now() + timeout;
  let last = 'no tab answered for this URL';
  for (;;) {
    const answers = await h.worker.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: TabsApi }).chrome;
      const all = await tabs.query({});
      return Promise.all(
        all.map(async (t) => {
          if (t.id === undefined) return null;
          try {
            return { tabUrl: t.url ?? null, status: await tabs.sendMessage(t.id, { type: 'content.status' }) };
          } catch {
            return null; // no content script in that tab
          }
        }),
      );
    });
    const mine = answers.flatMap((a) => {
      if (!a || typeof a.status !== 'object' || a.status === null) return [];
      const status = a.status as SourcemarkStatus;
      const at = typeof status.url === 'string' ? status.url : a.tabUrl;
      return at !== null && withoutHash(at) === url ? [status] : [];
    });
    // Every open page at this URL must have answered: a page whose script is still on its way
    // (Chrome's article module loads after the page) must not be taken for one already done.
    const open = page.context().pages().filter((p) => !p.isClosed() && withoutHash(p.url()) === url).length;
    if (mine.length >= open && mine.length > 0) {
      if (mine.every((s) => s.ready === true)) return mine[0]!;
      last = `answered, not ready: ${JSON.stringify(mine.find((s) => s.ready !== true))}`;
    }
    if (Date.now() > deadline) {
      throw new Error(`Sourcemark never said it was ready on ${url} within ${timeout} ms (${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export const SEED = seed('netease-hao-desktop.html');
const SEED_ID = 'KKG7R2LD0525KQ8M';
const ACCOUNT = SEED.account!;

/**
 * The desktop seed article at another article id (so its annotations are its own: canonical
 * link and every URL move with it), edited by `edit`.
 */
export function seedVariant(id: string, edit: (html: string) => string = (h) => h): { url: string; html: string } {
  if (!/^[A-Z0-9]{16}$/.test(id)) throw new Error(`article ids are 16 of [A-Z0-9]: ${id}`);
  return { url: SEED.url.replace(SEED_ID, id), html: edit(seedHtml(SEED.file).replaceAll(SEED_ID, id)) };
}

/** Puts `html` at the start of <head>: it runs before the content script (document_idle). */
export function inHead(html: string, inject: string): string {
  return html.replace(/<head>/i, `<head>${inject}`);
}

/** Puts paragraphs at the start of the article body. */
export function inBody(html: string, paragraphs: string): string {
  return html.replace('<div class="post_body">', `<div class="post_body">${paragraphs}`);
}

/** Replaces the account name everywhere (the banner names it). */
export function withAccount(html: string, escapedName: string): string {
  return html.replaceAll(ACCOUNT, escapedName);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Selects the whole text of the element `selector` (or `text` inside it, in one text node) and
 * releases Shift, the way a keyboard reader ends a selection: Sourcemark shows its toolbar.
 * Unlike a mouse drag this works for any text, bidi overrides and very long lines included.
 */
export async function keyboardSelect(page: Page, selector: string, text?: string): Promise<string> {
  await page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no element ${selector}`);
      const range = document.createRange();
      if (text === undefined) {
        range.selectNodeContents(el);
      } else {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let found = false;
        for (let n = walker.nextNode(); n && !found; n = walker.nextNode()) {
          const i = (n.nodeValue ?? '').indexOf(text);
          if (i < 0) continue;
          range.setStart(n, i);
          range.setEnd(n, i + text.length);
          found = true;
        }
        if (!found) throw new Error(`text not found in one text node of ${selector}: ${text}`);
      }
      el.scrollIntoView({ block: 'center' });
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    { selector, text },
  );
  await page.keyboard.press('Shift');
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/**
 * The XSS sentinel in every frame of the page (the page, its own frames, the note frame): the
 * URLs of frames where any payload's code ran. Frames that went away are skipped.
 */
export async function framesWithXss(page: Page): Promise<string[]> {
  const hit: string[] = [];
  for (const frame of page.frames()) {
    const ran = await frame
      .evaluate(() => (window as { __xss?: unknown }).__xss !== undefined)
      .catch(() => false);
    if (ran) hit.push(frame.url());
  }
  return hit;
}

/** Every dialog (alert, confirm, prompt) the page opens; each is dismissed and recorded. */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return seen;
}

/**
 * Everything the page's own JavaScript can read of the document: every text and comment node,
 * every attribute, every form value, across the document, every open shadow root and every
 * same-origin frame, with the adopted style sheets, title, URL and storage. Cross-origin frames
 * (the note frame) and closed shadow roots are exactly what it cannot enter.
 */
export function pageReadableText(page: Page): Promise<string> {
  return page.evaluate(readableText);
}

/** The in-page function of `pageReadableText`, for drivers other than Playwright's (tests/e2e/cross). */
export function readableText(): string {
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    const walker = document.createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!(n instanceof Element)) {
        out.push(n.nodeValue ?? '');
        continue;
      }
      for (const a of Array.from(n.attributes)) out.push(`${a.name}=${a.value}`);
      if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) out.push(n.value);
      if (n.shadowRoot) visit(n.shadowRoot);
      if (n instanceof HTMLIFrameElement) {
        try {
          if (n.contentDocument) visit(n.contentDocument);
        } catch {
          // another origin: unreadable, which is the point
        }
      }
    }
    for (const sheet of root.adoptedStyleSheets ?? []) {
      for (const rule of Array.from(sheet.cssRules)) out.push(rule.cssText);
    }
  };
  visit(document);
  out.push(document.title, location.href, window.name, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
  return out.join('\n');
}

/**
 * A page script that spies on everything it legitimately can, from the first moment: keys and
 * input events at the window (capture phase, before anyone can stop them), every message posted
 * to the window, and every text, attribute and value that appears in the document or in an open
 * shadow root at any time (a MutationObserver that follows shadow roots as they appear), so even
 * a note shown for an instant would be caught. `window.__spy()` returns what it saw.
 */
export const SPY_SCRIPT = `<script>
(() => {
  const seen = new Set();
  const keys = [];
  const messages = [];
  const take = (node) => {
    if (!node) return;
    if (node.nodeType === 3 || node.nodeType === 8) { seen.add(node.nodeValue); return; }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const els = node.nodeType === 1 ? [node, ...node.querySelectorAll('*')] : [...node.querySelectorAll('*')];
    for (const el of els) {
      for (const a of el.attributes) seen.add(a.name + '=' + a.value);
      if ('value' in el && typeof el.value === 'string') seen.add(el.value);
      for (const c of el.childNodes) if (c.nodeType === 3) seen.add(c.nodeValue);
      if (el.shadowRoot && !el.shadowRoot.__spied) watch(el.shadowRoot);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') seen.add(r.target.nodeValue);
      else if (r.type === 'attributes') take(r.target);
      else for (const n of r.addedNodes) take(n);
    }
  });
  const watch = (root) => {
    root.__spied = true;
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    take(root);
  };
  watch(document);
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend', 'paste', 'copy']) {
    window.addEventListener(type, (e) => keys.push(type + ':' + (e.key ?? '') + (e.data ?? '')), true);
  }
  window.addEventListener('message', (e) => messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)), true);
  window.__spy = () => {
    for (const host of document.querySelectorAll('*')) if (host.shadowRoot) take(host.shadowRoot);
    return { seen: [...seen].join('\\n'), keys, messages };
  };
})();
</script>`;

export interface Spied {
  seen: string;
  keys: string[];
  messages: string[];
}

export function spied(page: Page): Promise<Spied> {
  return page.evaluate(() => (window as unknown as { __spy(): Spied }).__spy());
}

/**
 * Elements that markup in user data would have created, in `frame` (document and every open
 * shadow root, or only inside `scope`): event-handler attributes, javascript:/data:/vbscript: URLs,
 * srcdoc, and the elements XSS payloads bring (script without a bundled src, iframe other than
 * Sourcemark's note frame, object, embed, base, meta refresh, marquee, math, video, audio,
 * noscript, form). Returns a short description of each, so a failure says what got in.
 */
export function injectedMarkup(frame: Pick<Page, 'evaluate'>, scope?: string): Promise<string[]> {
  return frame.evaluate((scope) => {
    const bad: string[] = [];
    const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster'];
    const TAGS = ['object', 'embed', 'base', 'marquee', 'math', 'video', 'audio', 'noscript', 'form', 'svg', 'img', 'details', 'input'];
    const check = (el: Element) => {
      const tag = el.localName;
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on')) bad.push(`${tag}[${name}]`);
        if (name === 'srcdoc') bad.push(`${tag}[srcdoc]`);
        if (URL_ATTRS.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value)) bad.push(`${tag}[${name}=${a.value}]`);
      }
      if (tag === 'script' && !/^(\/|chrome-extension:)/.test(el.getAttribute('src') ?? '')) bad.push('inline script');
      if (tag === 'iframe' && !el.classList.contains('note-frame')) bad.push('iframe');
      if (tag === 'meta' && el.hasAttribute('http-equiv')) bad.push('meta http-equiv');
      if (TAGS.includes(tag) && scope) bad.push(tag);
    };
    const visit = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        check(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    if (scope) {
      for (const el of Array.from(document.querySelectorAll(scope))) {
        check(el);
        visit(el);
      }
      for (const host of Array.from(document.querySelectorAll('[data-sourcemark-ui]'))) if (host.shadowRoot) visit(host.shadowRoot);
    } else {
      visit(document);
    }
    return bad;
  }, scope);
}

/**
 * Whether a Sourcemark content script (the article script at a self-media URL, the annotator
 * where it was injected) is in `page`'s top frame, and if so whether it started (the article's
 * part, or the annotator) or stayed idle. Read through the DevTools protocol, which lists the frame's isolated
 * worlds: the extension's exists exactly when one of its content scripts was injected. An
 * evaluation in that world runs after the script's synchronous start (one thread per frame), and
 * the script decides to stay idle before its first await, so `started` is final when read.
 * Call after the page's `load` event (h.open waits for it): content scripts run before it.
 */
export async function sourcemarkWorld(
  h: Pick<Harness, 'extensionId'>,
  page: Page,
): Promise<{ injected: false } | { injected: true; started: boolean }> {
  const started = await inSourcemarkWorld(h, page, 'globalThis.__sourcemarkStarted === true || globalThis.__sourcemarkArticle?.started() === true');
  return started === NO_WORLD ? { injected: false } : { injected: true, started: started === true };
}

/** What inSourcemarkWorld answers where the frame has no world of the extension. */
export const NO_WORLD = Symbol('no Sourcemark world');

/**
 * Evaluates `expression` in the extension's isolated world of `page`'s top frame, read through the
 * DevTools protocol (see sourcemarkWorld), and returns its value, or NO_WORLD if no content script
 * of the extension was injected there.
 */
export async function inSourcemarkWorld(h: Pick<Harness, 'extensionId'>, page: Page, expression: string): Promise<unknown> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { isDefault?: boolean; type?: string; frameId?: string } }[] = [];
    session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await session.send('Runtime.enable');
    const { frameTree } = await session.send('Page.getFrameTree');
    const top = frameTree.frame.id;
    const inTop = contexts.filter((c) => c.auxData?.frameId === top);
    // The positive signal that the list is complete: the page's own world is in it.
    if (!inTop.some((c) => c.auxData?.isDefault)) throw new Error('the page has no main world yet');
    const ours = inTop.find((c) => !c.auxData?.isDefault && c.origin === `chrome-extension://${h.extensionId}`);
    if (!ours) return NO_WORLD;
    const { result } = await session.send('Runtime.evaluate', { contextId: ours.id, expression, returnByValue: true });
    return result.value;
  } finally {
    await session.detach();
  }
}

/**
 * A granted site's loader in `page` (entrypoints/granted-loader), once it has run: its state
 * (`listening` for the reader's selection, or `asking` for the content script) and whether the
 * content script started. Polled until the loader's world exists (the positive signal that the
 * registered script ran at document_idle); the answer is read after two turns of that world's
 * timers, so a gesture the loader took has reached its request by then.
 */
export async function loaderWorld(
  h: Pick<Harness, 'extensionId'>,
  page: Page,
  { timeout = 10_000 }: { timeout?: number } = {},
): Promise<{ loader: 'listening' | 'asking'; started: boolean }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const session = await page.context().newCDPSession(page);
    try {
      const contexts: { id: number; origin: string; auxData?: { isDefault?: boolean; frameId?: string } }[] = [];
      session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
      await session.send('Runtime.enable');
      const { frameTree } = await session.send('Page.getFrameTree');
      const ours = contexts.find(
        (c) => c.auxData?.frameId === frameTree.frame.id && !c.auxData?.isDefault && c.origin === `chrome-extension://${h.extensionId}`,
      );
      if (ours) {
        const { result } = await session.send('Runtime.evaluate', {
          contextId: ours.id,
          expression: `new Promise((r) => setTimeout(() => setTimeout(r, 0), 0)).then(() => ({
            loader: globalThis.__sourcemarkLoader ?? null,
            started: globalThis.__sourcemarkStarted === true,
          }))`,
          awaitPromise: true,
          returnByValue: true,
        });
        const value = result.value as { loader: 'listening' | 'asking' | null; started: boolean };
        if (value.loader !== null) return { loader: value.loader, started: value.started };
      }
    } finally {
      await session.detach();
    }
    if (Date.now() > deadline) throw new Error('no loader ran in the page');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The id of the tab showing `url`, as the service worker knows it. Without the `tabs` permission
 * tab URLs are hidden except on sites the extension has access to (a granted site, where only the
 * loader may run and it answers nothing), so elsewhere each tab's content script is asked for its own.
 */
export async function tabIdOf(h: Pick<Harness, 'worker'>, url: string): Promise<number> {
  const id = await h.worker.evaluate(async (url) => {
    const { tabs } = (globalThis as unknown as { chrome: TabsApi }).chrome;
    for (const tab of await tabs.query({})) {
      if (tab.id === undefined) continue;
      if (tab.url === url) return tab.id;
      const status = (await tabs.sendMessage(tab.id, { type: 'content.status' }).catch(() => null)) as { url?: string } | null;
      if (status?.url === url) return tab.id;
    }
    return undefined;
  }, url);
  if (id === undefined) throw new Error(`no tab with Sourcemark running shows ${url}`);
  return id;
}

/** A content script the background registered (`scripting.getRegisteredContentScripts`), as far as read here. */
export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: string;
}

/**
 * The content scripts the background registered for the sites the reader granted, once it has
 * (it does at start-up, a moment after the service worker is there): waits until there is one.
 */
export async function grantedScripts(h: Pick<Harness, 'worker'>, { timeout = 10_000 }: { timeout?: number } = {}): Promise<RegisteredScript[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const scripts = await h.worker.evaluate(
      async () =>
        (await (
          globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
        ).chrome.scripting.getRegisteredContentScripts()) as RegisteredScript[],
    );
    if (scripts.length > 0) return scripts;
    if (Date.now() > deadline) throw new Error(`the background registered no content script within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
