/**
 * The claim tooltip as a reader sees it in Chromium at 1280×900: by the line under the pointer,
 * inside the viewport, wide enough to read, with verdict controls that the keyboard reaches and a
 * page script cannot press. `SOURCEMARK_SCREENSHOTS=1` also saves each case to
 * tests/e2e/screenshots/claim-tip-<case>.png for the README's gallery.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, serveSeeds } from './harness';
import { seedVariant, waitForSourcemark } from './probes';
import { useHarness } from './use-harness';
import { expectNoSeriousViolations, hostIntoBody } from './axe';

const HOST = '[data-sourcemark-ui="claim-tip"]';
const SCREENSHOTS = process.env.SOURCEMARK_SCREENSHOTS === '1' ? path.join(ROOT, 'tests/e2e/screenshots') : null;
/** "Touches or nearly touches": the tip's near edge is this close to the line (the gap is 4 px). */
const NEAR = 8;
const MIN_WIDTH = 240;

/**
 * The desktop seed with one short unsourced sentence between two others in one paragraph: the
 * seed's claims are whole sentences at the start of a line or running to its end, and none sits
 * mid-line by itself.
 */
const MID_LINE = '据说双方早有默契。';
const VARIANT = seedVariant('TIPGEOMETRY00001', (html) =>
  html.replace('谈判事关全球2026的和平与安宁,自然让全球瞩目。', `谈判事关全球2026的和平与安宁。${MID_LINE}此事自然让全球瞩目。`),
);

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One line of one claim mark element (a client rect), and where on its text line it sits. */
interface Fragment extends Box {
  claim: number;
  /** Which of the claim's lines this is (0 = first), over all its elements. */
  line: number;
  /** How many lines the claim has. */
  lines: number;
  text: string;
  /** Against the text block's content box: starts at its left edge, ends at its right, or neither. */
  at: 'start' | 'end' | 'middle' | 'full';
}

/** Every line of every claim mark, in page coordinates (so they stay valid across scrolling). */
function fragments(page: Page): Promise<Fragment[]> {
  return page.evaluate(() => {
    const out: Fragment[] = [];
    const byClaim = new Map<number, Element[]>();
    for (const m of document.querySelectorAll('[data-sourcemark="claim"]')) {
      const i = Number(m.getAttribute('data-claim-index'));
      byClaim.set(i, [...(byClaim.get(i) ?? []), m]);
    }
    for (const [claim, els] of byClaim) {
      const rects = els.flatMap((el) => Array.from(el.getClientRects(), (r) => ({ r, el })));
      rects.forEach(({ r, el }, line) => {
        const block = el.closest('p, div, section')!;
        const cs = getComputedStyle(block);
        const b = block.getBoundingClientRect();
        const left = b.left + parseFloat(cs.paddingLeft);
        const right = b.right - parseFloat(cs.paddingRight);
        // Less than one character short of the edge is at the edge (CJK lines break per character).
        const char = parseFloat(cs.fontSize);
        const atStart = r.left - left < 2;
        const atEnd = right - r.right < char;
        out.push({
          claim,
          line,
          lines: rects.length,
          text: el.textContent ?? '',
          at: atStart && atEnd ? 'full' : atStart ? 'start' : atEnd ? 'end' : 'middle',
          left: r.left + scrollX,
          right: r.right + scrollX,
          top: r.top + scrollY,
          bottom: r.bottom + scrollY,
        });
      });
    }
    return out;
  });
}

interface Measured {
  line: Box;
  tip: Box;
  placement: string | null;
  viewport: { width: number; height: number };
}

/** Scrolls the fragment to `viewportY` (its top), hovers its middle, and measures line and tip. */
async function hoverAndMeasure(page: Page, f: Fragment, viewportY: number): Promise<Measured> {
  await closeTip(page);
  await page.evaluate((y) => window.scrollTo(0, y), f.top - viewportY);
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const line = { left: f.left - scroll.x, right: f.right - scroll.x, top: f.top - scroll.y, bottom: f.bottom - scroll.y };
  await page.mouse.move((line.left + line.right) / 2, (line.top + line.bottom) / 2);
  const tip = page.locator(`${HOST} .tip`);
  await expect.poll(() => tip.count()).toBe(1);
  return {
    line,
    ...(await page.evaluate((host) => {
      const place = document.querySelector(host)!.shadowRoot!.querySelector('.place')!;
      const r = place.querySelector('.tip')!.getBoundingClientRect();
      return {
        tip: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        placement: place.getAttribute('data-placement'),
        viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      };
    }, HOST)),
  };
}

