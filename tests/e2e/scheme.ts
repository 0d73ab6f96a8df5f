/**
 * The browser's colour scheme for one tab, and what a surface really looks like under it: the
 * background a reader sees behind an element, through translucent layers and shadow roots.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { contrast, luminance, over, parseColour, type Rgba } from '../support/contrast';

export type Scheme = 'light' | 'dark';
export const SCHEMES: readonly Scheme[] = ['light', 'dark'];

/**
 * What the browser paints where a document has no background of its own: Chromium's canvas in
 * each scheme (the extension pages declare `color-scheme: light dark`).
 */
export const CANVAS: Record<Scheme, string> = { light: '#ffffff', dark: '#121212' };

/**
 * Makes `page` (and the frames in it) report `scheme` as the browser's, as a reader's system
 * setting does, and checks that its documents see it.
 */
export async function emulateScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
}

/** Whether a frame (an extension frame inside a page, say) sees `scheme` too. */
export async function frameSeesScheme(frame: Frame, scheme: Scheme): Promise<boolean> {
  return (await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) === (scheme === 'dark');
}

/**
 * The background colours from `el` outwards (its own first, crossing shadow roots to their
 * hosts) down to the first opaque one: the layers a reader sees it on. Runs in the page.
 */
export function backgroundLayersOf(el: Element): string[] {
  const layers: string[] = [];
  for (let at: Element | null = el; at; ) {
    const bg = getComputedStyle(at).backgroundColor;
    if (bg && bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)') {
      layers.push(bg);
      if (!/rgba\(.*,\s*0?\.\d+\)$/.test(bg)) break;
    }
    const parent: Node | null = at.parentNode;
    at = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return layers;
}

/** `layers` (innermost first, as backgroundLayersOf gives them) laid over `canvas`. */
export function composite(layers: readonly string[], canvas: string): Rgba {
  return [...layers].reverse().reduce((under, layer) => over(parseColour(layer), under), parseColour(canvas));
}

/** The relative luminance of what a reader sees behind the element `locator` finds. */
export async function backgroundLuminance(locator: Locator, scheme: Scheme): Promise<number> {
  const layers = await locator.evaluate(backgroundLayersOf);
  return luminance(composite(layers, CANVAS[scheme]));
}

/**
 * Dark UI is below this luminance, light UI above LIGHT_ABOVE (the dark tokens are about 0.02,
 * the light ones 0.9 and more): far apart, so a surface left light in dark mode cannot pass.
 */
export const DARK_BELOW = 0.1;
export const LIGHT_ABOVE = 0.6;

/** A piece of text of a surface: its colour and the background layers under it. */
export interface TextSample {
  text: string;
  color: string;
  layers: string[];
}

/**
 * Every visible element of the surface `selector` finds (through its shadow root) that holds
 * text of its own, with its colour and what lies under it: our own contrast measure where axe
 * cannot decide (it gives up on text whose characters lie over different page elements).
 */
export async function textSamples(target: Page | Frame, selector: string): Promise<TextSample[]> {
  return target.evaluate((sel) => {
    // backgroundLayersOf again: a function run in the page cannot call one of ours.
    const layersOf = (el: Element): string[] => {
      const out: string[] = [];
      for (let at: Element | null = el; at; ) {
        const bg = getComputedStyle(at).backgroundColor;
        if (bg && bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)') {
          out.push(bg);
          if (!/rgba\(.*,\s*0?\.\d+\)$/.test(bg)) break;
        }
        const p: Node | null = at.parentNode;
        at = p instanceof ShadowRoot ? p.host : p instanceof Element ? p : null;
      }
      return out;
    };
    const root = document.querySelector(sel);
    if (!root) return [];
    const all: Element[] = [];
    const walk = (r: Element | ShadowRoot) => {
      for (const el of Array.from(r.querySelectorAll('*'))) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root.shadowRoot ?? root);
    return all
      .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== ''))
      .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 20), color: getComputedStyle(el).color, layers: layersOf(el) }));
  }, selector);
}

/** The contrast of a sample's text against what lies under it, over `canvas`. */
export function sampleContrast(s: TextSample, canvas: string): number {
  const under = composite(s.layers, canvas);
  return contrast(over(parseColour(s.color), under), under);
}
