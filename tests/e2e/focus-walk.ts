/**
 * A keyboard walk over one surface: press Tab from where focus is, note every element of the
 * surface that takes focus and how its focus shows, until focus leaves the surface or comes
 * round again. Elements inside open shadow roots count (Sourcemark's page UI lives in them).
 *
 * Tests then compare the stops with the surface's controls (every control reached) and measure
 * each stop's focus indicator against what it is drawn on (WCAG 2.4.7 and 2.4.13: visible, 3:1).
 */
import type { Frame, Page } from 'playwright-core';
import { contrast, parseColour } from '../support/contrast';
import { composite } from './scheme';

/** One element focus landed on. */
export interface FocusStop {
  /** The element's id for this walk (stable within the document, see `install`). */
  id: string;
  /** A readable name: tag, class, and its label or text. */
  name: string;
  /** Whether it matches :focus-visible: the browser says a focus ring belongs there. */
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  boxShadow: string;
  /** The background layers the ring is drawn on (the element's parent outwards). */
  behind: string[];
}

export interface Walk {
  /** The surface's controls a Tab can reach: visible, enabled, tabindex ≥ 0, one per radio group. */
  controls: { id: string; name: string }[];
  /** Where Tab went inside the surface, in order, each element once. */
  stops: FocusStop[];
}

type Probe = {
  tabbables(surface: string): { id: string; name: string }[];
  active(surface: string): FocusStop | null;
};

/**
 * Puts the walk's helpers into the frame's main world, once. Ids are kept in a WeakMap, so an
 * element has the same id in the list of controls and when it takes focus; a radio group has
 * one id, as it has one Tab stop.
 */
function install(): void {
  const g = globalThis as unknown as { __smFocus?: Probe };
  if (g.__smFocus) return;
  const ids = new WeakMap<Element, string>();
  let next = 0;
  const idOf = (el: Element): string => {
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const root = el.getRootNode() as Document | ShadowRoot;
      const first = root.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]`) ?? el;
      if (first !== el) return idOf(first);
    }
    let id = ids.get(el);
    if (!id) ids.set(el, (id = `f${next++}`));
    return id;
  };
  const nameOf = (el: Element): string => {
    const labelled = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.innerText : undefined;
    const label = el.getAttribute('aria-label') ?? labelled ?? (el as HTMLElement).innerText ?? '';
    const type = el instanceof HTMLInputElement ? `[${el.type}]` : '';
    return `${el.localName}${type}${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''} "${label.trim().slice(0, 30)}"`;
  };
  /** Every element under `root`, through open shadow roots. */
  const deepAll = (root: Document | ShadowRoot | Element): Element[] => {
    const out: Element[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) out.push(...deepAll(el.shadowRoot));
    }
    return out;
  };
  const within = (el: Element, surface: Element): boolean => {
    for (let at: Node | null = el; at; ) {
      if (at === surface) return true;
      at = at instanceof ShadowRoot ? at.host : at.parentNode;
    }
    return false;
  };
  const TABBABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]';
  // backgroundLayersOf (scheme.ts) again: a function run in the page cannot call one of ours.
  const layers = (el: Element): string[] => {
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
  g.__smFocus = {
    tabbables(surface) {
      const root = document.querySelector(surface);
      if (!root) return [];
      const seen = new Set<string>();
      const all = [root, ...deepAll(root.shadowRoot ?? root)];
      return all
        .filter((el) => el.matches(TABBABLE) && (el as HTMLElement).tabIndex >= 0)
        .filter((el) => !(el as HTMLButtonElement).disabled && !el.closest('[inert]'))
        // checkVisibility: not hidden, and not inside skipped content (a closed <details>).
        .filter((el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0)
        .flatMap((el) => {
          const id = idOf(el);
          if (seen.has(id)) return [];
          seen.add(id);
          return [{ id, name: nameOf(el) }];
        });
    },
    active(surface) {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const root = document.querySelector(surface);
      if (!el || !root || el === document.body || el === document.documentElement || !within(el, root)) return null;
      const cs = getComputedStyle(el);
      const parent = el.parentNode instanceof ShadowRoot ? el.parentNode.host : el.parentElement;
      return {
        id: idOf(el),
        name: nameOf(el),
        focusVisible: el.matches(':focus-visible'),
        outlineStyle: cs.outlineStyle,
        outlineWidth: parseFloat(cs.outlineWidth) || 0,
        outlineColor: cs.outlineColor,
        boxShadow: cs.boxShadow,
        behind: parent ? layers(parent) : [],
      };
    },
  };
}

/**
 * The controls of `surface` (a selector in `target`'s document; a shadow host takes in its shadow
 * tree) that Tab can reach.
 */
export async function controlsOf(target: Page | Frame, surface: string): Promise<{ id: string; name: string }[]> {
  await target.evaluate(install);
  return target.evaluate((s) => (globalThis as unknown as { __smFocus: Probe }).__smFocus.tabbables(s), surface);
}

/** Where focus is now, if inside `surface`. */
export async function focusedIn(target: Page | Frame, surface: string): Promise<FocusStop | null> {
  await target.evaluate(install);
  return target.evaluate((s) => (globalThis as unknown as { __smFocus: Probe }).__smFocus.active(s), surface);
}

/**
 * Presses Tab (or Shift+Tab, with `key`) on `keys` (the tab: keys go to whichever frame has
 * focus) up to `maxSteps` times from where focus is now, recording the stops inside `surface` of
 * `target`. Stops when focus leaves the surface after entering it, or reaches an element it
 * already visited. The element focused before the first Tab counts as a stop if it is inside.
 */
export async function walkWithTab(
  keys: Page,
  target: Page | Frame,
  surface: string,
  maxSteps = 80,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<Walk> {
  const controls = await controlsOf(target, surface);
  const stops: FocusStop[] = [];
  const first = await focusedIn(target, surface);
  if (first) stops.push(first);
  for (let i = 0; i < maxSteps; i++) {
    await keys.keyboard.press(key);
    const at = await focusedIn(target, surface);
    if (!at) {
      if (stops.length > 0) break;
      continue;
    }
    if (stops.some((s) => s.id === at.id)) break;
    stops.push(at);
  }
  return { controls, stops };
}

/**
 * How the stop's focus shows, or why it does not: a solid (or dashed, dotted, double) outline of
 * at least 2 px with 3:1 against what it is drawn on. `canvas` is the document's own background
 * where no element has one.
 */
export function focusRingProblem(stop: FocusStop, canvas: string): string | null {
  if (!stop.focusVisible) return `${stop.name}: not :focus-visible`;
  if (stop.outlineStyle === 'none' || stop.outlineWidth < 2) {
    return `${stop.name}: no focus outline (${stop.outlineStyle} ${stop.outlineWidth}px; box-shadow ${stop.boxShadow})`;
  }
  const ring = parseColour(stop.outlineColor);
  const behind = composite(stop.behind, canvas);
  const ratio = contrast({ ...ring, a: 1 }, behind);
  return ratio >= 3 ? null : `${stop.name}: focus outline ${stop.outlineColor} has ${ratio.toFixed(2)}:1 against its background`;
}

/** The ring's contrast, for the log. */
export function focusRingContrast(stop: FocusStop, canvas: string): number {
  return contrast({ ...parseColour(stop.outlineColor), a: 1 }, composite(stop.behind, canvas));
}
