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
@media (prefers-color-scheme: dark) {
  .banner { background: #2b2410; color: #ffe9a8; border-color: #c98f00; }
  .dismiss:hover, .dismiss:focus-visible { background: rgba(255,255,255,.12); }
}
`;
