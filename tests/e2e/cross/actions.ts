/**
 * The steps the cross-browser tests take, over the browser-neutral driver (driver.ts): what a
 * reader does (select with the mouse, click, type) and what a test reads back (the page's DOM and
 * open shadow roots from the page's own world, and the extension's answers through one of its
 * pages, as the popup asks them). Nothing here knows which browser runs it.
 */
import { dragEnds } from '../select';
import type { Driver, Tab } from './driver';

/** What the content script says about its page (`content.status`), as far as the tests read it. */
export interface PageStatus {
  url: string;
  ready: boolean;
  kind?: string;
  platform?: string | null;
  page?: string | null;
  account?: string | null;
  [key: string]: unknown;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds for its value, and returns it; throws with the last value after `timeout`. */
export async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeout} ms`);
    await sleep(50);
  }
}

/** Sends `message` to the background from an extension page, as the popup and options page do. */
export function ask<T>(reader: Tab, message: object): Promise<Reply<T>> {
  return reader.evaluate(async (m) => {
    // Firefox has `browser`; Chromium's extension pages have `chrome` (promise-based in MV3).
    const api = (globalThis as unknown as { browser?: RuntimeApi; chrome: RuntimeApi }).browser ?? (globalThis as unknown as { chrome: RuntimeApi }).chrome;
    return api.runtime.sendMessage(m) as Promise<Reply<T>>;
  }, message);
}

interface RuntimeApi {
  runtime: { sendMessage(m: object): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<unknown> };
}

/** The annotations the background holds for `pageKey`. */
export async function annotationsOf<A = { id: string; note?: string; selectors: { type: string; exact?: string }[] }>(
  reader: Tab,
  pageKey: string,
): Promise<A[]> {
  const r = await ask<{ annotations: A[] }>(reader, { type: 'annotation.listForPage', pageKey });
  if (!r.ok) throw new Error(r.error);
  return r.data.annotations;
}

/**
 * Every content script's `content.status` answer for `url`, asked from an extension page the way
 * the popup asks (without the `tabs` permission tab URLs are hidden, so each script says its own).
 */
export function statusesAt(reader: Tab, url: string): Promise<PageStatus[]> {
  return reader.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser?: RuntimeApi; chrome: RuntimeApi }).browser ?? (globalThis as unknown as { chrome: RuntimeApi }).chrome;
    const answers = await Promise.all(
      (await api.tabs.query({})).map((t) =>
        t.id === undefined ? null : api.tabs.sendMessage(t.id, { type: 'content.status' }).catch(() => null),
      ),
    );
    const bare = (u: string) => u.replace(/#.*$/, '');
    return answers.filter((a): a is PageStatus => typeof a === 'object' && a !== null && bare(String((a as PageStatus).url)) === bare(url));
  }, url);
}

/**
 * Waits until Sourcemark's content script in `tab` says it is done (settings applied, the page's
 * annotations loaded and painted): the positive signal every absence check starts from.
 */
export async function waitForSourcemark(reader: Tab, tab: Tab): Promise<PageStatus> {
  const mine = await until(
    `Sourcemark ready on ${tab.url()}`,
    () => statusesAt(reader, tab.url()),
    (all) => all.length > 0 && all.every((s) => s.ready),
  );
  return mine[0]!;
}

/** An extension page the tests ask the background through (the options page). */
export function openReader(d: Driver): Promise<Tab> {
  return d.openExtensionPage('options.html');
}

/** Selects `text` inside the first `selector` with the mouse: press on its first character, drag to its last. */
export async function dragSelect(tab: Tab, selector: string, text: string): Promise<string> {
  const box = await tab.evaluate(dragEnds, { selector, text });
  await tab.mouseMove(box.x1, box.y1);
  await tab.mouseDown();
  await tab.mouseMove((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, 4);
  await tab.mouseMove(box.x2, box.y2, 4);
  await tab.mouseUp();
  return tab.evaluate(() => document.getSelection()?.toString() ?? '');
}

/**
 * Clicks, with the mouse, the first element matching `selector` whose accessible label (its
 * `aria-label`, else its text) is `label` (or contains it, with `partial`), looked for in the
 * document and in Sourcemark's open shadow roots; waits for it to appear.
 */
export async function clickLabelled(tab: Tab, selector: string, label: string, { partial = false } = {}): Promise<void> {
  const at = await until(
    `${selector} "${label}" on ${tab.url()}`,
    () =>
      tab.evaluate(
        ({ selector, label, partial }) => {
          const roots: ParentNode[] = [document];
          for (const host of Array.from(document.querySelectorAll('[data-sourcemark-ui]'))) if (host.shadowRoot) roots.push(host.shadowRoot);
          for (const root of roots) {
            for (const el of Array.from(root.querySelectorAll(selector))) {
              const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
              if (partial ? !name.includes(label) : name !== label) continue;
              el.scrollIntoView({ block: 'center' });
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
          }
          return null;
        },
        { selector, label, partial },
      ),
    (v) => v !== null,
  );
  await tab.mouseMove(at!.x, at!.y);
  await tab.mouseDown();
  await tab.mouseUp();
}

/** The text of every highlight on the page, by annotation id. */
export function highlightTexts(tab: Tab): Promise<Record<string, string>> {
  return tab.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll('[data-sourcemark="highlight"]'))) {
      const id = el.getAttribute('data-annotation-id') ?? '?';
      out[id] = (out[id] ?? '') + el.textContent;
    }
    return out;
  });
}

/** Waits until the page shows a highlight on `text`, and returns its annotation id. */
export async function highlightOn(tab: Tab, text: string): Promise<string> {
  const all = await until(`a highlight on ${text}`, () => highlightTexts(tab), (t) => Object.values(t).includes(text));
  return Object.keys(all).find((id) => all[id] === text)!;
}

/** Highlights `text` of `selector` with the toolbar's default colour, and returns the annotation id. */
export async function highlight(tab: Tab, selector: string, text: string): Promise<string> {
  const selected = await dragSelect(tab, selector, text);
  if (selected !== text) throw new Error(`selected ${JSON.stringify(selected)}, not ${JSON.stringify(text)}`);
  await clickLabelled(tab, 'button', '高亮');
  return highlightOn(tab, text);
}

/**
 * Opens the note editor on a new highlight of `text` the reader's way: select, then the toolbar's
 * 笔记. Resolves when the editor inside Sourcemark's note frame has focus (it focuses its text box
 * once it is up), so what is typed next goes into it.
 */
export async function openNoteEditor(tab: Tab, selector: string, text: string): Promise<void> {
  const selected = await dragSelect(tab, selector, text);
  if (selected !== text) throw new Error(`selected ${JSON.stringify(selected)}, not ${JSON.stringify(text)}`);
  await clickLabelled(tab, 'button', '笔记');
  await until(
    'the note editor to be up, its text box focused',
    () => tab.extensionFrameEvaluate('note.html', () => document.activeElement?.localName === 'textarea' && document.documentElement.dataset.state === 'shown'),
    (focused) => focused === true,
  );
}

/**
 * Clicks the highlight on `text` and returns what its popover (in the note frame) shows the reader.
 * A click that opened nothing (on a loaded machine the page may still be laying out) is repeated,
 * as a reader would, up to three times.
 */
export async function popoverText(tab: Tab, text: string): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const at = await tab.evaluate((text) => {
      const marks = Array.from(document.querySelectorAll('[data-sourcemark="highlight"]')).filter((el) => el.textContent && text.includes(el.textContent));
      const mark = marks.sort((a, b) => b.textContent!.length - a.textContent!.length)[0];
      if (!mark) throw new Error(`no highlight on ${text}`);
      mark.scrollIntoView({ block: 'center', behavior: 'instant' });
      // The widest box of the mark: its first can be an empty one at the end of a line.
      const r = Array.from(mark.getClientRects()).reduce((a, b) => (b.width > a.width ? b : a));
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, text);
    await tab.mouseMove(at.x, at.y);
    await tab.mouseDown();
    await tab.mouseUp();
    try {
      const shown = await until(
        'the highlight popover',
        () => tab.extensionFrameEvaluate('note.html', () => (document.querySelector('[role="dialog"]') as HTMLElement | null)?.innerText ?? null),
        (t) => typeof t === 'string' && t.length > 0,
        5_000,
      );
      return shown!;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** Saves the open note editor with Ctrl+Enter and returns the id of the highlight on `text`. */
export async function saveNote(tab: Tab, text: string): Promise<string> {
  await tab.press('Enter', ['Control']);
  return highlightOn(tab, text);
}

/** Writes `note` on a new highlight of `text`, typed key by key; returns the annotation id. */
export async function writeNote(tab: Tab, selector: string, text: string, note: string): Promise<string> {
  await openNoteEditor(tab, selector, text);
  await tab.type(note);
  return saveNote(tab, text);
}

/** What Sourcemark wrote into a page: the page attribute and every mark and UI host. */
export function traces(tab: Tab): Promise<{ page: string | null; marks: number }> {
  return tab.evaluate(() => ({
    page: document.documentElement.dataset.sourcemarkPage ?? null,
    marks: document.querySelectorAll('[data-sourcemark], [data-sourcemark-ui]').length,
  }));
}

/** The banner's text (its open shadow root), or null when there is none. */
export function bannerText(tab: Tab): Promise<string | null> {
  return tab.evaluate(() => document.querySelector('[data-sourcemark-ui="banner"]')?.shadowRoot?.textContent ?? null);
}
