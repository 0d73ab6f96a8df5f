/**
 * Every surface Sourcemark draws, in the browser's light and dark colour schemes (Playwright's
 * `emulateMedia`, as a reader's system setting): the banner, the claim tooltip with its verdict
 * controls, the selection toolbar and the note frame (note editor, a highlight's popover) in the
 * article page; the popup, the options page, the side panel, the ledger and the kept copy as
 * pages of their own. For each:
 *
 * - it really follows the scheme: what a reader sees behind it is dark in dark, light in light
 *   (the positive signal that the scheme reached it, before anything is judged);
 * - axe-core finds no serious or critical violation (contrast included);
 * - Tab reaches each of its controls, and each shows a focus outline with 3:1 against what it is
 *   drawn on.
 *
 * The marks in the article's text follow the page, not the browser: tests/unit/mark-colours.test.ts.
 * `SOURCEMARK_SCREENSHOTS=1` saves the dark surfaces to tests/e2e/screenshots/dark-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKey } from '@/storage/model/page-key';
import { expectNoSeriousViolations, hostIntoBody } from './axe';
import { focusRingContrast, focusRingProblem, walkWithTab, type Walk } from './focus-walk';
import { ROOT, seed, serveSeeds } from './harness';
import { keyboardSelect, tabIdOf, waitForSourcemark } from './probes';
import {
  CANVAS,
  DARK_BELOW,
  LIGHT_ABOVE,
  SCHEMES,
  backgroundLayersOf,
  backgroundLuminance,
  emulateScheme,
  frameSeesScheme,
  sampleContrast,
  textSamples,
  type Scheme,
} from './scheme';
import { highlightTexts } from './select';
import { useHarness } from './use-harness';

const desktop = seed('netease-hao-desktop.html');
const BANNER = '[data-sourcemark-ui="banner"]';
const TIP = '[data-sourcemark-ui="claim-tip"]';
const ANNOTATOR = '[data-sourcemark-ui="annotator"]';
/** Two sentences of the seed's body, each in one text node: one to highlight, one to note. */
const HIGHLIGHTED = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
const NOTED = '而俄罗斯依然狮子大张口,坚持两点:';
const NOTE = '深色模式下写的笔记';
const SHOTS = process.env.SOURCEMARK_SCREENSHOTS === '1' ? path.join(ROOT, 'tests/e2e/screenshots') : null;

const measured: string[] = [];
afterAll(() => console.log(measured.join('\n')));

function expectFollows(scheme: Scheme, luminance: number, what: string): void {
  if (scheme === 'dark') expect(luminance, `${what} is not dark`).toBeLessThan(DARK_BELOW);
  else expect(luminance, `${what} is not light`).toBeGreaterThan(LIGHT_ABOVE);
}

/** Every control of the walk reached, and every stop's focus outline visible at 3:1. */
function expectKeyboardWalk(walk: Walk, scheme: Scheme, what: string): void {
  expect(walk.controls.length, `${what} has no control to walk`).toBeGreaterThan(0);
  const reached = new Set(walk.stops.map((s) => s.id));
  expect(walk.controls.filter((c) => !reached.has(c.id)).map((c) => c.name), `${what}: controls Tab never reached (it went ${walk.stops.map((s) => s.name).join(' → ')})`).toEqual([]);
  const problems = walk.stops.map((s) => focusRingProblem(s, CANVAS[scheme])).filter((p) => p !== null);
  expect(problems, `${what}: focus not visible`).toEqual([]);
  const weakest = Math.min(...walk.stops.map((s) => focusRingContrast(s, CANVAS[scheme])));
  measured.push(`${scheme} ${what}: Tab reached ${walk.stops.length} stops for ${walk.controls.length} controls; weakest focus ring ${weakest.toFixed(2)}:1`);
}

