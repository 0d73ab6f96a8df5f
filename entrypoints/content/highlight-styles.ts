/**
 * Page-level CSS for the wrappers the highlighter puts into the page (`sourcemark-mark`).
 *
 * Hostile or careless pages style every element (`* { all: unset !important }`), so each property
 * that matters is `!important`; our selectors (tag + two attributes) out-rank `*` and plain tag or
 * class rules at equal importance. `all: unset` is not used on our side: it would also reset
 * inherited properties such as font, and the mark must look like the text around it.
 *
 * Nothing here changes layout: margins, padding and borders are forced to zero (a page rule such as
 * `article * { padding: 0 2px }` would otherwise shift text when a wrapper appears), and only
 * backgrounds, text decorations and outlines are painted.
 */
import type { Color } from '@/storage/annotation';

export type ClaimCategory = 'vague' | 'certainty' | 'statistic';

/**
 * Translucent, so the page's own text colour stays readable on light and dark pages alike: at
 * alpha 0.4 every colour keeps at least 4.5:1 for #222 text on white and #ddd text on #111 (the
 * OS colour scheme says nothing about the page's). In a dark OS scheme, where dark pages are more
 * likely, a lower alpha raises the contrast for light text. Hues match the toolbar dots.
 */
const HIGHLIGHT_RGB: Record<Color, string> = {
  yellow: '255, 212, 59',
  green: '81, 207, 102',
  blue: '77, 171, 247',
  pink: '247, 131, 172',
  purple: '151, 117, 250',
};
const LIGHT_ALPHA = 0.4;
const DARK_ALPHA = 0.3;

/**
 * Each category differs in line style as well as colour, so the marks stay distinguishable for
 * colour-blind readers and in forced-colours mode, where the UA replaces the colours. Mid-tones,
 * for the same reason as the alphas above: every line keeps at least 3:1 (WCAG non-text contrast)
 * against both white and #111, the dark-scheme ones leaning brighter.
 */
const CLAIM_STYLE: Record<ClaimCategory, { style: string; light: string; dark: string }> = {
  vague: { style: 'wavy', light: '#d9480f', dark: '#e8590c' },
  certainty: { style: 'double', light: '#d6336c', dark: '#e64980' },
  statistic: { style: 'dashed', light: '#1c7ed6', dark: '#228be6' },
};

const MARK = 'sourcemark-mark';
const HIGHLIGHT = `${MARK}[data-sourcemark="highlight"]`;
const CLAIM = `${MARK}[data-sourcemark="claim"]`;

const highlightRules = (alpha: number): string =>
  (Object.keys(HIGHLIGHT_RGB) as Color[])
    .map(
      (c) =>
        `${HIGHLIGHT}[data-color="${c}"] { background-color: rgba(${HIGHLIGHT_RGB[c]}, ${alpha}) !important; }`,
    )
    .join('\n');

const claimRules = (scheme: 'light' | 'dark'): string =>
  (Object.keys(CLAIM_STYLE) as ClaimCategory[])
    .map((k) => {
      const s = CLAIM_STYLE[k];
      const colour = s[scheme];
      return [
        `${CLAIM}[data-category="${k}"] {`,
        `  text-decoration-line: underline !important;`,
        `  text-decoration-style: ${s.style} !important;`,
        `  text-decoration-color: ${colour} !important;`,
        `}`,
        `${CLAIM}[data-category="${k}"]:focus-visible { outline: 2px solid ${colour} !important; }`,
      ].join('\n');
    })
    .join('\n');

export const highlightCss = `
${MARK}[data-sourcemark] {
  display: inline !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  color: inherit !important;
  font: inherit !important;
  float: none !important;
  position: static !important;
}
${highlightRules(LIGHT_ALPHA)}
${CLAIM} {
  text-decoration-thickness: 1.5px !important;
  text-underline-offset: 0.22em !important;
  /* CJK and Latin descenders alike: an underline broken around glyphs reads as several marks. */
  text-decoration-skip-ink: none !important;
}
${CLAIM}:focus-visible {
  outline-offset: 2px !important;
  border-radius: 2px !important;
}
${claimRules('light')}
@media (prefers-color-scheme: dark) {
${highlightRules(DARK_ALPHA)}
${claimRules('dark')}
}
/* Same specificity as the colour rules and later, so it wins over them. */
@media (forced-colors: active) {
  ${HIGHLIGHT}[data-color] {
    forced-color-adjust: none !important;
    background-color: Mark !important;
    color: MarkText !important;
  }
}
/* The reader switched claim marks off: the elements stay (removing them would re-split the page),
   only their decoration goes. html[...] out-ranks the category rules above. */
html[data-sourcemark-claims="off"] ${CLAIM} {
  text-decoration-line: none !important;
}
`;
