import { render } from 'preact';
import { ATTR, MARK_KIND } from '@/components/vocabulary/attributes';
import ClaimReason, { type ClaimView } from '@/components/ui/page/ClaimReason';
import { claimCss } from '@/components/ui/page/banner-styles';
import type { Lang } from '@/components/vocabulary/strings';
import { createShadowUi } from '@/components/marking/shadow-host';

const tipCss = `${claimCss}
:host { all: initial; }
.tip {
  position: absolute; z-index: 2147483647; box-sizing: border-box; padding: 8px 10px;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18);
  font: 14px/1.5 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
@media (prefers-color-scheme: dark) { .tip { background: #22272e; color: #e6edf3; border-color: #444c56; } }
`;

/**
 * The reason of the claim mark under the pointer or focus, in a shadow root floating below it.
 * One listener set on the document serves every mark.
 */
export function attachClaimTips(
  doc: Document,
  opts: { lang: Lang; claim: (index: number) => ClaimView | undefined; enabled: () => boolean },
): { remove(): void } {
  const ui = createShadowUi(doc, 'claim-tip', tipCss);
  ui.host.style.setProperty('position', 'absolute', 'important');
  ui.host.style.setProperty('left', '0', 'important');
  ui.host.style.setProperty('top', '0', 'important');
  const mount = doc.createElement('div');
  ui.shadow.append(mount);
  doc.documentElement.append(ui.host);
  let shown: Element | null = null;

  const markOf = (t: EventTarget | null) =>
    t instanceof doc.defaultView!.Element ? t.closest(`[${ATTR.mark}="${MARK_KIND.claim}"]`) : null;
  const show = (mark: Element) => {
    const claim = opts.claim(Number(mark.getAttribute(ATTR.claimIndex)));
    if (!claim || !opts.enabled()) return;
    shown = mark;
    const r = mark.getBoundingClientRect();
    const View = doc.defaultView!;
    const x = Math.max(View.scrollX + 8, Math.min(r.left + View.scrollX, View.scrollX + View.innerWidth - 380));
    const y = r.bottom + View.scrollY + 6;
    render(
      <div class="tip" style={{ left: `${x}px`, top: `${y}px` }}>
        <ClaimReason lang={opts.lang} claim={claim} />
      </div>,
      mount,
    );
  };
  const hide = () => {
    shown = null;
    render(null, mount);
  };
  const over = (e: Event) => {
    const mark = markOf(e.target);
    if (mark && mark !== shown) show(mark);
  };
  const out = (e: Event) => {
    const to = (e as MouseEvent | FocusEvent).relatedTarget;
    if (shown && markOf(to) !== shown) hide();
  };
  // Tap on touch screens: a click on a mark shows its reason (hover never happens there).
  const click = (e: Event) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
    else if (shown) hide();
  };
  doc.addEventListener('mouseover', over);
  doc.addEventListener('focusin', over);
  doc.addEventListener('mouseout', out);
  doc.addEventListener('focusout', out);
  doc.addEventListener('click', click);
  return {
    remove() {
      doc.removeEventListener('mouseover', over);
      doc.removeEventListener('focusin', over);
      doc.removeEventListener('mouseout', out);
      doc.removeEventListener('focusout', out);
      doc.removeEventListener('click', click);
      hide();
      ui.remove();
    },
  };
}
