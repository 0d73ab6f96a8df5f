import { ATTR, MARK_KIND } from '@/components/vocabulary/attributes';
import type { ClaimView } from '@/components/ui/page/claim-view';
import { claimTipDom, type ClaimTipDom } from '@/components/ui/page/claim-tip-dom';
import { claimTipCss } from '@/components/ui/page/claim-tip-styles';
import type { Lang } from '@/components/vocabulary/strings';
import type { Verdict } from '@/components/vocabulary/verdicts';
import { createShadowUi, type ShadowUi } from '@/components/marking/shadow-host';
import { firstLine, lineAt, lineVisible, placeTip, type LineRect } from '@/components/marking/tip-position';

export interface ClaimTipOptions {
  lang: Lang;
  claim(index: number): ClaimView | undefined;
  /** False while the reader has claim marks switched off: no tip opens. */
  enabled(): boolean;
  /** The reader's stored verdict on claim `index`, read each time its tip opens (and on `update`). */
  verdictOf(index: number): Verdict | null;
  /** The reader chose a verdict in the tip; the tip shows it pressed at once and stays open. */
  onVerdict(index: number, verdict: Verdict): void;
  /** "Note and evidence…": the tip closes (focus back on the mark) and the caller opens its editor. */
  onAssess(index: number): void;
}

export interface ClaimTips {
  /** Draw the open tip again from `verdictOf`, e.g. once a verdict is stored or changed elsewhere. */
  update(): void;
  remove(): void;
}

/**
 * Long enough to cross the 4 px gap from a mark into its tip (so the tip's buttons can be
 * reached), short enough that a tip does not linger after the pointer has gone.
 */
const HIDE_DELAY_MS = 250;

/**
 * The tip of the claim mark under the pointer or focus, in a shadow root: the reason, the
 * reader's verdict and a way to the full editor. One listener set on the document serves every
 * mark. The tip sits by the line the reader is on (a wrapped mark has one client rect per line,
 * and one claim can be several elements sharing `data-claim-index`), in viewport coordinates,
 * following scrolls and hiding once that line is out of view.
 *
 * Keys (README, "Claim marks from the keyboard"): on a focused mark, ArrowDown or Enter opens the
 * tip and moves into the verdicts; arrows move between verdicts; Escape closes the tip and puts
 * focus back on the mark; Tab past the tip's last button goes on from the mark, Shift+Tab from its
 * first goes back to the mark. Keys and clicks a page script makes up never act: the shadow root
 * drops them (shadow-host.ts), and the document's key listener checks `isTrusted` itself.
 */
