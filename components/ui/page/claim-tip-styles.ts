import { claimCss } from './banner-styles';

/**
 * Styles for the claim tooltip's shadow root. `.place` is the fixed box the content script
 * positions (viewport coordinates, so page scrolling never drags it off its line); `.tip` is
 * what the reader sees.
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
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18);
  font: 14px/1.5 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.verdicts { margin-top: 8px; padding-top: 6px; border-top: 1px solid #d0d7de; }
.verdict-label { margin: 0 0 4px; font-size: 12px; font-weight: 600; color: #57606a; }
.verdict-buttons { display: flex; flex-wrap: wrap; gap: 4px; }
.tip button {
  font: inherit; font-size: 13px; color: inherit; cursor: pointer; margin: 0; padding: 1px 7px;
  background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 5px;
}
.verdict { display: inline-flex; gap: 3px; }
/* Pressed differs in fill and weight, not only in colour. */
.verdict[aria-pressed="true"] { background: #0969da; border-color: #0550ae; color: #fff; font-weight: 600; }
.tip button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.assess { margin-top: 8px; }
@media (prefers-color-scheme: dark) {
  .tip { background: #22272e; color: #e6edf3; border-color: #444c56; }
  .verdict-label { color: #9198a1; }
  .tip button { background: #2d333b; }
}
`;
