/**
 * Styles for the banner's shadow root. `:host { all: initial }` cuts every inherited page style,
 * so the banner looks the same on any site and nothing here can leak out to the page.
 */
export const bannerCss = `
:host { all: initial; display: block !important; margin: 12px 0 16px !important; }
.banner {
  display: flex; gap: 12px; align-items: flex-start;
  box-sizing: border-box; width: 100%; padding: 12px 14px;
  border: 1px solid #e0a100; border-left-width: 5px; border-radius: 6px;
  background: #fff8e1; color: #3d2f00;
  font: 15px/1.6 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.text { flex: 1; min-width: 0; }
.title { display: block; font-size: 15px; font-weight: 700; }
.body { margin: 2px 0 0; }
.dismiss {
  flex: none; border: 0; background: transparent; color: inherit; cursor: pointer;
  font: 20px/1 system-ui, sans-serif; padding: 2px 6px; border-radius: 4px;
}
.dismiss:hover, .dismiss:focus-visible { background: rgba(0,0,0,.08); outline: 2px solid #e0a100; }
.ledger-line { margin: 6px 0 0; font-size: 14px; }
.changes { margin-top: 8px; }
.changes-title { margin: 0 0 4px; }
.change-list { margin: 6px 0 0; padding-left: 20px; max-height: 320px; overflow: auto; }
.change-list li { margin: 4px 0 8px; }
.change-list p { margin: 0 0 2px; }
.which, .label { font-size: 13px; font-weight: 600; }
del { background: rgba(224, 49, 49, .18); text-decoration-thickness: 1px; }
ins { background: rgba(47, 158, 68, .2); text-decoration: none; }
summary { cursor: pointer; }
summary:focus-visible, .open-copy:focus-visible { outline: 2px solid #e0a100; outline-offset: 2px; }
.gone .body { margin: 2px 0 6px; }
.open-copy {
  font: inherit; cursor: pointer; border: 1px solid #c98f00; border-radius: 6px; background: #fff; color: #3d2f00; padding: 3px 10px;
}
@media (prefers-color-scheme: dark) {
  .banner { background: #2b2410; color: #ffe9a8; border-color: #c98f00; }
  .dismiss:hover, .dismiss:focus-visible { background: rgba(255,255,255,.12); }
  .open-copy { background: #3a2e10; color: #ffe9a8; }
  del { background: rgba(255, 120, 120, .25); }
  ins { background: rgba(105, 219, 124, .25); }
}
`;

/** The claim audit inside the banner, and the claim tooltip (which shares these category colours). */
export const claimCss = `
.cat { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 600; line-height: 20px; }
.cat.vague { background: #e7f0ff; color: #0b4fb3; }
.cat.certainty { background: #fde8e8; color: #a11b1b; }
.cat.statistic { background: #efe7fd; color: #5b2bb5; }
.audit { margin-top: 8px; }
.audit-title { margin: 0 0 4px; font-weight: 600; }
.counts { list-style: none; display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 6px; padding: 0; }
.count .n { font-weight: 700; }
.audit-actions { display: flex; gap: 8px; }
.audit-actions button, .jump {
  font: inherit; font-size: 13px; color: inherit; cursor: pointer; background: rgba(255,255,255,.6);
  border: 1px solid rgba(0,0,0,.2); border-radius: 5px; padding: 2px 8px;
}
.claim-list { margin: 8px 0 0; padding-left: 22px; max-height: 260px; overflow: auto; }
.claim-list li { margin: 3px 0; }
.jump { display: flex; gap: 6px; align-items: baseline; text-align: left; width: 100%; background: transparent; border-color: transparent; }
.jump:hover, .jump:focus-visible { background: rgba(0,0,0,.06); border-color: rgba(0,0,0,.2); }
.snippet { flex: 1; min-width: 0; }
.claim { max-width: 360px; }
.claim p { margin: 0 0 4px; }
.claim-sentence { color: #57606a; font-size: 13px; }
.cue { color: #1f2328; background: rgba(255, 200, 0, .35); }
@media (prefers-color-scheme: dark) {
  .cat.vague { background: #0f2a52; color: #a5c8ff; }
  .cat.certainty { background: #4a1414; color: #ffb3b3; }
  .cat.statistic { background: #2e1a55; color: #d2bcff; }
  .audit-actions button { background: rgba(255,255,255,.08); border-color: rgba(255,255,255,.25); }
  .claim-sentence { color: #9198a1; }
  .cue { color: #e6edf3; }
}
`;