async function expectAxeClean(target: Page | Frame, scope: string, scheme: Scheme, what: string): Promise<void> {
  const summary = await expectNoSeriousViolations(target, scope);
  const undecided = summary.incomplete.filter((f) => f.rule === 'color-contrast');
  let own = '';
  if (!summary.passed.includes('color-contrast')) {
    // axe gives up on text whose characters lie over different page elements (the toolbar floats
    // over the article): only that reason is accepted, and the contrast is then measured here.
    const reasons = undecided.flatMap((f) => f.why);
    expect(reasons.length, `${what}: axe neither judged nor left colour contrast undecided`).toBeGreaterThan(0);
    expect(reasons.filter((r) => !/partially overlaps other elements/.test(r)), `${what}: axe could not judge contrast`).toEqual([]);
    const samples = await textSamples(target, scope);
    expect(samples.length).toBeGreaterThan(0);
    const low = samples.map((s) => ({ ...s, ratio: sampleContrast(s, CANVAS[scheme]) })).filter((s) => s.ratio < 4.5);
    expect(low.map((s) => `"${s.text}" ${s.ratio.toFixed(2)}:1`), `${what}: text below 4.5:1`).toEqual([]);
    own = `; colour contrast undecided by axe (text over several page elements), measured here: ${samples.length} texts ≥ 4.5:1`;
  }
  measured.push(
    `${scheme} ${what}: axe ${summary.passed.length} rules passed; violations: ${summary.violations.map((v) => `${v.impact} ${v.rule}`).join(', ') || 'none'}${own}`,
  );
}

/** Saves a dark surface for the README when SOURCEMARK_SCREENSHOTS=1; `take` writes the file. */
async function shoot(scheme: Scheme, name: string, take: (file: string) => Promise<unknown>): Promise<void> {
  if (!SHOTS || scheme !== 'dark') return;
  const file = path.join(SHOTS, `dark-${name}.png`);
  await take(file);
  expect(fs.statSync(file).size).toBeGreaterThan(1000);
}

