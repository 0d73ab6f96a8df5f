import { schemeProperties } from './scheme-tokens';

/**
 * Styles for the banner's shadow root. `:host { all: initial }` cuts every inherited page style,
 * so the banner looks the same on any site and nothing here can leak out to the page. Colours
 * come from scheme-tokens.ts and follow the browser's light or dark scheme.
 */
export const bannerCss = `
:host { all: initial; display: block !important; margin: 12px 0 16px !important; }
.banner {
  display: flex; gap: 12px; align-items: flex-start;
  box-sizing: border-box; width: 100%; padding: 12px 14px;
  border: 1px solid var(--sm-banner-border); border-left-width: 5px; border-radius: 6px;
  background: var(--sm-banner-bg); color: var(--sm-banner-fg);
  font: 15px/1.6 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.text { flex: 1; min-width: 0; }
.title { display: block; font-size: 15px; font-weight: 700; }
.body { margin: 2px 0 0; }
.dismiss {
  flex: none; border: 0; background: transparent; color: inherit; cursor: pointer;
  font: 20px/1 system-ui, sans-serif; padding: 2px 6px; border-radius: 4px;
}
.dismiss:hover, .dismiss:focus-visible { background: var(--sm-banner-hover); }
.dismiss:focus-visible { outline: 2px solid var(--sm-banner-focus); }
.ledger-line { margin: 6px 0 0; font-size: 14px; }
.changes-box { display: contents; }
.changes { margin-top: 8px; }
.changes-title { margin: 0 0 4px; }
.change-list { margin: 6px 0 0; padding-left: 20px; max-height: 320px; overflow: auto; }
.change-list li { margin: 4px 0 8px; }
.change-list p { margin: 0 0 2px; }
.which, .label { font-size: 13px; font-weight: 600; }
del { background: var(--sm-del); text-decoration-thickness: 1px; }
ins { background: var(--sm-ins); text-decoration: none; }
summary { cursor: pointer; }
summary:focus-visible, .open-copy:focus-visible { outline: 2px solid var(--sm-banner-focus); outline-offset: 2px; }
.gone .body { margin: 2px 0 6px; }
.open-copy {
  font: inherit; cursor: pointer; border: 1px solid var(--sm-banner-border); border-radius: 6px;
  background: var(--sm-banner-control-bg); color: var(--sm-banner-fg); padding: 3px 10px;
}
${schemeProperties('all')}`;

/** The claim audit inside the banner, and the claim tooltip (which shares these category colours). */
export const claimCss = `
.cat { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 600; line-height: 20px; }
.cat.vague { background: var(--sm-vague-bg); color: var(--sm-vague-fg); }
.cat.certainty { background: var(--sm-certainty-bg); color: var(--sm-certainty-fg); }
.cat.statistic { background: var(--sm-statistic-bg); color: var(--sm-statistic-fg); }
.audit { margin-top: 8px; }
.audit-title { margin: 0 0 4px; font-weight: 600; }
.counts { list-style: none; display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 6px; padding: 0; }
.count .n { font-weight: 700; }
.audit-actions { display: flex; gap: 8px; }
.audit-actions button, .jump {
  font: inherit; font-size: 13px; color: inherit; cursor: pointer; background: var(--sm-banner-control-bg);
  border: 1px solid var(--sm-banner-border); border-radius: 5px; padding: 2px 8px;
}
.audit-actions button:focus-visible, .jump:focus-visible { outline: 2px solid var(--sm-banner-focus); outline-offset: 1px; }
.claim-list { margin: 8px 0 0; padding-left: 22px; max-height: 260px; overflow: auto; }
.claim-list li { margin: 3px 0; }
.jump { display: flex; gap: 6px; align-items: baseline; text-align: left; width: 100%; background: transparent; border-color: transparent; }
.jump:hover, .jump:focus-visible { background: var(--sm-banner-hover); border-color: var(--sm-banner-border); }
.snippet { flex: 1; min-width: 0; }
.claim { max-width: 360px; }
.claim p { margin: 0 0 4px; }
.claim-sentence { color: var(--sm-muted); font-size: 13px; }
.cue { color: var(--sm-fg); background: var(--sm-cue-bg); }
`;