/** Takes pointer and focus off every mark and tip, so the next case starts with no tip open. */
async function closeTip(page: Page): Promise<void> {
  await page.evaluate(() => {
    const active = document.activeElement;
    const inner = active?.shadowRoot?.activeElement ?? active;
    if (inner instanceof HTMLElement) inner.blur();
  });
  await page.mouse.move(1, 1);
  await expect.poll(() => page.locator(`${HOST} .tip`).count()).toBe(0);
}

/** Near edge to line: below, the tip's top less the line's bottom; above, the line's top less the tip's bottom. */
function gapOf(m: Measured): number {
  return m.placement === 'above' ? m.line.top - m.tip.bottom : m.tip.top - m.line.bottom;
}

function expectBesideLine(m: Measured): void {
  expect(m.tip.left, 'left edge inside the viewport').toBeGreaterThanOrEqual(0);
  expect(m.tip.top, 'top edge inside the viewport').toBeGreaterThanOrEqual(0);
  expect(m.tip.right, 'right edge inside the viewport').toBeLessThanOrEqual(m.viewport.width);
  expect(m.tip.bottom, 'bottom edge inside the viewport').toBeLessThanOrEqual(m.viewport.height);
  expect(m.tip.right - m.tip.left, 'wide enough for ~20 characters a line').toBeGreaterThanOrEqual(MIN_WIDTH);
  expect(gapOf(m), `the tip's ${m.placement === 'above' ? 'bottom' : 'top'} edge touches the line`).toBeGreaterThanOrEqual(0);
  expect(gapOf(m)).toBeLessThanOrEqual(NEAR);
  // Beside that line, not off to one side of it.
  expect(m.tip.left).toBeLessThan(m.line.right);
  expect(m.tip.right).toBeGreaterThan(m.line.left);
}

/** Saves the line and its tip, with some page around them, when screenshots are asked for. */
async function shoot(page: Page, name: string, m: Measured): Promise<void> {
  if (!SCREENSHOTS) return;
  const pad = 24;
  const x = Math.max(0, Math.min(m.line.left, m.tip.left) - pad);
  const y = Math.max(0, Math.min(m.line.top, m.tip.top) - pad);
  const right = Math.min(m.viewport.width, Math.max(m.line.right, m.tip.right) + pad);
  const bottom = Math.min(m.viewport.height, Math.max(m.line.bottom, m.tip.bottom) + pad);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `claim-tip-${name}.png`), clip: { x, y, width: right - x, height: bottom - y } });
}

/** What each case measured, printed at the end (the README and reviews quote it). */
const measured: string[] = [];
const note = (name: string, m: Measured) =>
  measured.push(`${name}: ${m.placement}, width ${Math.round(m.tip.right - m.tip.left)} px, gap ${gapOf(m).toFixed(1)} px, tip ${Math.round(m.tip.left)},${Math.round(m.tip.top)}–${Math.round(m.tip.right)},${Math.round(m.tip.bottom)}`);

