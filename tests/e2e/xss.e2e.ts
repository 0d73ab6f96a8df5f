import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '@/storage/model/annotation';
import { parseImportFile, toJsonLd } from '@/storage/formats';
import { pageKey } from '@/storage/model/page-key';
import { XSS_PAYLOADS, type XssKind } from '../fixtures/xss-payloads';
import { useHarness } from './use-harness';
import {
  escapeHtml,
  framesWithXss,
  inBody,
  injectedMarkup,
  keyboardSelect,
  seedVariant,
  waitForSourcemark,
  withAccount,
} from './probes';
import { highlightTexts, noteFrame } from './select';

/**
 * Markup in user data: every payload of tests/fixtures/xss-payloads.ts, put in notes, tags, page
 * titles, quotes, imported files and the page's own text, is shown as exactly that text and never
 * runs. "Runs" is checked everywhere code could run: the page and each of its frames (the note
 * frame included), the popup, the options page and the service worker (the `__xss` sentinel that
 * every payload would set), and dialogs (some payloads call alert) in every page of the browser.
 */
const PAYLOADS = XSS_PAYLOADS.map((p) => p.payload);
const N = PAYLOADS.length;
const at = (i: number) => PAYLOADS[i % N]!;
/** How the page's text shows up once CSS collapses white space (claims, titles). */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// 网易号 article addresses, where Sourcemark runs by itself (it runs on no other NetEase page).
const QUOTES_URL = 'https://www.163.com/dy/article/XSSQUOTES0000001.html';
const IMPORT_URL = 'https://www.163.com/dy/article/XSSIMPORT0000001.html';
const HYPOTHESIS_URL = 'https://www.163.com/dy/article/XSSHYPOTHESIS001.html';
const titleUrl = (i: number) => `https://www.163.com/dy/article/XSSTITLE${String(i).padStart(8, '0')}.html`;

/**
 * A bare page (no article markup, no account) whose paragraphs are the payloads, as text.
 * With `numbered`, each starts with its number, so a quote of "number + payload" is unique on the
 * page even where one payload contains another (imported quotes carry no context to tell them apart).
 */
function payloadPage(title: string, idPrefix: string, numbered = false): string {
  const paragraphs = PAYLOADS.map((p, i) => `<p id="${idPrefix}-${i}">${escapeHtml(numbered ? numberedQuote(i) : p)}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main id="xss-root">${paragraphs}</main></body></html>`;
}

type Chrome = {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> };
};

/** Sends one request to the background from an extension page, as the content script does. */
function send(ext: Page, message: unknown) {
  return ext.evaluate((m) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage(m), message);
}