describe.each(SCHEMES)('every surface Sourcemark draws, in the %s scheme', (scheme) => {
  const h = useHarness({ locale: 'zh-CN' });
  let page: Page;
  let tabId: number;
  beforeAll(async () => {
    serveSeeds(h);
    page = await h.context.newPage();
    await emulateScheme(page, scheme);
    await page.goto(desktop.url, { waitUntil: 'load' });
    await waitForSourcemark(h, page);
    tabId = await tabIdOf(h, desktop.url);
  });

  /** A new tab on one of the extension's pages, in this scheme, once `ready` shows. */
  async function extensionPage(file: string, ready: string): Promise<Page> {
    const p = await h.context.newPage();
    await emulateScheme(p, scheme);
    await p.goto(`chrome-extension://${h.extensionId}/${file}`, { waitUntil: 'load' });
    await p.locator(ready).first().waitFor();
    return p;
  }

  it('the banner follows the scheme, passes axe, and Tab reaches each of its controls with a visible focus', async () => {
    await page.bringToFront();
    expectFollows(scheme, await backgroundLuminance(page.locator(`${BANNER} .banner`), scheme), 'the banner');
    // Start just before the banner, where a reader tabbing through the article arrives from.
    await page.evaluate((sel) => {
      const probe = document.createElement('button');
      probe.setAttribute('data-tab-probe', '');
      probe.textContent = 'before the banner';
      document.querySelector(sel)!.before(probe);
      probe.focus();
    }, BANNER);
    expectKeyboardWalk(await walkWithTab(page, page, BANNER), scheme, 'banner');
    await expectAxeClean(page, BANNER, scheme, 'banner');
    // With the audit's list of claims open: one more button per claim, walked the same way.
    await page.locator(`${BANNER} .audit-actions button[aria-expanded]`).click();
    await expect.poll(() => page.locator(`${BANNER} .jump`).count()).toBeGreaterThan(5);
    await page.locator('[data-tab-probe]').focus();
    expectKeyboardWalk(await walkWithTab(page, page, BANNER, 60), scheme, 'banner, claim list open');
    await expectAxeClean(page, BANNER, scheme, 'banner, claim list open');
    await page.locator(`${BANNER} .audit-actions button[aria-expanded]`).click();
    await page.evaluate(() => document.querySelector('[data-tab-probe]')?.remove());
    await page.locator(BANNER).scrollIntoViewIfNeeded();
    await shoot(scheme, 'banner', (file) => page.locator(BANNER).screenshot({ path: file }));
  });

  it('the claim tooltip follows the scheme, passes axe with a verdict chosen, and Tab reaches its controls', async () => {
    await page.bringToFront();
    const mark = page.locator('[data-sourcemark="claim"][tabindex="0"]').nth(1);
    await mark.focus();
    await page.keyboard.press('ArrowDown');
    await page.locator(`${TIP} .tip`).waitFor();
    expectFollows(scheme, await backgroundLuminance(page.locator(`${TIP} .tip`), scheme), 'the claim tooltip');
    // Focus is on the verdicts (one Tab stop, arrows between them); Tab goes on to "Note and evidence…".
    expectKeyboardWalk(await walkWithTab(page, page, TIP, 5), scheme, 'claim tooltip');

    await mark.hover();
    await page.locator(`${TIP} button.verdict[data-verdict="misleading"]`).click();
    await expect.poll(() => page.locator(`${TIP} button.verdict[aria-pressed="true"]`).count()).toBe(1);
    if (SHOTS && scheme === 'dark') {
      const a = (await mark.boundingBox())!;
      const b = (await page.locator(`${TIP} .tip`).boundingBox())!;
      const x = Math.max(0, Math.min(a.x, b.x) - 24);
      const y = Math.max(0, Math.min(a.y, b.y) - 24);
      const clip = { x, y, width: Math.max(a.x + a.width, b.x + b.width) + 24 - x, height: Math.max(a.y + a.height, b.y + b.height) + 24 - y };
      await shoot(scheme, 'claim-tip', (file) => page.screenshot({ path: file, clip }));
    }
    await hostIntoBody(page, TIP);
    await expectAxeClean(page, TIP, scheme, 'claim tooltip');
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
  });

  it('the selection toolbar follows the scheme, passes axe, and Tab walks all its buttons with a visible focus', async () => {
    await page.bringToFront();
    expect(await keyboardSelect(page, desktop.bodySelector, HIGHLIGHTED)).toBe(HIGHLIGHTED);
    const toolbar = page.locator(`${ANNOTATOR} [role="toolbar"]`);
    await toolbar.waitFor();
    expectFollows(scheme, await backgroundLuminance(page.locator(`${ANNOTATOR} .panel`), scheme), 'the toolbar');
    // The toolbar sits after the page in the Tab order (its host is the document's last); a reader
    // reaches it from the end of the page. The walk starts on its first button.
    await toolbar.locator('button').first().focus();
    expectKeyboardWalk(await walkWithTab(page, page, ANNOTATOR, 10), scheme, 'selection toolbar');
    expect(await keyboardSelect(page, desktop.bodySelector, HIGHLIGHTED)).toBe(HIGHLIGHTED);
    await toolbar.waitFor();
    await hostIntoBody(page, ANNOTATOR);
    await expectAxeClean(page, ANNOTATOR, scheme, 'selection toolbar');
    await toolbar.locator('button').first().click();
    await expect.poll(() => highlightTexts(page).then((t) => Object.values(t))).toContain(HIGHLIGHTED);
  });

  it('the note frame follows the scheme (no light box in dark), passes axe, and Tab walks the note editor', async () => {
    await page.bringToFront();
    expect(await keyboardSelect(page, desktop.bodySelector, NOTED)).toBe(NOTED);
    await page.locator(`${ANNOTATOR} [role="toolbar"] button:not(.swatch)`).click();
    const frame = await expect
      .poll(() => page.frames().find((f) => f.url().includes('/note.html')) ?? null)
      .not.toBeNull()
      .then(() => page.frames().find((f) => f.url().includes('/note.html'))!);
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.state ?? '')).toBe('shown');
    expect(await frameSeesScheme(frame, scheme)).toBe(true);
    expectFollows(scheme, await backgroundLuminance(frame.locator('.panel'), scheme), 'the note frame');
    // The frame element and the document in it agree on the scheme, so Chromium paints no opaque
    // canvas of the other scheme behind the frame's rounded box.
    const outer = await page.locator(`${ANNOTATOR} iframe.note-frame`).evaluate((el) => getComputedStyle(el).colorScheme);
    const inner = await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    expect(outer).toBe(inner);
    // Its box fills the frame, so no stripe of the page shows inside the frame's shadowed rectangle.
    const fill = await frame.evaluate(() => ({ box: document.querySelector('.panel')!.getBoundingClientRect().height, frame: innerHeight }));
    expect(fill.box).toBeGreaterThanOrEqual(fill.frame - 1);
    await expect.poll(() => frame.evaluate(() => document.activeElement?.localName)).toBe('textarea');
    await shoot(scheme, 'note-editor', (file) => page.locator(`${ANNOTATOR} .frame-panel`).screenshot({ path: file }));
    // Focus starts in the note box: Tab goes on to the evidence and the buttons, Shift+Tab back
    // to the verdicts before it. Together they are the walk.
    const forward = await walkWithTab(page, frame, 'body', 20);
    await frame.locator('textarea').first().focus();
    const back = await walkWithTab(page, frame, 'body', 20, 'Shift+Tab');
    expectKeyboardWalk({ controls: forward.controls, stops: [...forward.stops, ...back.stops.filter((s) => !forward.stops.some((f) => f.id === s.id))] }, scheme, 'note frame (editor)');
    await expectAxeClean(frame, 'body', scheme, 'note frame (editor)');
    await frame.locator('textarea').first().fill(NOTE);
    await frame.locator('textarea').first().press('Control+Enter');
    await expect.poll(() => page.locator(`${ANNOTATOR} iframe.note-frame`).count()).toBe(0);
  });

  it("the note frame's popover of a highlight follows the scheme, passes axe, and Tab walks its controls", async () => {
    await page.bringToFront();
    await page.locator('[data-sourcemark="highlight"]', { hasText: NOTED }).first().click();
    const popover = () => page.frames().find((f) => f.url().includes('/note.html') && !f.isDetached()) ?? null;
    await expect.poll(popover).not.toBeNull();
    const frame = popover()!;
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.state ?? '')).toBe('shown');
    await expect.poll(() => frame.locator('.note').innerText()).toBe(NOTE);
    expectFollows(scheme, await backgroundLuminance(frame.locator('.panel'), scheme), 'the highlight popover');
    const first = frame.locator('button').first();
    await first.focus();
    const forward = await walkWithTab(page, frame, 'body', 20);
    await first.focus();
    const back = await walkWithTab(page, frame, 'body', 20, 'Shift+Tab');
    expectKeyboardWalk(
      { controls: forward.controls, stops: [...forward.stops, ...back.stops.filter((s) => !forward.stops.some((f) => f.id === s.id))] },
      scheme,
      'note frame (highlight popover)',
    );
    await expectAxeClean(frame, 'body', scheme, 'note frame (highlight popover)');
    await first.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(`${ANNOTATOR} iframe.note-frame`).count()).toBe(0);
  });

  it("keeps the article's text legible under its marks, whatever the browser's scheme (marks follow the page)", async () => {
    await page.bringToFront();
    const marks = [
      { what: 'a highlight', el: page.locator('[data-sourcemark="highlight"][data-color]:not([data-assesses])').first() },
      { what: 'a claim tinted "misleading"', el: page.locator('[data-sourcemark="claim"][data-sourcemark-verdict="misleading"]').first() },
    ];
    for (const { what, el } of marks) {
      const sample = { text: await el.innerText(), color: await el.evaluate((m) => getComputedStyle(m).color), layers: await el.evaluate(backgroundLayersOf) };
      // The mark paints something of its own on the white article (the positive signal) …
      expect(sample.layers.length, `${what} paints no background`).toBeGreaterThan(0);
      // … and the page's own text stays at 4.5:1 on it, in a dark browser as in a light one.
      const ratio = sampleContrast(sample, CANVAS.light);
      expect(ratio, what).toBeGreaterThanOrEqual(4.5);
      measured.push(`${scheme} browser, white article: text under ${what} at ${ratio.toFixed(2)}:1`);
    }
  });

  it('the popup follows the scheme, passes axe, and Tab reaches each control with a visible focus', async () => {
    const popup = await extensionPage(`popup.html?tab=${tabId}`, 'h1');
    await popup.setViewportSize({ width: 420, height: 600 });
    await expect.poll(() => popup.locator('.claim-count').count()).toBeGreaterThan(0);
    expectFollows(scheme, await backgroundLuminance(popup.locator('body'), scheme), 'the popup');
    // 14 px, not Chromium's 75 % default for extension pages.
    expect(await popup.locator('body').evaluate((b) => getComputedStyle(b).fontSize)).toBe('14px');
    // At that size the header still fits the popup's width on one line, each tab's name whole.
    const header = await popup.locator('header.top').evaluate((el) => ({
      overflow: el.scrollWidth - el.clientWidth,
      lines: Array.from(el.querySelectorAll('[role="tab"]')).map((t) => Math.round(t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight))),
    }));
    expect(header).toEqual({ overflow: 0, lines: [1, 1] });
    await shoot(scheme, 'popup', (file) => popup.screenshot({ path: file }));
    expectKeyboardWalk(await walkWithTab(popup, popup, 'body', 60), scheme, 'popup');
    await expectAxeClean(popup, 'body', scheme, 'popup');
    await popup.close();
  });

  it('the options page follows the scheme, passes axe, and Tab reaches each control with a visible focus', async () => {
    const options = await extensionPage('options.html', 'h1');
    await expect.poll(() => options.locator('input, button').count()).toBeGreaterThan(5);
    expectFollows(scheme, await backgroundLuminance(options.locator('.options'), scheme), 'the options page');
    expect(await options.locator('body').evaluate((b) => getComputedStyle(b).fontSize)).toBe('14px');
    expectKeyboardWalk(await walkWithTab(options, options, 'body', 150), scheme, 'options page');
    await expectAxeClean(options, 'body', scheme, 'options page');
    await options.close();
  });

  it('the side panel follows the scheme, passes axe, and Tab reaches each control with a visible focus', async () => {
    const panel = await extensionPage(`sidepanel.html?tab=${tabId}`, 'li.claim');
    await panel.setViewportSize({ width: 400, height: 900 });
    await expect.poll(() => panel.locator('li.note-item').count()).toBeGreaterThan(0);
    expectFollows(scheme, await backgroundLuminance(panel.locator('li.claim').first(), scheme), 'the side panel');
    expect(await panel.locator('body').evaluate((b) => getComputedStyle(b).fontSize)).toBe('14px');
    await shoot(scheme, 'side-panel', (file) => panel.screenshot({ path: file }));
    expectKeyboardWalk(await walkWithTab(panel, panel, 'body', 120), scheme, 'side panel');
    await expectAxeClean(panel, 'body', scheme, 'side panel');
    await panel.close();
  });

  it('the ledger follows the scheme, passes axe, and Tab reaches each control with a visible focus', async () => {
    const ledger = await extensionPage('ledger.html', 'table');
    expectFollows(scheme, await backgroundLuminance(ledger.locator('table'), scheme), 'the ledger');
    expectKeyboardWalk(await walkWithTab(ledger, ledger, 'body', 60), scheme, 'ledger');
    await expectAxeClean(ledger, 'body', scheme, 'ledger');
    await ledger.close();
  });

  it('the kept copy follows the scheme, passes axe, and Tab reaches each control with a visible focus', async () => {
    const copy = await extensionPage(`snapshot.html?page=${encodeURIComponent(pageKey(desktop.url))}`, '.kept-article');
    await expect.poll(() => copy.locator('[data-sourcemark="highlight"]').count()).toBeGreaterThan(0);
    expectFollows(scheme, await backgroundLuminance(copy.locator('.kept-article'), scheme), 'the kept copy');
    expectKeyboardWalk(await walkWithTab(copy, copy, 'body', 80), scheme, 'kept copy');
    await expectAxeClean(copy, 'body', scheme, 'kept copy');
    await copy.close();
  });
});