describe('the claim tooltip in Chromium at 1280×900', () => {
  const h = useHarness({ locale: 'zh-CN' });
  let page: Page;
  let all: Fragment[];
  beforeAll(async () => {
    serveSeeds(h);
    h.serve(VARIANT.url, VARIANT.html);
    page = await h.open(VARIANT.url);
    await waitForSourcemark(h, page);
    all = await fragments(page);
  });
  afterAll(() => {
    if (measured.length) console.log(`claim tip geometry\n  ${measured.join('\n  ')}`);
  });

  it('is served the seed article with one mark in the middle of a line', async () => {
    expect(await page.viewportSize()).toEqual({ width: 1280, height: 900 });
    expect(all.find((f) => f.text === MID_LINE)?.at).toBe('middle');
  });

  const singleLine = (at: Fragment['at']) => all.find((f) => f.lines === 1 && f.at === at);
  const cases: [name: string, where: string, pick: () => Fragment | undefined][] = [
    ['line-start', 'at the start of a line', () => singleLine('start')],
    ['mid-line', 'in the middle of a line', () => singleLine('middle')],
    // A claim's first line that begins mid-line and runs to its end (the one starting furthest right).
    ['line-end', 'at the end of a line', () => all.filter((f) => f.at === 'end' && f.line === 0).sort((a, b) => b.left - a.left)[0]],
  ];
  for (const [name, where, pick] of cases) {
    it(`sits just below a mark ${where}, inside the viewport, at least ${MIN_WIDTH} px wide`, async () => {
      const f = pick();
      expect(f, `a claim mark ${where}`).toBeDefined();
      const m = await hoverAndMeasure(page, f!, 300);
      expectBesideLine(m);
      expect(m.placement).toBe('below');
      note(name, m);
      await shoot(page, name, m);
    });
  }

  it('sits by the second line of a wrapped mark when the pointer is on that line', async () => {
    const second = all.find((f) => f.lines >= 3 && f.line === 1) ?? all.find((f) => f.lines >= 2 && f.line === 1);
    expect(second, 'a claim mark wrapped over two lines or more').toBeDefined();
    const first = all.find((f) => f.claim === second!.claim && f.line === 0)!;
    expect(second!.top).toBeGreaterThan(first.bottom - 1);
    const m = await hoverAndMeasure(page, second!, 300);
    expectBesideLine(m);
    // By the second line: not below the first (where it would cover the line being read).
    expect(m.tip.top).toBeGreaterThanOrEqual(m.line.bottom);
    note('wrapped (second line)', m);
    await shoot(page, 'wrapped', m);
  });

  it('flips above a mark near the bottom of the viewport', async () => {
    // Far enough down the article that the page can scroll it to the viewport's bottom.
    const f = all.find((x) => x.lines === 1 && x.top > 1000) ?? all.find((x) => x.top > 1000);
    expect(f, 'a claim mark below the first screen').toBeDefined();
    const m = await hoverAndMeasure(page, f!, 900 - 40);
    expect(m.line.bottom).toBeGreaterThan(900 - 40);
    expectBesideLine(m);
    expect(m.placement).toBe('above');
    note('near the bottom', m);
    await shoot(page, 'bottom', m);
  });

  it('follows its line when the page scrolls, and hides once the line is out of view', async () => {
    // Opened by keyboard focus: a wheel under the pointer would move the mark away from it.
    const f = all.find((x) => x.lines === 1 && x.at === 'start')!;
    await closeTip(page);
    await page.evaluate((y) => window.scrollTo(0, y), f.top - 300);
    await page.locator(`[data-sourcemark="claim"][data-claim-index="${f.claim}"]`).first().focus({ timeout: 5000 });
    const tipTop = () =>
      page.evaluate((host) => document.querySelector(host)!.shadowRoot!.querySelector('.tip')?.getBoundingClientRect().top ?? null, HOST);
    await expect.poll(tipTop).not.toBeNull();
    const before = (await tipTop())!;
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect.poll(tipTop).toBeCloseTo(before - 60, 0);
    await page.evaluate(() => window.scrollBy(0, 400));
    await expect.poll(() => page.locator(`${HOST} .tip`).count()).toBe(0);
  });

  it('stays open while the pointer moves from the mark into it, so its buttons can be clicked', async () => {
    const f = all.find((x) => x.lines === 1 && x.at === 'start')!;
    const m = await hoverAndMeasure(page, f, 300);
    // Down across the gap in small steps, as a hand moves, then a real click on a verdict.
    await page.mouse.move(m.tip.left + 40, m.tip.top + 30, { steps: 8 });
    await page.waitForTimeout(400);
    const button = page.locator(`${HOST} button.verdict[data-verdict="needs-source"]`);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(`${HOST} .tip`).count()).toBe(1);
  });

  it("ignores a page script's click on a verdict button, and takes the reader's", async () => {
    const f = all.find((x) => x.lines === 1 && x.at === 'middle')!;
    await hoverAndMeasure(page, f, 300);
    const pressed = () => page.locator(`${HOST} button.verdict[aria-pressed="true"]`).count();
    // The page's own script: the shadow root is open, so it can find the button and click it.
    await page.evaluate((host) => {
      const b = document.querySelector(host)!.shadowRoot!.querySelector<HTMLButtonElement>('button.verdict[data-verdict="false"]')!;
      b.click();
      b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }, HOST);
    expect(await pressed()).toBe(0);
    await page.locator(`${HOST} button.verdict[data-verdict="false"]`).click();
    await expect.poll(() => page.locator(`${HOST} button.verdict[data-verdict="false"]`).getAttribute('aria-pressed')).toBe('true');
  });

  describe('from the keyboard', () => {
    const focusedVerdict = () =>
      page.evaluate((host) => {
        const shadow = document.querySelector(host)!.shadowRoot!;
        const el = shadow.activeElement as HTMLElement | null;
        return el ? { verdict: el.dataset.verdict ?? null, cls: el.className, outline: getComputedStyle(el).outlineStyle } : null;
      }, HOST);
    const focusedMark = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('data-sourcemark') === 'claim' ? Number(el.getAttribute('data-claim-index')) : null;
      });
    let mark: Fragment;
    beforeAll(() => {
      mark = all.find((x) => x.text === MID_LINE)!;
    });
    const focusMark = async () => {
      await closeTip(page);
      await page.locator(`[data-sourcemark="claim"][data-claim-index="${mark.claim}"]`).first().focus();
      await expect.poll(() => page.locator(`${HOST} .tip`).count()).toBe(1);
    };

    it('moves from a focused mark into the verdicts with ArrowDown, between them with arrows, and chooses with Enter', async () => {
      await focusMark();
      await page.keyboard.press('ArrowDown');
      // Focus lands on the verdict the reader gave this claim earlier in this file (they are
      // saved), or on the first when there is none.
      const pressedButton = page.locator(`${HOST} button.verdict[aria-pressed="true"]`);
      const pressed = (await pressedButton.count()) ? await pressedButton.getAttribute('data-verdict') : null;
      expect(await focusedVerdict()).toMatchObject({ verdict: pressed ?? 'unchecked', outline: 'solid' });
      await page.keyboard.press('Home');
      expect(await focusedVerdict()).toMatchObject({ verdict: 'unchecked' });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await focusedVerdict()).toMatchObject({ verdict: 'supported' });
      await page.keyboard.press('Enter');
      const supported = page.locator(`${HOST} button.verdict[data-verdict="supported"]`);
      await expect.poll(() => supported.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator(`${HOST} .tip`).count()).toBe(1);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press(' ');
      await expect.poll(() => page.locator(`${HOST} button.verdict[data-verdict="needs-source"]`).getAttribute('aria-pressed')).toBe('true');
      expect(await supported.getAttribute('aria-pressed')).toBe('false');
      // Both writes come back (the mark shows the stored verdict): the second choice still stands.
      const markVerdict = page.locator(`[data-sourcemark="claim"][data-claim-index="${mark.claim}"]`).first();
      await expect.poll(() => markVerdict.getAttribute('data-sourcemark-verdict')).toBe('needs-source');
      const pressedNow = await page.locator(`${HOST} button.verdict[aria-pressed="true"]`).evaluateAll((bs) => bs.map((b) => b.getAttribute('data-verdict')));
      expect(pressedNow).toEqual(['needs-source']);
    });

    it('closes with Escape and gives focus back to the mark; Enter opens it again', async () => {
      await focusMark();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(`${HOST} .tip`).count()).toBe(0);
      expect(await focusedMark()).toBe(mark.claim);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(`${HOST} .tip`).count()).toBe(1);
      expect(await focusedVerdict()).toMatchObject({ cls: 'verdict' });
    });

    it("leaves with Tab for the mark's next focusable element in the page, and Shift+Tab goes back to the mark", async () => {
      // Where Tab goes from the mark with no tip: the page's own order.
      await focusMark();
      await page.keyboard.press('Escape');
      await page.evaluate(() => document.querySelectorAll('[data-tab-probe]').forEach((e) => e.removeAttribute('data-tab-probe')));
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => {
        document.activeElement?.setAttribute('data-tab-probe', '');
        return document.activeElement?.outerHTML.slice(0, 80);
      });
      expect(next).toBeDefined();

      await focusMark();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Shift+Tab');
      expect(await focusedMark()).toBe(mark.claim);
      expect(await page.locator(`${HOST} .tip`).count()).toBe(1);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      expect(await focusedVerdict()).toMatchObject({ cls: 'assess', outline: 'solid' });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-tab-probe'))).toBe(true);
      // This claim's tip is gone; the element Tab reached may be the next claim, with its own tip.
      const nextClaim = await focusedMark();
      await expect
        .poll(() => page.locator(`${HOST} .place`).getAttribute('data-claim-index'))
        .toBe(nextClaim === null ? null : String(nextClaim));
    });
  });

  it('has no serious or critical accessibility violation (axe-core), with its verdict controls showing', async () => {
    const f = all.find((x) => x.text === MID_LINE)!;
    await hoverAndMeasure(page, f, 300);
    await page.locator(`${HOST} button.verdict[data-verdict="misleading"]`).click();
    await expect.poll(() => page.locator(`${HOST} button.verdict[aria-pressed="true"]`).count()).toBe(1);
    await hostIntoBody(page, HOST);
    const summary = await expectNoSeriousViolations(page, HOST);
    // Contrast was really checked: only the verdicts' glyphs (decoration beside their names,
    // aria-hidden) are left for a person, as axe does not rate symbols.
    expect(summary.passed).toContain('color-contrast');
    const undecided = summary.incomplete.filter((f) => f.rule === 'color-contrast').flatMap((f) => f.targets);
    expect(undecided.filter((t) => !t.includes('verdict-icon'))).toEqual([]);
    measured.push(
      `axe: ${summary.passed.length} rules passed (${summary.passed.join(', ')}); violations: ${summary.violations.map((v) => `${v.impact} ${v.rule}`).join(', ') || 'none'}; undecided: ${summary.incomplete.map((f) => `${f.rule} ×${f.targets.length}`).join(', ') || 'none'}`,
    );
  });
});
