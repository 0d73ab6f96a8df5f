import { describe, expect, it } from 'vitest';
import { annotatorCss } from '@/components/ui/page/annotator-styles';
import { bannerCss, claimCss } from '@/components/ui/page/banner-styles';
import { claimTipCss } from '@/components/ui/page/claim-tip-styles';
import { READABLE_PAIRS, propertyName, schemeProperties, schemeTokens, type SchemeTokens } from '@/components/ui/page/scheme-tokens';

const LIGHT = schemeTokens('light');
const DARK = schemeTokens('dark');
import { contrast, luminance, over, parseColour } from '../support/contrast';

/**
 * Sourcemark's UI in web pages (banner, toolbar, note frame, claim tooltip) follows the browser's
 * light or dark scheme with the colours of scheme-tokens.ts; every pair a reader reads there is
 * legible in both.
 */

const SCHEMES = [
  { name: 'light', tokens: LIGHT },
  { name: 'dark', tokens: DARK },
] as const;

function ratio(tokens: SchemeTokens, pair: (typeof READABLE_PAIRS)[number]): number {
  const base = pair.on ? parseColour(tokens[pair.on]) : null;
  const bg = base ? over(parseColour(tokens[pair.bg]), base) : parseColour(tokens[pair.bg]);
  expect(bg.a, `${pair.bg} must be opaque, or name what it lies on`).toBe(1);
  return contrast(over(parseColour(tokens[pair.fg]), bg), bg);
}

describe('the colours of the UI in web pages (scheme-tokens.ts)', () => {
  describe.each(SCHEMES)('in the $name scheme', ({ tokens }) => {
    it.each(READABLE_PAIRS)('$fg on $bg meets its minimum ($kind)', (pair) => {
      expect(ratio(tokens, pair)).toBeGreaterThanOrEqual(pair.kind === 'text' ? 4.5 : 3);
    });
  });

  it('is dark in the dark scheme and light in the light one', () => {
    for (const k of ['bg', 'bannerBg', 'controlBg'] as const) {
      expect(luminance(parseColour(LIGHT[k]))).toBeGreaterThan(0.6);
      expect(luminance(parseColour(DARK[k]))).toBeLessThan(0.1);
    }
  });

  it('declares every token for both schemes, the dark ones under prefers-color-scheme: dark', () => {
    const css = schemeProperties('all');
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)') as [string, string];
    expect(dark).toBeDefined();
    for (const k of Object.keys(LIGHT) as (keyof SchemeTokens)[]) {
      expect(light).toContain(`${propertyName(k)}: ${LIGHT[k]};`);
      expect(dark).toContain(`${propertyName(k)}: ${DARK[k]};`);
    }
  });

  it.each([
    ['banner', bannerCss + claimCss],
    ['toolbar and note frame', annotatorCss],
    ['claim tooltip', claimTipCss],
  ])('the %s sheet uses only tokens that exist, and declares them', (_name, css) => {
    const used = [...css.matchAll(/var\((--sm-[\w-]+)\)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(5);
    const known = new Set((Object.keys(LIGHT) as (keyof SchemeTokens)[]).map(propertyName));
    expect(used.filter((u) => !known.has(u))).toEqual([]);
    // Declared for both schemes: once in the light block, once under the dark media query.
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)') as [string, string];
    expect(dark).toBeDefined();
    const declared = (block: string) => new Set([...block.matchAll(/(--sm-[\w-]+):/g)].map((m) => m[1]!));
    for (const block of [light, dark]) expect(used.filter((u) => !declared(block).has(u))).toEqual([]);
  });
});
