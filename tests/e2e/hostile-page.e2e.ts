import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './use-harness';
import { inBody, inHead, pageReadableText, SEED, seedVariant, spied, SPY_SCRIPT } from './probes';
import { dragSelect, highlightTexts, noteFrame } from './select';
import { noteFrameAccess } from './hostile-scripts';

/**
 * Pages that are not on the reader's side. Page scripts must not read the reader's notes, and
 * the page's own styles, Content-Security-Policy, replaced DOM methods or sheer size must not
 * break what Sourcemark shows.
 */
const banner = (page: Page) => page.getByRole('region', { name: 'Sourcemark' });
const SENTENCE = '俄军曾经匮缺的高科技军事资源开始快速补充';
const OTHER_SENTENCE = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
/** Typed key by key (ASCII, so every character is a key event a keylogger would see). */
const SECRET = 'Only-for-me 7QXJ: check the source';

/** Highlights `text` of the article body with the toolbar's 高亮 and waits for the mark. */
async function highlight(page: Page, text: string): Promise<void> {
  expect(await dragSelect(page, SEED.bodySelector, text)).toBe(text);
  await page.getByRole('button', { name: '高亮', exact: true }).click();
  await expect.poll(() => highlightTexts(page).then((t) => Object.values(t)), { timeout: 30_000 }).toContain(text);
}

/** Writes `note` on a new highlight of `text`, typing it key by key in the note frame. */
async function writeNote(page: Page, text: string, note: string): Promise<void> {
  expect(await dragSelect(page, SEED.bodySelector, text)).toBe(text);
  await page.getByRole('button', { name: '笔记', exact: true }).click();
  const box = noteFrame(page).getByRole('textbox', { name: '笔记' });
  await box.pressSequentially(note);
  await noteFrame(page).getByRole('button', { name: '保存' }).click();
  await expect.poll(() => highlightTexts(page).then((t) => Object.values(t)), { timeout: 30_000 }).toContain(text);
}

/** Opens the popover of the highlight on `text` and returns what the reader sees in it. */
async function openPopover(page: Page, text: string): Promise<string> {
  await page.locator('[data-sourcemark="highlight"]', { hasText: text }).first().click();
  const dialog = noteFrame(page).getByRole('dialog', { name: '笔记' });
  await expect.poll(() => dialog.count()).toBe(1);
  return dialog.innerText();
}

const markStyle = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const cs = getComputedStyle(el);
    return { background: cs.backgroundColor, decoration: cs.textDecorationLine };
  });