/** Every stored annotation, read straight from the extension's IndexedDB. */
function stored(ext: Page): Promise<Annotation[]> {
  return ext.evaluate(
    () =>
      new Promise<Annotation[]>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('annotations').objectStore('annotations').getAll();
          req.onsuccess = () => {
            resolve(req.result as Annotation[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

const numberedQuote = (i: number) => `[${i}] ${PAYLOADS[i]}`;
const quote = (a: Annotation) => a.selectors.find((s) => s.type === 'TextQuoteSelector')!.exact;

/** Opens the popover of the highlight in `selector`, returns its note and tags as the frame shows them. */
async function popover(page: Page, selector: string): Promise<{ note: string; tags: string | null; elements: number }> {
  await page.locator(`${selector} [data-sourcemark="highlight"]`).first().click();
  const dialog = noteFrame(page).getByRole('dialog', { name: '笔记' });
  await expect.poll(() => dialog.count()).toBe(1);
  const shown = await dialog.evaluate((el) => ({
    note: el.querySelector('.note')?.textContent ?? '',
    tags: el.querySelector('.tags')?.textContent ?? null,
    // Elements inside the note and tags paragraphs: text has none.
    elements: el.querySelectorAll('.note *, .tags *').length,
  }));
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('iframe.note-frame').count()).toBe(0);
  return shown;
}

describe('markup in user data is shown as text and never runs', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let ext: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const watch = (p: Page) =>
      p.on('dialog', (d) => {
        dialogs.push(`${p.url()}: ${d.type()} ${d.message()}`);
        void d.dismiss().catch(() => undefined);
      });
    h.context.pages().forEach(watch);
    h.context.on('page', watch);
    // An extension page to talk to the background: one of the reader's own pages, the only
    // extension pages the background takes requests from without a note frame's token.
    ext = await h.open(`chrome-extension://${h.extensionId}/options.html`);
  });

  it('has a corpus of at least 30 labelled payloads of every kind', () => {
    expect(N).toBeGreaterThanOrEqual(30);
    expect(new Set(XSS_PAYLOADS.map((p) => p.label)).size).toBe(N);
    expect(new Set(PAYLOADS).size).toBe(N);
    const kinds: XssKind[] = ['script', 'handler', 'url', 'svg', 'broken', 'rtl', 'template'];
    for (const kind of kinds) expect(XSS_PAYLOADS.filter((p) => p.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    for (const p of PAYLOADS) {
      expect(p.length).toBeLessThanOrEqual(200);
      expect(p).toBe(p.trim());
      expect(p).not.toContain('\0');
    }
  });

  it("in the page's own text: the banner, claim marks, their reasons and the audit list show it as text", async () => {
    // Each payload in a sentence with a vague-source cue, so the claim detector marks it; the
    // account the banner names is a payload too.
    const account = '<img src=x onerror=alert(1)>';
    const v = seedVariant('XSSPAGETEXT00001', (html) =>
      inBody(withAccount(html, escapeHtml(account)), PAYLOADS.map((p, i) => `<p class="xss" id="xss-${i}">据知情人士透露，${escapeHtml(p)}。</p>`).join('')),
    );
    h.serve(v.url, v.html);
    const page = await h.open(v.url);
    // Every claim is marked before the paragraphs are checked for anything else in them.
    await waitForSourcemark(h, page);
    const banner = page.getByRole('region', { name: 'Sourcemark' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toContain(account);

    // The paragraphs' text is untouched, and the only elements in them are Sourcemark's marks.
    const paragraphs = await page.evaluate(() =>
      Array.from(document.querySelectorAll('p.xss'), (p) => ({
        text: p.textContent,
        foreign: Array.from(p.querySelectorAll('*')).filter((el) => el.localName !== 'sourcemark-mark').length,
        marks: p.querySelectorAll('[data-sourcemark="claim"]').length,
      })),
    );
    expect(paragraphs.map((p) => p.text)).toEqual(PAYLOADS.map((p) => `据知情人士透露，${p}。`));
    expect(paragraphs.every((p) => p.foreign === 0)).toBe(true);
    expect(paragraphs.filter((p) => p.marks > 0).length).toBeGreaterThanOrEqual(N * 0.9);

    // Every mark's reason (hover) quotes the page's text as text.
    const bodyText = squash(await page.locator('div.post_body').evaluate((el) => (el as HTMLElement).innerText));
    const tip = page.getByRole('tooltip');
    for (let i = 0; i < N; i++) {
      const mark = page.locator(`#xss-${i} [data-sourcemark="claim"]`).first();
      if ((await mark.count()) === 0) continue;
      await mark.hover();
      await expect.poll(() => tip.count()).toBe(1);
      const shown = await tip.evaluate((el) => ({
        sentence: el.querySelector('.claim-sentence')?.textContent ?? '',
        elements: el.querySelectorAll('.claim-sentence *').length,
      }));
      expect(bodyText).toContain(squash(shown.sentence));
      expect(shown.elements).toBe(1); // the <strong> around the cue, nothing else
      await page.mouse.move(0, 0);
      await expect.poll(() => tip.count()).toBe(0);
    }

    // The audit list quotes each marked sentence (cut at 60 characters) as text.
    await banner.getByRole('button', { name: '列出标记' }).click();
    const snippets = await banner.locator('.snippet').allTextContents();
    expect(snippets.length).toBeGreaterThanOrEqual(N * 0.9);
    for (const s of snippets) expect(squash(bodyText)).toContain(squash(s.replace(/…$/, '')));

    expect(await injectedMarkup(page, 'p.xss')).toEqual([]);
    expect(await framesWithXss(page)).toEqual([]);
    await page.close();
  }, 300_000);

  it('in quotes, notes and tags: written through the toolbar and note editor, shown as text after a reload', async () => {
    h.serve(QUOTES_URL, payloadPage('XSS 引用与笔记', 'q'));
    const page = await h.open(QUOTES_URL);
    for (let i = 0; i < N; i++) {
      // The selection reads as rendered (a newline in the text shows as a space).
      expect(await keyboardSelect(page, `#q-${i}`)).toBe(squash(PAYLOADS[i]!));
      await page.getByRole('button', { name: '笔记', exact: true }).click();
      await noteFrame(page).getByRole('textbox', { name: '笔记' }).fill(PAYLOADS[i]!);
      await noteFrame(page).getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.locator(`#q-${i} [data-sourcemark="highlight"]`).count()).toBeGreaterThan(0);
    }
    // Stored exactly as typed and selected: nothing escaped, stripped or "sanitised" away.
    const key = pageKey(QUOTES_URL, null);
    const mine = (await stored(ext)).filter((a) => a.pageKey === key);
    expect(mine.map(quote).sort()).toEqual([...PAYLOADS].sort());
    for (const a of mine) expect(a.note).toBe(quote(a));

    // Tags, set by a message as another tool (or an import) would: each annotation gets the next payload.
    for (const a of mine) {
      const i = PAYLOADS.indexOf(quote(a));
      const res = await send(ext, { type: 'annotation.update', id: a.id, patch: { tags: [at(i + 1)] } });
      expect(res.ok, res.error).toBe(true);
    }

    await page.reload();
    await expect.poll(() => highlightTexts(page).then((t) => Object.keys(t).length)).toBe(N);
    expect(Object.values(await highlightTexts(page)).sort()).toEqual([...PAYLOADS].sort());
    for (let i = 0; i < N; i++) {
      const shown = await popover(page, `#q-${i}`);
      expect(shown.note).toBe(PAYLOADS[i]);
      expect(shown.tags).toBe(`#${at(i + 1)}`);
      expect(shown.elements).toBe(0);
    }
    expect(await injectedMarkup(page, '#xss-root')).toEqual([]);
    expect(await framesWithXss(page)).toEqual([]);
    await page.close();
  }, 300_000);

  it('in page titles: a highlight on each of 48 pages whose <title> is a payload stores the title as text', async () => {
    const page = await h.context.newPage();
    for (let i = 0; i < N; i++) {
      h.serve(titleUrl(i), `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(PAYLOADS[i]!)}</title></head><body><p id="t">第 ${i} 页的一句话。</p></body></html>`);
      await page.goto(titleUrl(i));
      await keyboardSelect(page, '#t');
      await page.getByRole('button', { name: '高亮', exact: true }).click();
      await expect.poll(() => page.locator('#t [data-sourcemark="highlight"]').count()).toBeGreaterThan(0);
      expect(await framesWithXss(page)).toEqual([]);
    }
    const all = await stored(ext);
    for (let i = 0; i < N; i++) {
      const a = all.find((x) => x.url === titleUrl(i));
      // What document.title gives: the title element's text with white space collapsed.
      expect(a?.title, XSS_PAYLOADS[i]!.label).toBe(squash(PAYLOADS[i]!));
    }
    await page.close();
  }, 300_000);

  it('in imported files: a JSON-LD and a Hypothesis export full of payloads, through the options page', async () => {
    const created = '2026-02-01T08:00:00.000Z';
    const annotations: Annotation[] = PAYLOADS.map((_, i) => ({
      id: `00000000-0000-4000-8000-${(0x1000 + i).toString(16).padStart(12, '0')}`,
      pageKey: pageKey(IMPORT_URL, null),
      url: IMPORT_URL,
      title: at(i + 3),
      site: '163.com',
      selectors: [{ type: 'TextQuoteSelector', exact: numberedQuote(i) }],
      color: 'yellow',
      note: at(i + 1),
      tags: [at(i + 2)],
      created,
      updated: created,
    }));
    const jsonLd = JSON.stringify(toJsonLd(annotations, { generated: new Date(created) }), null, 2);
    // The parser keeps every payload exactly: text in, the same text out.
    const parsed = parseImportFile(jsonLd);
    if (!parsed.ok) throw new Error(parsed.error);
    const byId = new Map(parsed.annotations.map((a) => [a.id, a]));
    for (const a of annotations) {
      expect(byId.get(a.id)).toMatchObject({ note: a.note, tags: a.tags, title: a.title });
      expect(quote(byId.get(a.id)!)).toBe(quote(a));
    }
    const hypothesis = JSON.stringify({
      total: N,
      rows: PAYLOADS.map((_, i) => ({
        id: `xss${i}`,
        uri: HYPOTHESIS_URL,
        text: at(i + 5),
        tags: [at(i + 6)],
        document: { title: [at(i + 7)] },
        created,
        updated: created,
        target: [{ source: HYPOTHESIS_URL, selector: [{ type: 'TextQuoteSelector', exact: numberedQuote(i) }] }],
      })),
    });

    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    // The file names are payloads too: the preview and the messages name the file.
    for (const [name, text] of [
      ['"><img src=x onerror=alert(1)>.jsonld', jsonLd],
      ['<svg onload=window.__xss=1>.json', hypothesis],
    ] as const) {
      await options.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const preview = options.getByRole('region', { name: `“${name}”` });
      await expect.poll(() => preview.locator('[data-count="new"]').innerText()).toBe(`新批注：${N}`);
      await preview.getByRole('button', { name: `导入 ${N} 条` }).click();
      await expect.poll(() => options.locator('.import').innerText()).toContain(`已导入：新增 ${N} 条`);
      expect(await injectedMarkup(options)).toEqual([]);
    }
    expect(await framesWithXss(options)).toEqual([]);

    // On the page, each imported highlight anchors to its payload and its popover shows text.
    h.serve(IMPORT_URL, payloadPage('XSS 导入', 'i', true));
    h.serve(HYPOTHESIS_URL, payloadPage('XSS Hypothesis', 'y', true));
    const page = await h.open(IMPORT_URL);
    await expect
      .poll(() => highlightTexts(page).then((t) => Object.values(t).sort()))
      .toEqual(PAYLOADS.map((_, i) => numberedQuote(i)).sort());
    for (let i = 0; i < N; i++) {
      const shown = await popover(page, `#i-${i}`);
      expect(shown.note).toBe(at(i + 1));
      expect(shown.tags).toBe(`#${at(i + 2)}`);
      expect(shown.elements).toBe(0);
    }
    expect(await framesWithXss(page)).toEqual([]);
    await page.goto(HYPOTHESIS_URL);
    await expect
      .poll(() => highlightTexts(page).then((t) => Object.values(t).sort()))
      .toEqual(PAYLOADS.map((_, i) => numberedQuote(i)).sort());
    for (const i of [0, 7, N - 1]) {
      const shown = await popover(page, `#y-${i}`);
      expect(shown.note).toBe(at(i + 5));
      expect(shown.tags).toBe(`#${at(i + 6)}`);
    }
    expect(await injectedMarkup(page, '#xss-root')).toEqual([]);
    expect(await framesWithXss(page)).toEqual([]);
    await page.close();
    await options.close();
  }, 300_000);

  it('in the popup: every quote, note, tag and title of all of the above is listed as text', async () => {
    const all = await stored(ext);
    expect(all.length).toBe(4 * N);
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('section.group').count()).toBeGreaterThan(0);
    // The list renders only the rows in view: walk it from top to bottom, opening every page
    // on the way, and read the items (and check the markup) at each step.
    type Shown = { id: string; quote: string | null; note: string; tags: string; title: string | null; elements: number };
    const seen = new Map<string, Shown>();
    const main = popup.locator('main');
    const settled = () => popup.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    const bad: string[] = [];
    const collect = async () => {
      const inView = await popup.evaluate(() =>
        Array.from(document.querySelectorAll('li.item'), (li) => ({
          id: li.getAttribute('data-annotation-id')!,
          quote: li.querySelector('.quote')?.textContent ?? null,
          note: li.querySelector('.note')?.textContent ?? '',
          tags: li.querySelector('.tags')?.textContent ?? '',
          title: li.closest('section.group')?.querySelector('.group-title')?.textContent ?? null,
          elements: li.querySelectorAll('.quote *, .note *, .tags *').length,
        })),
      );
      for (const s of inView) seen.set(s.id, s);
      bad.push(...(await injectedMarkup(popup)));
    };
    for (let step = 0; step < 2000; step++) {
      // Clicking a heading may scroll the list to it: read what is rendered after every click.
      const closed = popup.locator('.group-toggle[aria-expanded="false"]');
      while ((await closed.count()) > 0) {
        await closed.first().click();
        await settled();
        await collect();
      }
      await collect();
      const moved = await main.evaluate((m) => {
        const before = m.scrollTop;
        m.scrollBy(0, m.clientHeight * 0.5);
        return m.scrollTop !== before;
      });
      if (!moved) break;
      await settled();
    }
    expect(seen.size).toBe(all.length);
    expect(bad).toEqual([]);
    const shown = [...seen.values()];
    const byId = new Map(shown.map((s) => [s.id, s]));
    for (const a of all) {
      const s = byId.get(a.id);
      expect(s, a.id).toBeDefined();
      expect(s!.quote).toBe(quote(a));
      expect(s!.note).toBe(a.note);
      expect(s!.tags).toBe(a.tags.map((t) => `#${t}`).join(' '));
      // A page's heading shows the title of one of its annotations (imports gave each its own).
      expect(all.filter((b) => b.pageKey === a.pageKey).map((b) => b.title.trim() || b.url)).toContain(s!.title);
      expect(s!.elements).toBe(0);
    }
    expect(await injectedMarkup(popup)).toEqual([]);
    expect(await framesWithXss(popup)).toEqual([]);
    await popup.close();
  }, 300_000);

  it('ran nothing anywhere: no sentinel in the service worker or any open page, no dialog', async () => {
    const worker = h.context.serviceWorkers()[0]!;
    expect(await worker.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    for (const p of h.context.pages()) expect(await framesWithXss(p), p.url()).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
