import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimTipDom, type ClaimTipDom } from '@/components/ui/page/claim-tip-dom';
import type { ClaimView } from '@/components/ui/page/claim-view';
import { attachClaimTips, type ClaimTipOptions, type ClaimTips } from '@/components/ui/page/claim-tip';
import { VERDICTS, type Verdict } from '@/components/vocabulary/verdicts';

const CLAIM: ClaimView = {
  index: 0,
  category: 'vague',
  sentence: '据知情人士透露，双方已经达成协议。',
  cueStart: 1,
  cueEnd: 5,
  reason: { zh: '没有说是谁。', en: 'It does not say who.' },
};

const buttonsOf = (root: ParentNode) => Array.from(root.querySelectorAll<HTMLButtonElement>('button.verdict'));
const pressed = (root: ParentNode) => buttonsOf(root).filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.verdict);
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

describe('claimTipDom', () => {
  let root: HTMLElement;
  let onVerdict: ReturnType<typeof vi.fn<(v: Verdict) => void>>;
  let onAssess: ReturnType<typeof vi.fn<() => void>>;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    onVerdict = vi.fn<(v: Verdict) => void>();
    onAssess = vi.fn<() => void>();
  });
  afterEach(() => {
    unmount();
    root.remove();
  });
  let tip: ClaimTipDom | null = null;
  /** Draws the tip, or tells the one drawn the stored verdict (as attachClaimTips does for its claim). */
  const mount = (verdict: Verdict | null, lang: 'zh' | 'en' = 'zh') => {
    if (tip) return tip.update(verdict);
    tip = claimTipDom(document, { lang, claim: CLAIM, verdict, onVerdict, onAssess });
    root.append(tip.element);
  };
  const unmount = () => {
    root.replaceChildren();
    tip = null;
  };

  it('shows the reason as a tooltip with the cue in bold', () => {
    mount(null);
    expect(root.querySelector('[role="tooltip"]')?.textContent).toContain('没有说是谁。');
    expect(root.querySelector('strong.cue')?.textContent).toBe('知情人士');
  });

  it('offers the five verdicts by name in a group with a visible label, glyphs hidden from assistive tech', () => {
    mount(null);
    const group = root.querySelector('[role="group"]')!;
    const label = root.querySelector(`#${group.getAttribute('aria-labelledby')}`);
    expect(label?.textContent).toBe('你的判断');
    expect(buttonsOf(group).map((b) => b.textContent)).toEqual(['?未核查', '…需要来源', '✓有据可查', '✗不实', '!误导']);
    for (const b of buttonsOf(group)) expect(b.querySelector('.verdict-icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('names the verdicts in English on an English page', () => {
    mount(null, 'en');
    expect(buttonsOf(root).map((b) => b.textContent?.slice(1))).toEqual(['Unchecked', 'Needs a source', 'Supported', 'False', 'Misleading']);
    expect(root.querySelector('button.assess')?.textContent).toBe('Note and evidence…');
  });

  it('presses the stored verdict and no other', () => {
    mount('misleading');
    expect(pressed(root)).toEqual(['misleading']);
    expect(buttonsOf(root).filter((b) => b.getAttribute('aria-pressed') === 'false')).toHaveLength(4);
  });

  it('reports a chosen verdict and presses it at once, staying open', async () => {
    mount(null);
    buttonsOf(root)[2]!.click();
    expect(onVerdict).toHaveBeenCalledWith('supported');
    await vi.waitFor(() => expect(pressed(root)).toEqual(['supported']));
    expect(root.querySelector('.tip')).not.toBeNull();
  });

  it('takes a new stored verdict from the caller over the one chosen here', async () => {
    mount(null);
    buttonsOf(root)[3]!.click();
    mount('needs-source');
    await vi.waitFor(() => expect(pressed(root)).toEqual(['needs-source']));
  });

  it('keeps the newest choice pressed while the echo of an earlier one comes back', async () => {
    mount('false');
    buttonsOf(root)[2]!.click();
    buttonsOf(root)[1]!.click();
    expect(pressed(root)).toEqual(['needs-source']);
    // Any change on the page redraws the tip with the stored verdict: unchanged, then the first
    // choice's write, then the second's.
    mount('false');
    expect(pressed(root)).toEqual(['needs-source']);
    mount('supported');
    expect(pressed(root)).toEqual(['needs-source']);
    mount('needs-source');
    expect(pressed(root)).toEqual(['needs-source']);
    // Once its own write is back, the next verdict stored elsewhere shows.
    mount('misleading');
    expect(pressed(root)).toEqual(['misleading']);
  });

  it('shows the verdict stored elsewhere over choices still on their way', () => {
    mount(null);
    buttonsOf(root)[2]!.click();
    mount('false');
    expect(pressed(root)).toEqual(['false']);
    mount('supported');
    expect(pressed(root)).toEqual(['supported']);
  });

  it('is one tab stop: the current verdict, else the first', () => {
    mount('false');
    expect(buttonsOf(root).map((b) => b.tabIndex)).toEqual([-1, -1, -1, 0, -1]);
    unmount();
    mount(null);
    expect(buttonsOf(root).map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowDown', 0, 1],
    ['ArrowLeft', 0, VERDICTS.length - 1],
    ['ArrowUp', 2, 1],
    ['ArrowRight', VERDICTS.length - 1, 0],
    ['Home', 3, 0],
    ['End', 1, VERDICTS.length - 1],
  ])('moves focus with %s from verdict %i to verdict %i', async (k, from, to) => {
    mount(VERDICTS[from]!);
    const buttons = buttonsOf(root);
    buttons[from]!.focus();
    key(buttons[from]!, k);
    expect(document.activeElement).toBe(buttonsOf(root)[to]);
    await vi.waitFor(() => expect(buttonsOf(root).map((b) => b.tabIndex === 0)).toEqual(VERDICTS.map((_, i) => i === to)));
  });

  it('opens the full editor from "Note and evidence…"', () => {
    mount(null);
    root.querySelector<HTMLButtonElement>('button.assess')!.click();
    expect(root.querySelector('button.assess')?.textContent).toBe('备注与证据…');
    expect(onAssess).toHaveBeenCalledOnce();
  });
});

describe('attachClaimTips', () => {
  let tips: ClaimTips;
  let opts: ClaimTipOptions;
  beforeEach(() => {
    document.body.innerHTML =
      '<p>前文<sourcemark-mark data-sourcemark="claim" data-category="vague" data-claim-index="0" tabindex="0">据知情人士</sourcemark-mark>' +
      '<b><sourcemark-mark data-sourcemark="claim" data-category="vague" data-claim-index="0">透露</sourcemark-mark></b>后文</p>';
    opts = {
      lang: 'zh',
      claim: (i) => (i === 0 ? CLAIM : undefined),
      enabled: () => true,
      verdictOf: () => 'unchecked',
      onVerdict: vi.fn<ClaimTipOptions['onVerdict']>(),
      onAssess: vi.fn<ClaimTipOptions['onAssess']>(),
    };
    // happy-dom lays nothing out: give each element one line, as a browser would.
    marks().forEach((m, i) => {
      const line = new DOMRect(100 + 120 * i, 200, 120, 22);
      m.getClientRects = () => Object.assign([line], { item: (n: number) => (n === 0 ? line : null) }) as unknown as DOMRectList;
    });
    tips = attachClaimTips(document, opts);
  });
  afterEach(() => {
    tips.remove();
    document.body.innerHTML = '';
  });
  const host = () => document.querySelector('[data-sourcemark-ui="claim-tip"]')!;
  /** The open tip; null also before the first tip made the tooltip's host. */
  const tip = () => document.querySelector('[data-sourcemark-ui="claim-tip"]')?.shadowRoot?.querySelector('.tip') ?? null;
  const marks = () => Array.from(document.querySelectorAll<HTMLElement>('[data-claim-index="0"]'));

  it('opens the tip when a mark of the claim, any of its elements, is hovered or focused', () => {
    marks()[1]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(tip()).not.toBeNull();
    expect(pressed(host().shadowRoot!)).toEqual(['unchecked']);
    tips.remove();
    tips = attachClaimTips(document, opts);
    marks()[0]!.focus();
    expect(tip()).not.toBeNull();
  });

  it("ignores a page script's click on a verdict button: the reader's verdict is not touched", () => {
    marks()[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const misleading = buttonsOf(host().shadowRoot!).find((b) => b.dataset.verdict === 'misleading')!;
    misleading.click();
    misleading.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host().shadowRoot!.querySelector<HTMLButtonElement>('button.assess')!.click();
    expect(opts.onVerdict).not.toHaveBeenCalled();
    expect(opts.onAssess).not.toHaveBeenCalled();
    expect(pressed(host().shadowRoot!)).toEqual(['unchecked']);
  });

  it("ignores a page script's keys on a mark: they do not move focus into the tip", () => {
    marks()[0]!.focus();
    key(marks()[0]!, 'ArrowDown');
    key(marks()[0]!, 'Enter');
    expect(document.activeElement).toBe(marks()[0]);
    key(marks()[0]!, 'Escape');
    expect(tip()).not.toBeNull();
  });

  it('makes its host only when the first tip opens, and keeps it for the next', () => {
    const hosts = () => document.querySelectorAll('[data-sourcemark-ui="claim-tip"]').length;
    expect(hosts()).toBe(0);
    marks()[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(tip()).not.toBeNull();
    expect(hosts()).toBe(1);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    marks()[0]!.focus();
    expect(tip()).not.toBeNull();
    expect(hosts()).toBe(1);
  });

  it('opens no tip while claim marks are switched off', () => {
    tips.remove();
    tips = attachClaimTips(document, { ...opts, enabled: () => false });
    marks()[0]!.focus();
    expect(tip()).toBeNull();
  });

  it('takes its host and listeners away on remove', () => {
    tips.remove();
    expect(document.querySelector('[data-sourcemark-ui="claim-tip"]')).toBeNull();
    marks()[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(document.querySelector('[data-sourcemark-ui="claim-tip"]')).toBeNull();
    tips = attachClaimTips(document, opts);
  });
});