async function bannerBox(page: Page) {
  await expect.poll(() => banner(page).count(), { timeout: 30_000 }).toBe(1);
  const box = await banner(page).boundingBox();
  const visible = await banner(page).evaluate((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  return { width: box?.width ?? 0, height: box?.height ?? 0, visible };
}

describe('a hostile page', () => {
  const h = useHarness({ locale: 'zh-CN' });

  it("cannot read the reader's note: not while it is typed, shown or edited, not at rest, not in the marks", async () => {
    const v = seedVariant('HOSTILE000000001', (html) => inHead(html, SPY_SCRIPT));
    h.serve(v.url, v.html);
    const page = await h.open(v.url);
    await expect.poll(() => banner(page).count()).toBe(1);

    const keysBefore = (await spied(page)).keys.length;
    await writeNote(page, SENTENCE, SECRET);
    // The reader typed 30-odd keys; the page's capture listeners on window heard none of them.
    expect((await spied(page)).keys.slice(keysBefore)).toEqual([]);

    const assertUnreadable = async (when: string) => {
      expect(await pageReadableText(page), when).not.toContain(SECRET);
      const spy = await spied(page);
      expect(spy.seen, `${when}: seen by a MutationObserver at any time`).not.toContain(SECRET);
      expect(spy.messages.join('\n'), `${when}: posted to the page`).not.toContain(SECRET);
    };
    await assertUnreadable('after saving');

    // The reader sees the note; the page, walking every open shadow root, does not.
    expect(await openPopover(page, SENTENCE)).toContain(SECRET);
    await assertUnreadable('popover open');
    const frameAccess = await page.evaluate(noteFrameAccess);
    expect(frameAccess).toBe('null SecurityError');

    // Edit mode: the note sits in a textarea, still inside the frame.
    await noteFrame(page).getByRole('button', { name: '编辑笔记' }).click();
    await expect.poll(() => noteFrame(page).getByRole('textbox', { name: '笔记' }).inputValue()).toBe(SECRET);
    await assertUnreadable('editor open');
    await page.keyboard.press('Escape');
    await expect.poll(() => noteFrame(page).locator('textarea').count()).toBe(0);

    // The marks in the page hold the page's own text, an id and a colour: never the note.
    const attrs = await page.evaluate(() =>
      Array.from(document.querySelectorAll('sourcemark-mark'), (el) => Array.from(el.attributes, (a) => `${a.name}=${a.value}`)).flat(),
    );
    const names = new Set(attrs.map((a) => a.slice(0, a.indexOf('='))));
    expect([...names].sort()).toEqual(['data-annotation-id', 'data-category', 'data-claim-index', 'data-color', 'data-sourcemark', 'tabindex']);
    expect(attrs.join('\n')).not.toContain(SECRET);

    // After a reload the note comes back from the database, and is as unreadable.
    await page.reload();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toEqual([SENTENCE]);
    await assertUnreadable('at rest after reload');
    expect(await openPopover(page, SENTENCE)).toContain(SECRET);
    await assertUnreadable('popover open after reload');
    await page.close();
  });

  it('styled with * { all: unset !important } still shows the banner, the marks and a working toolbar', async () => {
    const v = seedVariant('HOSTILE000000002', (html) => inHead(html, '<style>* { all: unset !important; }</style>'));
    h.serve(v.url, v.html);
    const page = await h.open(v.url);
    // The page's rule applies to its own elements (a paragraph is no longer a block) …
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('p')!).display)).toBe('inline');
    // … but not to Sourcemark's.
    const box = await bannerBox(page);
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(20);
    expect(box.visible).toBe(true);
    await expect.poll(() => page.locator('[data-sourcemark="claim"]').count()).toBeGreaterThan(5);
    expect((await markStyle(page, '[data-sourcemark="claim"]')).decoration).toBe('underline');

    await highlight(page, SENTENCE);
    expect((await markStyle(page, '[data-sourcemark="highlight"]')).background).not.toBe('rgba(0, 0, 0, 0)');
    await writeNote(page, OTHER_SENTENCE, 'noted');
    expect(await openPopover(page, OTHER_SENTENCE)).toContain('noted');
    const frame = await page.locator('[data-sourcemark-ui="annotator"] iframe').boundingBox();
    expect(frame?.width).toBeGreaterThan(200);
    expect(frame?.height).toBeGreaterThan(100);
    await page.close();
  });

  it('with a strict Content-Security-Policy still gets the banner, styled marks, highlights and notes', async () => {
    const v = seedVariant('HOSTILE000000003', (html) =>
      inHead(html, '<style>body { background: rgb(1, 2, 3) !important; }</style><script>window.__pageScriptRan = 1;</script>'),
    );
    h.serve(v.url, v.html, {
      'Content-Security-Policy': "default-src 'none'; style-src 'none'; script-src 'none'",
    });
    const page = await h.open(v.url);
    // The policy is in force: the page's own style and script were refused.
    expect(await page.evaluate(() => (window as { __pageScriptRan?: number }).__pageScriptRan)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(1, 2, 3)');

    const box = await bannerBox(page);
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(20);
    // The banner's own (adopted) styles apply: its dismiss button is laid out as a styled button.
    const dismissBorder = await banner(page).getByRole('button', { name: '关闭提示' }).evaluate((el) => getComputedStyle(el).cursor);
    expect(dismissBorder).toBe('pointer');
    await expect.poll(() => page.locator('[data-sourcemark="claim"]').count()).toBeGreaterThan(5);
    expect((await markStyle(page, '[data-sourcemark="claim"]')).decoration).toBe('underline');

    await highlight(page, SENTENCE);
    expect((await markStyle(page, '[data-sourcemark="highlight"]')).background).not.toBe('rgba(0, 0, 0, 0)');
    await writeNote(page, OTHER_SENTENCE, 'under a strict policy');
    expect(await openPopover(page, OTHER_SENTENCE)).toContain('under a strict policy');
    await page.reload();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t).sort())).toEqual([SENTENCE, OTHER_SENTENCE].sort());
    await page.close();
  });

  it('that replaces attachShadow, appendChild and other DOM methods in its own world does not affect Sourcemark', async () => {
    // Runs before the content script. Every replaced method throws, and records that it was called.
    const hijack = `<script>
      window.__hijacked = [];
      const trap = (owner, name) => {
        const original = owner[name];
        owner[name] = function () {
          // Playwright's own helper script runs in this world too (for locators): let it through.
          if (String(new Error().stack).includes('InjectedScript')) return original.apply(this, arguments);
          window.__hijacked.push(name);
          throw new Error('hostile page: ' + name);
        };
      };
      trap(Element.prototype, 'attachShadow');
      trap(Node.prototype, 'appendChild');
      trap(Node.prototype, 'insertBefore');
      trap(Node.prototype, 'removeChild');
      trap(Node.prototype, 'replaceChild');
      trap(Node.prototype, 'normalize');
      for (const name of ['append', 'prepend', 'before', 'after', 'remove', 'replaceWith', 'setAttribute', 'removeAttribute']) trap(Element.prototype, name);
      trap(Document.prototype, 'createElement');
      trap(Range.prototype, 'surroundContents');
      trap(Range.prototype, 'insertNode');
      trap(Range.prototype, 'extractContents');
      trap(EventTarget.prototype, 'addEventListener');
      trap(window, 'postMessage');
      for (const name of ['MutationObserver', 'CSSStyleSheet']) {
        const Original = window[name];
        window[name] = function (...args) {
          if (String(new Error().stack).includes('InjectedScript')) return new Original(...args);
          window.__hijacked.push(name);
          throw new Error('hostile page: ' + name);
        };
      }
    </script>`;
    const v = seedVariant('HOSTILE000000004', (html) => inHead(html, hijack));
    h.serve(v.url, v.html);
    const page = await h.open(v.url);
    expect(await page.evaluate(() => Element.prototype.attachShadow.toString())).toContain('hostile page');

    const box = await bannerBox(page);
    expect(box.height).toBeGreaterThan(20);
    expect(await page.evaluate(() => document.querySelector('[data-sourcemark-ui="banner"]')?.shadowRoot?.mode)).toBe('open');
    await expect.poll(() => page.locator('[data-sourcemark="claim"]').count()).toBeGreaterThan(5);
    await highlight(page, SENTENCE);
    await writeNote(page, OTHER_SENTENCE, 'despite the traps');
    expect(await openPopover(page, OTHER_SENTENCE)).toContain('despite the traps');
    await noteFrame(page).getByRole('button', { name: '换颜色: 绿色' }).click();
    await expect
      .poll(() => page.locator('[data-sourcemark="highlight"]', { hasText: OTHER_SENTENCE }).first().getAttribute('data-color'))
      .toBe('green');
    // Sourcemark never called the page's versions: they live in the page's world, not in ours.
    expect(await page.evaluate(() => (window as { __hijacked?: string[] }).__hijacked)).toEqual([]);
    await page.close();
  });

  it('with 50,000 DOM nodes is marked, and one sentence in it can be highlighted and found again', async () => {
    const PARAGRAPHS = 5000;
    const paragraph = (i: number) =>
      `<p id="big-${i}"><span>第${i}段。</span><span>据知情人士透露，</span><b>这项计划</b><i>涉及约${i}万人</i><span>，</span><em>尚无定论。</em></p>`;
    const TARGET = 4321;
    const sentence = `涉及约${TARGET}万人`;
    const v = seedVariant('HOSTILE000000005', (html) => inBody(html, Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('')));
    h.serve(v.url, v.html);
    const page = await h.open(v.url);
    const nodes = await page.evaluate(() => {
      let n = 0;
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    });
    expect(nodes).toBeGreaterThanOrEqual(50_000);

    const box = await bannerBox(page);
    expect(box.height).toBeGreaterThan(20);
    // The claim detector went through the whole body: the last paragraph's vague source is marked.
    await expect
      .poll(() => page.locator(`#big-${PARAGRAPHS - 1} [data-sourcemark="claim"]`).count(), { timeout: 120_000 })
      .toBeGreaterThan(0);

    expect(await dragSelect(page, `#big-${TARGET}`, sentence)).toBe(sentence);
    await page.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t)), { timeout: 120_000 }).toEqual([sentence]);
    await page.reload();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t)), { timeout: 120_000 }).toEqual([sentence]);
    expect(await page.locator(`#big-${TARGET} [data-sourcemark="highlight"]`).count()).toBeGreaterThan(0);
    await page.close();
  }, 300_000);

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
