import { claimCss } from './banner-styles';
import { schemeProperties } from './scheme-tokens';

/**
 * Styles for the claim tooltip's shadow root. `.place` is the fixed box the content script
 * positions (viewport coordinates, so page scrolling never drags it off its line); `.tip` is
 * what the reader sees. Colours come from scheme-tokens.ts (light or dark, as the browser is).
 *
 * The width is fixed rather than shrink-to-fit: a tip starting near the right edge used to
 * shrink to a column a few characters wide. 22em of 14px text, less padding and border, holds 20
 * CJK characters a line; on a phone it takes the viewport less the 8px margins instead.
 */
export const claimTipCss = `${claimCss}
:host { all: initial; }
.place { position: fixed; z-index: 2147483647; }
.tip {
  box-sizing: border-box; width: min(22em, calc(100vw - 16px)); padding: 8px 10px;
  background: var(--sm-bg); color: var(--sm-fg); border: 1px solid var(--sm-border); border-radius: 8px;
  box-shadow: 0 6px 20px var(--sm-shadow);
  font: 14px/1.5 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.verdicts { margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--sm-border); }
.verdict-label { margin: 0 0 4px; font-size: 12px; font-weight: 600; color: var(--sm-muted); }
.verdict-buttons { display: flex; flex-wrap: wrap; gap: 4px; }
.tip button {
  font: inherit; font-size: 13px; color: inherit; cursor: pointer; margin: 0; padding: 1px 7px;
  background: var(--sm-control-bg); border: 1px solid var(--sm-control-border); border-radius: 5px;
}
.verdict { display: inline-flex; gap: 3px; }
/* Pressed differs in fill and weight, not only in colour. */
.verdict[aria-pressed="true"] { background: var(--sm-accent); border-color: var(--sm-accent); color: var(--sm-accent-fg); font-weight: 600; }
.tip button:focus-visible { outline: 2px solid var(--sm-accent); outline-offset: 2px; }
.assess { margin-top: 8px; }
${schemeProperties('all')}`;
