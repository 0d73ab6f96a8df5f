/**
 * The colours of Sourcemark's UI inside web pages (banner, selection toolbar, note frame, claim
 * tooltip), for a light and a dark browser scheme, in one place. The shadow roots' style sheets
 * use them as custom properties (`var(--sm-fg)`), declared by `schemeProperties()`; note.html
 * takes the same sheet, so the frame matches the box that holds it.
 *
 * They follow the browser's `prefers-color-scheme`, not the page: the UI is ours and sits on its
 * own opaque boxes. The marks in the text (components/marking/marks.css) do the opposite: they
 * are painted on the page's own background, whatever it is, and have one colour set for both.
 *
 * Every pair a reader must read is listed in `READABLE_PAIRS` and checked by
 * tests/unit/scheme-tokens.test.ts: text 4.5:1, focus rings and control borders 3:1 (WCAG 2.2
 * 1.4.3, 1.4.11, 2.4.13).
 */

/**
 * One scheme's colours for the boxes every page may show (the selection toolbar, the note frame)
 * and that the article page's UI shares. Names say what a colour is for, not what it looks like.
 */
export interface PanelTokens {
  /** Boxes: the toolbar, note frame and tooltip. */
  bg: string;
  fg: string;
  /** Secondary text (labels, tags, the claim sentence). */
  muted: string;
  border: string;
  /** Buttons at rest and under the pointer. */
  controlBg: string;
  controlHover: string;
  /** The edge of a button or text box, which must be seen (3:1 against `bg`). */
  controlBorder: string;
  /** Focus rings, pressed buttons, links. */
  accent: string;
  /** Text on a pressed (accent-filled) button. */
  accentFg: string;
  danger: string;
  shadow: string;
}

/**
 * The colours only the article page's UI uses (banner, claim tooltip): kept apart so that the
 * content script every page loads carries only the panel's.
 */
export interface ArticleTokens {
  /** The banner above the article. */
  bannerBg: string;
  bannerFg: string;
  bannerBorder: string;
  /** The banner's focus ring (3:1 against `bannerBg`). */
  bannerFocus: string;
  bannerControlBg: string;
  bannerHover: string;
  /** The changed words the banner shows: removed and added. */
  del: string;
  ins: string;
  /** Claim categories, as chips (text on their own fill). */
  vagueBg: string;
  vagueFg: string;
  certaintyBg: string;
  certaintyFg: string;
  statisticBg: string;
  statisticFg: string;
  /** The words that made a claim mark, in the tooltip. */
  cueBg: string;
}

/** One scheme's colours. */
export type SchemeTokens = PanelTokens & ArticleTokens;

const LIGHT_PANEL: PanelTokens = {
  bg: '#ffffff',
  fg: '#1f2328',
  muted: '#57606a',
  border: '#d0d7de',
  controlBg: '#f6f8fa',
  controlHover: '#eaeef2',
  controlBorder: '#8c959f',
  accent: '#0969da',
  accentFg: '#ffffff',
  danger: '#b42318',
  shadow: 'rgba(0, 0, 0, 0.18)',
};

const LIGHT_ARTICLE: ArticleTokens = {
  bannerBg: '#fff8e1',
  bannerFg: '#3d2f00',
  bannerBorder: '#e0a100',
  bannerFocus: '#8a5a00',
  bannerControlBg: '#ffffff',
  bannerHover: 'rgba(0, 0, 0, 0.08)',
  del: 'rgba(224, 49, 49, 0.18)',
  ins: 'rgba(47, 158, 68, 0.2)',
  vagueBg: '#e7f0ff',
  vagueFg: '#0b4fb3',
  certaintyBg: '#fde8e8',
  certaintyFg: '#a11b1b',
  statisticBg: '#efe7fd',
  statisticFg: '#5b2bb5',
  cueBg: 'rgba(255, 200, 0, 0.35)',
};

const DARK_PANEL: PanelTokens = {
  bg: '#22272e',
  fg: '#e6edf3',
  muted: '#9ea7b3',
  border: '#444c56',
  controlBg: '#2d333b',
  controlHover: '#373e47',
  controlBorder: '#768390',
  accent: '#4493f8',
  accentFg: '#0d1117',
  danger: '#ff8182',
  shadow: 'rgba(0, 0, 0, 0.5)',
};

