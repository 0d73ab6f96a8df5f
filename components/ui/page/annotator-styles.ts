import { schemeProperties } from './scheme-tokens';

/**
 * Styles for the selection toolbar and the note frame's box (one shadow root); note.html uses
 * the same sheet for the note editor and highlight popover inside the frame. Colours come from
 * scheme-tokens.ts and follow the browser's light or dark scheme.
 */
export const annotatorCss = `
:host { all: initial; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; }
.panel {
  position: absolute; z-index: 2147483647; box-sizing: border-box;
  display: flex; flex-direction: column; gap: 6px; padding: 6px;
  background: var(--sm-bg); color: var(--sm-fg); border: 1px solid var(--sm-border); border-radius: 8px;
  box-shadow: 0 6px 20px var(--sm-shadow);
  font: 14px/1.45 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.frame-panel { position: absolute; z-index: 2147483647; display: flex; flex-direction: column; gap: 4px; }
.note-frame {
  display: block; box-sizing: border-box; border: 0; border-radius: 8px; padding: 0; margin: 0;
  /* The frame's document is light or dark as the browser is (note.html's color-scheme): the same
     here, or Chromium paints an opaque canvas behind the frame when the two differ. */
  color-scheme: light dark; background: transparent; box-shadow: 0 6px 20px var(--sm-shadow);
}
.panel.static { position: static; }
.row { display: flex; gap: 4px; align-items: center; }
button {
  font: inherit; color: inherit; cursor: pointer; border: 1px solid var(--sm-control-border); border-radius: 6px;
  background: var(--sm-control-bg); padding: 3px 8px; min-height: 28px;
}
button:hover { background: var(--sm-control-hover); }
button:focus-visible, textarea:focus-visible { outline: 2px solid var(--sm-accent); outline-offset: 1px; }
button.swatch { width: 28px; padding: 0; }
button.swatch.default { width: auto; padding: 0 8px 0 6px; display: inline-flex; align-items: center; gap: 4px; }
.dot { display: inline-block; width: 14px; height: 14px; border-radius: 50%; border: 1px solid rgba(0,0,0,.25); vertical-align: middle; }
.dot.yellow { background: #ffe066; } .dot.green { background: #8ce99a; } .dot.blue { background: #74c0fc; }
.dot.pink { background: #faa2c1; } .dot.purple { background: #d0bfff; }
button[aria-pressed="true"] { border-color: var(--sm-accent); box-shadow: inset 0 0 0 1px var(--sm-accent); }
textarea {
  font: inherit; color: inherit; background: var(--sm-bg); width: 300px; max-width: 80vw; min-height: 80px;
  resize: vertical; border: 1px solid var(--sm-control-border); border-radius: 6px; padding: 6px; box-sizing: border-box;
}
.note { max-width: 320px; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.note.empty { color: var(--sm-muted); }
.error { color: var(--sm-danger); max-width: 320px; margin: 0; }
.tags { color: var(--sm-muted); font-size: 12px; margin: 0; }
.editor { gap: 6px; }
.passage { margin: 0; }
.passage figcaption, .field > span, .verdicts legend { font-size: 12px; font-weight: 600; color: var(--sm-muted); }
.passage blockquote {
  margin: 2px 0 0; padding: 2px 0 2px 8px; border-left: 3px solid var(--sm-border); max-height: 4.4em; overflow: auto;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.field { display: flex; flex-direction: column; gap: 2px; }
.field textarea { min-height: 60px; }
.field textarea.evidence { min-height: 40px; font-size: 12px; }
.verdicts { display: flex; flex-wrap: wrap; gap: 2px 10px; border: 0; margin: 0; padding: 0; }
.verdicts legend { padding: 0; margin-bottom: 2px; }
.verdict { display: inline-flex; align-items: center; gap: 3px; font-size: 13px; cursor: pointer; }
.verdict input:focus-visible { outline: 2px solid var(--sm-accent); outline-offset: 1px; }
.verdict .icon, .verdict-line .icon { font-weight: 700; }
.verdict-line { margin: 0; }
.evidence-list { margin: 0; padding-left: 18px; font-size: 12px; max-width: 320px; overflow-wrap: anywhere; }
.evidence-list a { color: var(--sm-accent); }
.keys { color: var(--sm-muted); font-size: 12px; margin-left: auto; }
${schemeProperties('panel')}`;
