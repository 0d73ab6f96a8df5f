import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toJsonLd } from '@/storage/formats/jsonld';
import type { Annotation } from '@/storage/model/annotation';
import { sampleAnnotation } from '../support/sample-annotation';
import { seed, serveSeeds } from './harness';
import { CLICKS_OUR_UI, type UiAttempt } from './hostile-scripts';
import { inHead, seedVariant, waitForSourcemark } from './probes';
import { dragSelect, highlightTexts, noteFrame } from './select';
import { useHarness } from './use-harness';

/**
 * The boundary a web page cannot cross: it sees what Sourcemark shows it and drives nothing. Each
 * attack is its own test, and each checks an absence only after a positive signal that the
 * attempt was made and handled.
 */
const desktop = seed('netease-hao-desktop.html');
const SENTENCE = '俄军曾经匮缺的高科技军事资源开始快速补充';
const NOTE = '只给自己看的笔记';

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

describe('a web page cannot drive Sourcemark', () => {
  const h = useHarness({ locale: 'zh-CN' });
  /** An extension page of the reader's (the options page), to ask the background as the reader. */
  let reader: Page;
  let saved: Annotation;

  const send = <T,>(message: object) =>
    reader.evaluate(
      (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      message,
    ) as Promise<Reply<T>>;
  const listFor = async (pageKey: string) => {
    const r = await send<{ annotations: Annotation[] }>({ type: 'annotation.listForPage', pageKey });
    if (!r.ok) throw new Error(r.error);
    return r.data.annotations;
  };

  beforeAll(async () => {
    serveSeeds(h);
    reader = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    // The reader's own note on the real article, made the reader's way.
    const page = await h.open(desktop.url);
    await waitForSourcemark(h, page);
    expect(await dragSelect(page, desktop.bodySelector, SENTENCE)).toBe(SENTENCE);
    await page.getByRole('button', { name: '笔记', exact: true }).click();
    await noteFrame(page).getByRole('textbox', { name: '笔记' }).fill(NOTE);
    await noteFrame(page).getByRole('button', { name: '保存' }).click();
    // expect.poll is for tests only: wait by hand for the mark the save paints.
    for (let i = 0; i < 300 && !Object.values(await highlightTexts(page)).includes(SENTENCE); i++) await page.waitForTimeout(50);
    const [a] = await listFor('163.com/article/KKG7R2LD0525KQ8M');
    if (!a || a.note !== NOTE) throw new Error(`the reader's note was not saved: ${JSON.stringify(a)}`);
    saved = a;
    await page.close();
  });

  it("shows nothing in note.html framed by a foreign site, and the reader's real click there changes nothing", async () => {
    // The frame's address is no secret to a page Sourcemark runs on: its script reads it from our
    // panel's open shadow root. Here the reader opens the popover; the address is taken from it.
    const page = await h.open(desktop.url);
    await waitForSourcemark(h, page);
    await page.locator('[data-sourcemark="highlight"]').first().click();
    await expect.poll(() => noteFrame(page).getByRole('dialog', { name: '笔记' }).count()).toBe(1);
    const noteUrl = await page.evaluate(
      () => document.querySelector('[data-sourcemark-ui="annotator"]')!.shadowRoot!.querySelector('iframe')!.src,
    );
    expect(noteUrl).toMatch(/^chrome-extension:\/\/[^/]+\/note\.html$/);
    await page.close();

    // The old way in: instructions in the URL, view (with a delete button) and new (a save button).
    const view = `#${encodeURIComponent(JSON.stringify({ mode: 'view', lang: 'zh', id: saved.id, pageKey: saved.pageKey }))}`;
    const draft = { pageKey: saved.pageKey, url: 'https://bank.example/login', title: 't', site: 'bank.example', selectors: saved.selectors, color: 'yellow' };
    const create = `#${encodeURIComponent(JSON.stringify({ mode: 'new', lang: 'zh', draft }))}`;
    const forged = JSON.stringify({ source: 'sourcemark-note-host', type: 'token', token: 'f'.repeat(32) });
    const evil = 'https://evil.example/clickjack.html';
    h.serve(
      evil,
      `<!doctype html><html><body style="margin:0">
      <iframe id="view" src="${noteUrl}${view}" width="340" height="236" style="opacity:.01"></iframe>
      <iframe id="create" src="${noteUrl}${create}" width="340" height="236" style="opacity:.01"></iframe>
      <script>
        for (const f of document.querySelectorAll('iframe')) f.addEventListener('load', () => {
          f.contentWindow.postMessage(${forged}, '*');
          f.dataset.posted = '1';
        });
      </script></body></html>`,
    );
    const attacker = await h.open(evil);
    await expect.poll(() => attacker.locator('iframe[data-posted]').count()).toBe(2);
    // The dynamic address loads the extension's note.html (at the extension's own origin).
    const frames = attacker.frames().filter((f) => /^chrome-extension:\/\/[^/]+\/note\.html/.test(f.url()));
    expect(frames).toHaveLength(2);
    const state = (f: Frame) => f.evaluate(() => document.documentElement.dataset.state ?? '');
    for (const f of frames) {
      // The forged token was tried and refused by the background: only then is "nothing shown" news.
      await expect.poll(() => state(f)).toBe('refused');
      expect(await f.evaluate(() => document.getElementById('app')!.childElementCount)).toBe(0);
    }
    // The reader clicks where the buttons were.
    for (const id of ['view', 'create']) {
      const box = (await attacker.locator(`#${id}`).boundingBox())!;
      for (const [dx, dy] of [[40, 120], [120, 120], [60, 190], [170, 190]] as const) await attacker.mouse.click(box.x + dx, box.y + dy);
    }
    const after = await listFor(saved.pageKey);
    expect(after).toEqual([saved]);
    expect(await listFor('bank.example/login')).toEqual([]);
    await attacker.close();
  });

  it('ignores a page script that selects text and clicks the toolbar and the banner', async () => {
    const script = CLICKS_OUR_UI;
    const v = seedVariant('SYNTHETIC0000001', (html) => inHead(html, script));
    h.serve(v.url, v.html);
    const page = await h.open(v.url);
    await waitForSourcemark(h, page);
    // The banner's list opens to show its hide button, and the script runs its attempt.
    const attempt = await page.evaluate(() => (window as unknown as { __attempt: Promise<UiAttempt> }).__attempt);
    // The script reached the banner's button and clicked it; click handlers run synchronously, so
    // it would already have switched the marks off. Its made-up mouseup loaded nothing: the
    // annotator, which only the reader's own selection brings (entrypoints/claims), has no toolbar
    // in the page to reach.
    expect(attempt.banner).toBe(true);
    expect(attempt.toolbar).toBe(false);
    expect(await page.locator('[data-sourcemark-ui="annotator"]').count()).toBe(0);
    expect(attempt.marksAfter).toBeNull();
    // Then the reader highlights for real: theirs is the one and only annotation of the page.
    await page.keyboard.press('Escape');
    expect(await dragSelect(page, desktop.bodySelector, SENTENCE)).toBe(SENTENCE);
    await page.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE]);
    const list = await listFor('163.com/article/SYNTHETIC0000001');
    expect(list.map((a) => a.selectors.find((s) => s.type === 'TextQuoteSelector'))).toEqual([expect.objectContaining({ exact: SENTENCE })]);
    const settings = await send<{ settings: { claimsEnabled: boolean } }>({ type: 'settings.get' });
    expect(settings.ok && settings.data.settings.claimsEnabled).toBe(true);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-sourcemark-claims'))).toBeNull();
    await page.close();
  });

  it("gives a copy of the article at another address none of the real one's highlights, whatever its canonical link says", async () => {
    const html = (await import('./harness')).seedHtml(desktop.file);
    expect(html).toContain(`rel="canonical" href="${desktop.url}"`);
    // At another article address Sourcemark runs, and the copy's own address is its identity.
    const httpsCopy = 'https://www.163.com/dy/article/EVILCOPY00000001.html';
    h.serve(httpsCopy, html);
    const copy = await h.open(httpsCopy);
    const status = await waitForSourcemark(h, copy);
    expect(status.pageKey).toBe('163.com/article/EVILCOPY00000001');
    expect(status.highlights).toBe(0);
    expect(await copy.locator('[data-sourcemark="highlight"]').count()).toBe(0);
    await copy.close();

    // Over http Sourcemark does not run at all (the manifest matches https only); the real
    // article, open beside it, shows its highlight: the extension is up and painting.
    const httpCopy = 'http://www.163.com/dy/article/EVILCOPY00000001.html';
    h.serve(httpCopy, html);
    const plain = await h.open(httpCopy);
    const real = await h.open(desktop.url);
    await waitForSourcemark(h, real);
    expect(Object.values(await highlightTexts(real))).toEqual([SENTENCE]);
    expect(await plain.evaluate(() => document.querySelectorAll('[data-sourcemark], [data-sourcemark-ui]').length)).toBe(0);
    await plain.close();
    await real.close();
  });

  it('ignores messages a page posts as if from the note frame, and its made-up clicks and keys', async () => {
    const page = await h.open(desktop.url);
    await waitForSourcemark(h, page);
    await page.locator('[data-sourcemark="highlight"]').first().click();
    const dialog = noteFrame(page).getByRole('dialog', { name: '笔记' });
    await expect.poll(() => dialog.count()).toBe(1);
    // Forged: a close and the old "changed" message, then a marker. Messages to one window are
    // delivered in order, so once the page has its marker back the content script has seen both.
    await page.evaluate(async (id) => {
      window.postMessage({ source: 'sourcemark-note-frame', type: 'close' }, '*');
      window.postMessage({ source: 'sourcemark-note-frame', type: 'changed', id }, '*');
      window.postMessage({ source: 'sourcemark-note-frame', type: 'deleted', id }, '*');
      await new Promise<void>((resolve) => {
        addEventListener('message', function done(e) {
          if (e.data === 'marker') {
            removeEventListener('message', done);
            resolve();
          }
        });
        window.postMessage('marker', '*');
      });
    }, saved.id);
    expect(await dialog.count()).toBe(1);
    // Made-up clicks and Escape outside the panel would close it, and a note being typed with it;
    // events are dispatched synchronously, so once this returns every listener has run.
    await page.evaluate(() => {
      document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(await dialog.count()).toBe(1);
    expect(Object.values(await highlightTexts(page))).toEqual([SENTENCE]);
    expect(await listFor(saved.pageKey)).toEqual([saved]);
    // The reader's own Escape still closes it.
    await noteFrame(page).getByRole('dialog', { name: '笔记' }).press('Escape');
    await expect.poll(() => page.locator('[data-sourcemark-ui="annotator"]').evaluate((h) => h.shadowRoot!.querySelectorAll('iframe').length)).toBe(0);
    await page.close();
  });

  it('tells the page nothing of the extension, and cannot be torn down by events a page dispatches', async () => {
    // A page that listens to every message from its first script on.
    const v = seedVariant('KKG7R2LD0599EVIL', (html) =>
      inHead(html, '<script>window.__heard = []; addEventListener("message", (e) => window.__heard.push(JSON.stringify(e.data)));</script>'),
    );
    h.serve(v.url, v.html);
    const page = await h.open(v.url);
    await waitForSourcemark(h, page);
    const counts = () =>
      page.evaluate(() => ({
        banner: document.querySelectorAll('[data-sourcemark-ui="banner"]').length,
        claims: document.querySelectorAll('[data-sourcemark="claim"]').length,
      }));
    const before = await counts();
    expect(before.banner).toBe(1);
    expect(before.claims).toBeGreaterThan(0);
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    for (const m of heard) expect(m).not.toContain(h.extensionId);
    // Even a page that knew the id cannot send the "a newer copy started" signal of WXT's
    // content-script context: Sourcemark does not use that context.
    await page.evaluate((id) => {
      for (const entry of ['content', 'content-script']) {
        const type = `${id}:${entry}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: entry, messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: entry, messageId: 'page' }, '*');
      }
    }, h.extensionId);
    // Sourcemark still answers and still shows everything.
    const status = await waitForSourcemark(h, page);
    expect(status.ready).toBe(true);
    expect(await counts()).toEqual(before);
    await page.close();
  });

  it('refuses to import an annotation whose address is javascript:, naming the item', async () => {
    const bad = sampleAnnotation({ id: '7d1b0c7e-2c1f-4a55-9a1e-1f3b9c0d2e4f', url: 'javascript:alert(document.domain)' });
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    // NetEase's own patterns (the claim detector's included) are not listed as sites the reader granted.
    const sites = options.locator('section[aria-labelledby="sites-title"]');
    await expect.poll(() => sites.innerText()).toContain('还没有');
    expect(await sites.locator('code').count()).toBe(0);
    const pick = (name: string, list: Annotation[]) =>
      options.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(toJsonLd(list))) });
    // Alone in its file: the file is refused, naming the item and why.
    await pick('evil.jsonld', [bad]);
    const alert = options.locator('section.import').getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/items\[0\]\.target\.source: must be an http: or https: address/);
    // Beside a good one: the preview lists it as invalid and offers only the good one.
    const good = sampleAnnotation({ id: '3f0f7a9e-5b8c-4d2e-8f1a-6c7b9d0e1f2a', pageKey: 'example.com/fine', url: 'https://example.com/fine' });
    await pick('mixed.jsonld', [good, bad]);
    const preview = options.getByRole('region', { name: /mixed\.jsonld/ });
    await expect.poll(() => preview.count()).toBe(1);
    expect(await preview.locator('[data-count="invalid"]').innerText()).toContain('1');
    expect(await preview.locator('[data-count="new"]').innerText()).toContain('1');
    expect(await preview.locator('ul.invalid').innerText()).toMatch(/items\[1\].*http: or https:/s);
    // Straight to the background, as a tampered page of ours might: refused whole.
    const direct = await send({ type: 'import.write', annotations: [bad], mode: 'skip' });
    expect(direct.ok).toBe(false);
    expect(direct.ok ? '' : direct.error).toMatch(/annotations\.0\.url/);
    expect(await listFor(bad.pageKey)).toEqual([saved]);
    await options.close();
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
  });
});
