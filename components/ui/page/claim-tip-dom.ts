import type { Lang } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';
import { CATEGORY_NAMES } from '@/components/vocabulary/categories';
import { VERDICT_ICONS, VERDICT_NAMES, VERDICTS, type Verdict } from '@/components/vocabulary/verdicts';
import type { ClaimView } from './claim-view';
import { domEl } from './dom-el';

export interface ClaimTipDomOptions {
  lang: Lang;
  claim: ClaimView;
  /** The stored verdict, as the caller knows it. */
  verdict: Verdict | null;
  onVerdict: (verdict: Verdict) => void;
  onAssess: () => void;
}

export interface ClaimTipDom {
  element: HTMLElement;
  /**
   * The stored verdict, told after any change on the page: the echo of a choice made here, or a
   * verdict stored elsewhere, which replaces the choices made here.
   */
  update(verdict: Verdict | null): void;
}

/**
 * A claim mark's tooltip: why it is marked (its category, the reason, the sentence with the cue in
 * bold), the reader's verdict on it, and a way to the full note-and-evidence editor. A verdict
 * chosen here shows as pressed at once, before the caller has stored it, and the tip stays open;
 * it gives way only to a verdict stored elsewhere, not to the echo of an earlier choice made here.
 *
 * The verdicts are toggle buttons (`aria-pressed` on the current one) in a group with a visible
 * label. One tab stop for the group (roving tabindex: the current verdict when the tip opened,
 * else the first), so Tab passes the group in one step and arrow keys move inside it. The glyphs
 * are decoration beside the names, so a verdict never rests on colour or a symbol alone.
 *
 * Plain DOM, as the banner (banner-dom.ts): the article script every article page loads carries
 * no UI library to compile for a tip most readers never open.
 */
export function claimTipDom(doc: Document, opts: ClaimTipDomOptions): ClaimTipDom {
  const { lang, claim } = opts;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = '') => domEl(doc, tag, className, text);
  const t = strings[lang];

  const element = el('div', 'tip');
  element.lang = lang === 'zh' ? 'zh-CN' : 'en';

  const reason = el('div', 'claim');
  reason.setAttribute('role', 'tooltip');
  const head = el('p', 'claim-head');
  head.append(el('span', `cat ${claim.category}`, CATEGORY_NAMES[lang][claim.category]));
  const sentence = el('p', 'claim-sentence');
  const s = claim.sentence;
  sentence.append(s.slice(0, claim.cueStart), el('strong', 'cue', s.slice(claim.cueStart, claim.cueEnd)), s.slice(claim.cueEnd));
  reason.append(head, el('p', 'claim-reason', claim.reason[lang]), sentence);

  const group = el('div', 'verdicts');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', 'sm-verdict-label');
  const label = el('p', 'verdict-label', t.verdictLabel);
  label.id = 'sm-verdict-label';
  const row = el('div', 'verdict-buttons');
  const buttons = VERDICTS.map((v, i) => {
    const b = el('button', 'verdict');
    b.type = 'button';
    b.dataset.verdict = v;
    const icon = el('span', 'verdict-icon', VERDICT_ICONS[v]);
    icon.setAttribute('aria-hidden', 'true');
    b.append(icon, VERDICT_NAMES[lang][v]);
    b.addEventListener('focus', () => setActive(i));
    b.addEventListener('click', () => {
      chosen.push(v);
      drawPressed();
      opts.onVerdict(v);
    });
    return b;
  });
  row.append(...buttons);
  group.append(label, row);
  group.addEventListener('keydown', (e) => {
    const n = VERDICTS.length;
    // Arrows step through the buttons, wrapping round; Home and End jump to the ends.
    const to = ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as Record<string, number>)[e.key];
    const next = to ? (active + to + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    setActive(next);
    buttons[next]!.focus();
  });

  const assess = el('button', 'assess', t.assess);
  assess.type = 'button';
  assess.addEventListener('click', () => opts.onAssess());
  element.append(reason, group, assess);

  let stored = opts.verdict;
  /**
   * Verdicts chosen here and not yet seen stored, oldest first. The newest stands until its own
   * write comes back: the echo of an earlier choice (two quick presses) must not flash it back.
   */
  let chosen: Verdict[] = [];
  const current = () => chosen.at(-1) ?? stored;
  const drawPressed = () => {
    const now = current();
    VERDICTS.forEach((v, i) => buttons[i]!.setAttribute('aria-pressed', v === now ? 'true' : 'false'));
  };
  let active = -1;
  const setActive = (i: number) => {
    if (i === active) return;
    active = i;
    buttons.forEach((b, j) => (b.tabIndex = j === i ? 0 : -1));
  };
  const first = current();
  setActive(Math.max(0, first ? VERDICTS.indexOf(first) : 0));
  drawPressed();

  return {
    element,
    update(verdict) {
      // Any change on the page redraws the tip: only a new stored verdict counts.
      if (verdict === stored) return;
      stored = verdict;
      // The echo of a choice made here retires it and those before it; any other verdict was
      // stored elsewhere (another tab, the side panel) and replaces every choice made here.
      const echo = verdict === null ? -1 : chosen.indexOf(verdict);
      chosen = echo < 0 ? [] : chosen.slice(echo + 1);
      drawPressed();
    },
  };
}