const DARK_ARTICLE: ArticleTokens = {
  bannerBg: '#2b2410',
  bannerFg: '#ffe9a8',
  bannerBorder: '#c98f00',
  bannerFocus: '#e0a100',
  bannerControlBg: '#3a2e10',
  bannerHover: 'rgba(255, 255, 255, 0.12)',
  del: 'rgba(255, 120, 120, 0.25)',
  ins: 'rgba(105, 219, 124, 0.25)',
  vagueBg: '#0f2a52',
  vagueFg: '#a5c8ff',
  certaintyBg: '#4a1414',
  certaintyFg: '#ffb3b3',
  statisticBg: '#2e1a55',
  statisticFg: '#d2bcff',
  cueBg: 'rgba(255, 200, 0, 0.25)',
};

/** The minimum contrast a pair needs: 4.5 for text, 3 for focus rings and control edges. */
export type PairKind = 'text' | 'non-text';

/**
 * Foreground/background pairs the UI draws, by token name: what the scheme test checks in both
 * schemes. A translucent foreground (`cueBg`) is laid over its background first.
 */
export const READABLE_PAIRS: readonly { fg: keyof SchemeTokens; bg: keyof SchemeTokens; kind: PairKind; on?: keyof SchemeTokens }[] = [
  { fg: 'fg', bg: 'bg', kind: 'text' },
  { fg: 'muted', bg: 'bg', kind: 'text' },
  { fg: 'fg', bg: 'controlBg', kind: 'text' },
  { fg: 'fg', bg: 'controlHover', kind: 'text' },
  { fg: 'muted', bg: 'controlBg', kind: 'text' },
  { fg: 'accent', bg: 'bg', kind: 'text' },
  { fg: 'danger', bg: 'bg', kind: 'text' },
  { fg: 'accentFg', bg: 'accent', kind: 'text' },
  { fg: 'accent', bg: 'controlBg', kind: 'non-text' },
  { fg: 'controlBorder', bg: 'bg', kind: 'non-text' },
  { fg: 'bannerFg', bg: 'bannerBg', kind: 'text' },
  { fg: 'bannerFg', bg: 'bannerControlBg', kind: 'text' },
  { fg: 'bannerFocus', bg: 'bannerBg', kind: 'non-text' },
  { fg: 'bannerFg', bg: 'del', on: 'bannerBg', kind: 'text' },
  { fg: 'bannerFg', bg: 'ins', on: 'bannerBg', kind: 'text' },
  { fg: 'vagueFg', bg: 'vagueBg', kind: 'text' },
  { fg: 'certaintyFg', bg: 'certaintyBg', kind: 'text' },
  { fg: 'statisticFg', bg: 'statisticBg', kind: 'text' },
  { fg: 'fg', bg: 'cueBg', on: 'bg', kind: 'text' },
];

/** `bannerBg` → `--sm-banner-bg`. */
export function propertyName(token: keyof SchemeTokens): string {
  return `--sm-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Every colour of a scheme, for the tests that check them pairwise. */
export function schemeTokens(scheme: 'light' | 'dark'): SchemeTokens {
  return scheme === 'light' ? { ...LIGHT_PANEL, ...LIGHT_ARTICLE } : { ...DARK_PANEL, ...DARK_ARTICLE };
}

function declarations(tokens: Partial<SchemeTokens>): string {
  return (Object.keys(tokens) as (keyof SchemeTokens)[]).map((k) => `${propertyName(k)}: ${tokens[k]};`).join(' ');
}

/**
 * The custom properties for both schemes, on the shadow host (`:host`) and, for note.html, on
 * its root element (`:root`); each selector matches nothing in the other kind of sheet.
 * `color-scheme` makes the browser's own parts (scrollbars, text box carets) follow as well.
 * `'panel'`: the toolbar's and note frame's colours only; `'all'`: the article page's too.
 */
export function schemeProperties(which: 'panel' | 'all'): string {
  const light = which === 'all' ? { ...LIGHT_PANEL, ...LIGHT_ARTICLE } : LIGHT_PANEL;
  const dark = which === 'all' ? { ...DARK_PANEL, ...DARK_ARTICLE } : DARK_PANEL;
  return `:host, :root { color-scheme: light dark; ${declarations(light)} }
@media (prefers-color-scheme: dark) { :host, :root { ${declarations(dark)} } }
`;
}