export function attachClaimTips(doc: Document, opts: ClaimTipOptions): ClaimTips {
  const View = doc.defaultView!;
  /**
   * The tip's shadow root, made when the first tip opens: most readers of a page never open one,
   * and the page's load does not pay for its style sheet and host.
   */
  let made: { ui: ShadowUi; place: HTMLElement } | null = null;
  const tipUi = () => {
    if (made) return made;
    const ui = createShadowUi(doc, 'claim-tip', claimTipCss);
    ui.host.style.setProperty('position', 'absolute', 'important');
    ui.host.style.setProperty('left', '0', 'important');
    ui.host.style.setProperty('top', '0', 'important');
    const place = doc.createElement('div');
    place.className = 'place';
    ui.shadow.append(place);
    // Inside the shadow root only the reader's own keys arrive (shadow-host.ts).
    ui.shadow.addEventListener('keydown', tipKey as EventListener);
    doc.documentElement.append(ui.host);
    made = { ui, place };
    return made;
  };
  const tipActive = () => made?.ui.shadow.activeElement ?? null;

  /** The open tip: its claim, and which of the claim's client rects (lines) it sits by. */
  let shown: { index: number; line: number } | null = null;
  /** Escape closed this claim's tip: focus landing back on its mark does not open it again. */
  let dismissed: number | null = null;
  /** The pointer is on the open tip or on a mark of its claim. */
  let hovering = false;
  let hideTimer: number | undefined;
  let frame = 0;

  const claimSelector = `[${ATTR.mark}="${MARK_KIND.claim}"]`;
  const markOf = (t: EventTarget | null) => (t instanceof View.Element ? t.closest(claimSelector) : null);
  const indexOf = (mark: Element) => Number(mark.getAttribute(ATTR.claimIndex));
  const isShownMark = (t: EventTarget | null) => {
    const mark = markOf(t);
    return !!mark && !!shown && indexOf(mark) === shown.index;
  };
  // Events from inside the shadow root reach the document retargeted to the host.
  const inTip = (t: EventTarget | null) => made !== null && t === made.ui.host;
  const marksOf = (index: number) =>
    Array.from(doc.querySelectorAll<HTMLElement>(`${claimSelector}[${ATTR.claimIndex}="${index}"]`));
  /** The claim's focusable element (the first; see claim-marks.ts). */
  const markToFocus = (index: number) => {
    const marks = marksOf(index);
    return marks.find((m) => m.tabIndex >= 0) ?? marks[0] ?? null;
  };
  const linesOf = (index: number): LineRect[] =>
    marksOf(index).flatMap((m) => {
      const rects = Array.from(m.getClientRects());
      return rects.length > 0 ? rects : [m.getBoundingClientRect()];
    });
  // clientWidth/Height leave out the scrollbars, which a tip must not sit under.
  const viewport = () => ({
    width: doc.documentElement.clientWidth || View.innerWidth,
    height: doc.documentElement.clientHeight || View.innerHeight,
  });
  const focusVisible = (el: Element | null) => !!el?.matches(':focus-visible');
  /** The reader is on the tip or its mark by keyboard: the pointer moving away does not close it. */
  const keyboardHere = () =>
    focusVisible(tipActive()) || (isShownMark(doc.activeElement) && focusVisible(doc.activeElement));

  /** The tip drawn in `place`: a verdict chosen in it stands while it shows the same claim. */
  let drawn: { index: number; claim: ClaimView; tip: ClaimTipDom } | null = null;
  const draw = () => {
    if (!shown) return;
    const index = shown.index;
    const claim = opts.claim(index);
    if (!claim) return hide();
    const { place } = tipUi();
    const verdict = opts.verdictOf(index);
    if (drawn && drawn.index === index && drawn.claim === claim) return drawn.tip.update(verdict);
    const tip = claimTipDom(doc, {
      lang: opts.lang,
      claim,
      verdict,
      onVerdict: (v) => opts.onVerdict(index, v),
      onAssess: () => {
        close(tipActive() !== null);
        opts.onAssess(index);
      },
    });
    place.replaceChildren(tip.element);
    drawn = { index, claim, tip };
  };
  /** Measures the drawn tip at the viewport's corner, then moves it by its line. */
  const position = () => {
    if (!shown) return;
    const lines = linesOf(shown.index);
    // After a reflow (resize) the claim may have fewer lines: the nearest one left is the last.
    const line = lines[Math.min(shown.line, lines.length - 1)];
    const vp = viewport();
    if (!line || !lineVisible(line, vp)) return close(tipActive() !== null);
    const { place } = tipUi();
    const s = place.style;
    s.visibility = 'hidden';
    s.left = s.top = '0px';
    s.maxHeight = s.overflowY = '';
    const p = placeTip(line, place.getBoundingClientRect(), vp);
    s.left = `${p.left}px`;
    s.top = `${p.top}px`;
    if (p.maxHeight !== undefined) {
      s.maxHeight = `${p.maxHeight}px`;
      s.overflowY = 'auto';
    }
    // Which claim and which side, for the e2e tests (inside our shadow root: no page sees them).
    place.setAttribute('data-placement', p.placement);
    place.setAttribute(ATTR.claimIndex, String(shown.index));
    s.visibility = '';
  };
  const show = (mark: Element, point: { x: number; y: number } | null) => {
    const index = indexOf(mark);
    if (!opts.enabled() || !opts.claim(index)) return;
    cancelHide();
    const lines = linesOf(index);
    shown = { index, line: Math.max(0, point ? lineAt(lines, point.x, point.y) : firstLine(lines)) };
    draw();
    position();
  };
  const hide = () => {
    cancelHide();
    shown = null;
    hovering = false;
    if (!made) return;
    const { place } = made;
    place.replaceChildren();
    drawn = null;
    place.removeAttribute('data-placement');
    place.removeAttribute(ATTR.claimIndex);
  };
  /** Closes the tip; with `returnFocus`, focus goes back to the mark and leaves the tip closed. */
  const close = (returnFocus: boolean) => {
    const index = shown?.index;
    if (returnFocus && index !== undefined) {
      dismissed = index;
      markToFocus(index)?.focus({ preventScroll: true });
    }
    hide();
  };
  const cancelHide = () => {
    if (hideTimer !== undefined) View.clearTimeout(hideTimer);
    hideTimer = undefined;
  };
  const hideSoon = () => {
    cancelHide();
    hideTimer = View.setTimeout(() => {
      hideTimer = undefined;
      if (!hovering && !keyboardHere()) hide();
    }, HIDE_DELAY_MS);
  };
  const focusVerdicts = () => made?.ui.shadow.querySelector<HTMLElement>('.verdict[tabindex="0"]')?.focus();

  const over = (e: MouseEvent) => {
    if (inTip(e.target) && shown) {
      hovering = true;
      return cancelHide();
    }
    const mark = markOf(e.target);
    if (!mark) return;
    dismissed = null;
    if (isShownMark(mark)) {
      hovering = true;
      return cancelHide();
    }
    show(mark, { x: e.clientX, y: e.clientY });
    hovering = !!shown;
  };
  const out = (e: MouseEvent) => {
    if (!shown || !(inTip(e.target) || markOf(e.target))) return;
    if (inTip(e.relatedTarget) || isShownMark(e.relatedTarget)) return;
    hovering = false;
    hideSoon();
  };
  const focusIn = (e: FocusEvent) => {
    if (inTip(e.target)) return cancelHide();
    const mark = markOf(e.target);
    if (!mark || indexOf(mark) === dismissed) return;
    if (!isShownMark(mark)) show(mark, null);
  };
  const focusOut = (e: FocusEvent) => {
    const to = e.relatedTarget;
    if (markOf(e.target) && !inTip(to)) dismissed = null;
    if (!shown || inTip(to) || isShownMark(to)) return;
    if (!hovering) hide();
  };
  // Tap on touch screens: a click on a mark shows its reason (hover never happens there).
  const click = (e: MouseEvent) => {
    if (inTip(e.target)) return;
    const mark = markOf(e.target);
    if (mark && !isShownMark(mark)) show(mark, { x: e.clientX, y: e.clientY });
    else if (!mark && shown) hide();
  };
  const markKey = (e: KeyboardEvent) => {
    const mark = markOf(e.target);
    if (!e.isTrusted || !mark || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const index = indexOf(mark);
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      if (!opts.enabled() || !opts.claim(index)) return;
      e.preventDefault();
      dismissed = null;
      if (!isShownMark(mark)) show(mark, null);
      focusVerdicts();
    } else if (e.key === 'Escape' && isShownMark(mark)) {
      e.preventDefault();
      dismissed = index;
      hide();
    }
  };
  // Inside the shadow root only the reader's own keys arrive (shadow-host.ts).
  const tipKey = (e: KeyboardEvent) => {
    if (!shown) return;
    const index = shown.index;
    if (e.key === 'Escape') {
      e.preventDefault();
      return close(true);
    }
    if (e.key !== 'Tab') return;
    if (!made) return;
    const stops = Array.from(made.ui.shadow.querySelectorAll<HTMLElement>('button')).filter((b) => b.tabIndex >= 0);
    const active = made.ui.shadow.activeElement;
    if (e.shiftKey && active === stops[0]) {
      e.preventDefault();
      markToFocus(index)?.focus({ preventScroll: true });
    } else if (!e.shiftKey && active === stops[stops.length - 1]) {
      // The tip lives at the end of the document, so the browser's own Tab would leave the
      // article. Focus goes back to the mark and the Tab's default action then moves on from
      // there, to whatever follows the mark in the page's own order.
      markToFocus(index)?.focus({ preventScroll: true });
    }
  };
  const follow = () => {
    if (!shown || frame) return;
    frame = View.requestAnimationFrame(() => {
      frame = 0;
      position();
    });
  };

  // One list for adding and removing, so the two cannot drift apart. `never`: each handler takes
  // its own event type, which the browser passes for that `type`.
  const listeners: [EventTarget, string, (e: never) => void, AddEventListenerOptions?][] = [
    [doc, 'mouseover', over],
    [doc, 'mouseout', out],
    [doc, 'focusin', focusIn],
    [doc, 'focusout', focusOut],
    [doc, 'click', click],
    [doc, 'keydown', markKey],
    // Capture: scrolling any scroller (not only the page) moves the line.
    [View, 'scroll', follow, { capture: true, passive: true }],
    [View, 'resize', follow, { passive: true }],
  ];
  for (const [target, type, fn, options] of listeners) target.addEventListener(type, fn as EventListener, options);
  return {
    update() {
      draw();
      position();
    },
    remove() {
      for (const [target, type, fn, options] of listeners) target.removeEventListener(type, fn as EventListener, options);
      if (frame) View.cancelAnimationFrame(frame);
      hide();
      made?.ui.remove();
      made = null;
    },
  };
}
