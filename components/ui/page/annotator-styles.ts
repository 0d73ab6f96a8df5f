/**
 * Styles for the selection toolbar and the note frame's box (one shadow root); note.html uses
 * the same sheet for the note editor and highlight popover inside the frame.
 */
export const annotatorCss = `
:host { all: initial; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; }
.panel {
  position: absolute; z-index: 2147483647; box-sizing: border-box;
  display: flex; flex-direction: column; gap: 6px; padding: 6px;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18);
  font: 14px/1.45 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.frame-panel { position: absolute; z-index: 2147483647; display: flex; flex-direction: column; gap: 4px; }
.note-frame {
  display: block; box-sizing: border-box; border: 0; border-radius: 8px; padding: 0; margin: 0;
  color-scheme: normal; background: transparent; box-shadow: 0 6px 20px rgba(0,0,0,.18);
}
.panel.static { position: static; }
.row { display: flex; gap: 4px; align-items: center; }
button {
  font: inherit; color: inherit; cursor: pointer; border: 1px solid #d0d7de; border-radius: 6px;
  background: #f6f8fa; padding: 3px 8px; min-height: 28px;
}
button:hover { background: #eaeef2; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
button.swatch { width: 28px; padding: 0; }
button.swatch.default { width: auto; padding: 0 8px 0 6px; display: inline-flex; align-items: center; gap: 4px; }
.dot { display: inline-block; width: 14px; height: 14px; border-radius: 50%; border: 1px solid rgba(0,0,0,.25); vertical-align: middle; }
.dot.yellow { background: #ffe066; } .dot.green { background: #8ce99a; } .dot.blue { background: #74c0fc; }
.dot.pink { background: #faa2c1; } .dot.purple { background: #d0bfff; }
button[aria-pressed="true"] { border-color: #0969da; box-shadow: inset 0 0 0 1px #0969da; }
textarea {
  font: inherit; color: inherit; background: #fff; width: 300px; max-width: 80vw; min-height: 80px;
  resize: vertical; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px; box-sizing: border-box;
}
.note { max-width: 320px; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.note.empty { color: #6e7781; }
.error { color: #b42318; max-width: 320px; margin: 0; }
.tags { color: #57606a; font-size: 12px; margin: 0; }
.editor { gap: 6px; }
.passage { margin: 0; }
.passage figcaption, .field > span, .verdicts legend { font-size: 12px; font-weight: 600; color: #57606a; }
.passage blockquote {
  margin: 2px 0 0; padding: 2px 0 2px 8px; border-left: 3px solid #d0d7de; max-height: 4.4em; overflow: auto;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.field { display: flex; flex-direction: column; gap: 2px; }
.field textarea { min-height: 60px; }
.field textarea.evidence { min-height: 40px; font-size: 12px; }
.verdicts { display: flex; flex-wrap: wrap; gap: 2px 10px; border: 0; margin: 0; padding: 0; }
.verdicts legend { padding: 0; margin-bottom: 2px; }
.verdict { display: inline-flex; align-items: center; gap: 3px; font-size: 13px; cursor: pointer; }
.verdict input:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.verdict .icon, .verdict-line .icon { font-weight: 700; }
.verdict-line { margin: 0; }
.evidence-list { margin: 0; padding-left: 18px; font-size: 12px; max-width: 320px; overflow-wrap: anywhere; }
.evidence-list a { color: #0969da; }
.keys { color: #57606a; font-size: 12px; margin-left: auto; }
@media (prefers-color-scheme: dark) {
  .panel { background: #22272e; color: #e6edf3; border-color: #444c56; }
  button { background: #2d333b; border-color: #444c56; }
  button:hover { background: #373e47; }
  textarea { background: #1c2128; border-color: #444c56; }
  .note.empty, .tags, .keys, .passage figcaption, .field > span, .verdicts legend { color: #9198a1; }
  .passage blockquote { border-left-color: #444c56; }
  .evidence-list a { color: #4493f8; }
  .error { color: #ff8182; }
}
`;
