import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, contrastOf, over, parseColour } from '../support/contrast';

/**
 * The marks Sourcemark paints in an article (components/marking/marks.css) sit on the page's own
 * background, whatever the browser's colour scheme: a dark browser may show a white article and
 * a light one a dark article. So every colour there must work on both kinds of page. Measured on
 * the shipped style sheet itself, rule by rule.
 */

const CSS = fs.readFileSync(path.resolve(import.meta.dirname, '../../components/marking/marks.css'), 'utf8');

/** Pages as articles are printed: dark text on white, light text on near-black (two shades). */
const PAGES = [
  { name: 'a white page with #222 text', bg: '#ffffff', fg: '#222222' },
  { name: 'a #121212 page with #e0e0e0 text', bg: '#121212', fg: '#e0e0e0' },
  { name: 'a #1e1e1e page with #ccc text', bg: '#1e1e1e', fg: '#cccccc' },
] as const;

interface Rule {
  selector: string;
  decls: Map<string, string>;
}

/** The sheet's rules (those inside @media blocks too, with the block's prelude in the selector). */
function rules(css: string): Rule[] {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...bare.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1]!.trim(),
    decls: new Map(
      m[2]!
        .split(';')
        .map((d) => d.replace(/!important/g, '').trim())
        .filter((d) => d.includes(':'))
        .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()] as [string, string]),
    ),
  }));
}

const ALL = rules(CSS);
const backgrounds = (match: RegExp) =>
  ALL.filter((r) => match.test(r.selector) && r.decls.get('background-color')?.startsWith('rgba')).map((r) => ({
    selector: r.selector,
    colour: r.decls.get('background-color')!,
  }));
const HIGHLIGHTS = backgrounds(/data-color="\w+"/);
const TINTS = backgrounds(/data-sourcemark="claim"\]\[data-sourcemark-verdict="[\w-]+"\]$/);
/** Lines and rings drawn on the page: claim underlines, focus rings, the statement's outline, the "go to" pulse. */
const LINES = ALL.flatMap((r) => {
  const out: { selector: string; colour: string }[] = [];
  const deco = r.decls.get('text-decoration-color');
  if (deco) out.push({ selector: r.selector, colour: deco });
  const outline = /solid\s+(#[0-9a-f]{3,6})/i.exec(r.decls.get('outline') ?? '');
  if (outline) out.push({ selector: r.selector, colour: outline[1]! });
  return out;
});
const ICONS = ALL.filter((r) => r.selector.endsWith('::after') && /^#/.test(r.decls.get('background-color') ?? '')).map((r) => ({
  selector: r.selector,
  colour: r.decls.get('background-color')!,
}));
const ICON_TEXT = ALL.find((r) => r.selector === 'sourcemark-mark[data-sourcemark-verdict][data-verdict-label]::after')?.decls.get('color');

describe('the colours of the marks in the page (marks.css)', () => {
  it('has a colour for each of the five highlight colours and five verdicts, and the lines and icons', () => {
    expect(HIGHLIGHTS.map((h) => /data-color="(\w+)"/.exec(h.selector)![1])).toEqual(['yellow', 'green', 'blue', 'pink', 'purple']);
    expect(TINTS).toHaveLength(5);
    expect(ICONS).toHaveLength(6); // the default fill and one per verdict
    expect(LINES.length).toBeGreaterThanOrEqual(8);
    expect(ICON_TEXT).toBe('#fff');
  });

  it('does not follow the browser colour scheme: the marks follow the page they are painted on', () => {
    // The sheet was read (positive signal above); then: no rule depends on the browser's scheme.
    expect(ALL.length).toBeGreaterThan(20);
    expect(ALL.filter((r) => r.selector.includes('prefers-color-scheme')).map((r) => r.selector)).toEqual([]);
  });

  describe.each(PAGES)('on $name', (page) => {
    it.each(HIGHLIGHTS)('keeps the text legible under a highlight (4.5:1): $selector', ({ colour }) => {
      const under = over(parseColour(colour), parseColour(page.bg));
      expect(contrast(parseColour(page.fg), under)).toBeGreaterThanOrEqual(4.5);
    });

    it.each(HIGHLIGHTS)('shows the highlight: its fill differs from the page: $selector', ({ colour }) => {
      const under = over(parseColour(colour), parseColour(page.bg));
      expect(contrast(under, parseColour(page.bg))).toBeGreaterThanOrEqual(1.1);
    });

    it.each(TINTS)("keeps the text legible under a verdict's tint (4.5:1): $selector", ({ colour }) => {
      const under = over(parseColour(colour), parseColour(page.bg));
      expect(contrast(parseColour(page.fg), under)).toBeGreaterThanOrEqual(4.5);
    });

    it.each(LINES)('draws lines and rings that stand out from the page (3:1): $selector', ({ colour }) => {
      expect(contrastOf(colour, page.bg)).toBeGreaterThanOrEqual(3);
    });
  });

  it.each(ICONS)("writes a verdict icon's white glyph legibly on its fill (4.5:1): $selector", ({ colour }) => {
    expect(contrastOf(ICON_TEXT!, colour)).toBeGreaterThanOrEqual(4.5);
  });
});
