import type { ClaimView } from './claim-view';
import { domEl } from './dom-el';
import type { Lang } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';
import { CATEGORY_NAMES, CLAIM_CATEGORIES, type ClaimCategory } from '@/components/vocabulary/categories';

export interface AuditState {
  claims: readonly ClaimView[];
  marksOn: boolean;
  onToggleMarks: () => void;
  onJump: (index: number) => void;
}

export interface ClaimAuditDom {
  element: HTMLElement;
  /** Shows `state`, changing the drawn elements in place (a focused button keeps the focus). */
  update(state: AuditState): void;
}

/**
 * The banner's summary of the page's unsourced claims: counts by category, a button that lists
 * them (the list is built only when the reader opens it) and one that hides the marks on this
 * page. Plain DOM, drawn with the banner while the page loads (see banner-dom.ts).
 */
export function claimAuditDom(doc: Document, lang: Lang): ClaimAuditDom {
  const t = strings[lang];
  const names = CATEGORY_NAMES[lang];
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = '') => domEl(doc, tag, className, text);
  const button = (className = '') => {
    const b = el('button', className);
    b.type = 'button';
    return b;
  };

  const element = el('div', 'audit');
  const title = el('p', 'audit-title');
  const counts = el('ul', 'counts');
  const countOf = {} as Record<ClaimCategory, HTMLElement>;
  for (const c of CLAIM_CATEGORIES) {
    const li = el('li', `count ${c}`);
    li.dataset.category = c;
    countOf[c] = el('span', 'n');
    li.append(el('span', `cat ${c}`, names[c]), ' ', countOf[c]);
    counts.append(li);
  }
  const actions = el('div', 'audit-actions');
  const listButton = button();
  const marksButton = button();
  actions.append(marksButton);
  element.append(title, counts, actions);

  let state: AuditState | null = null;
  let open = false;
  let list: { element: HTMLOListElement; claims: readonly ClaimView[] } | null = null;

  const draw = () => {
    if (!state) return;
    const { claims, marksOn } = state;
    title.textContent = t.auditTitle(claims.length);
    counts.setAttribute('aria-label', t.auditTitle(claims.length));
    for (const c of CLAIM_CATEGORIES) countOf[c].textContent = String(claims.filter((x) => x.category === c).length);
    if (claims.length) {
      if (!listButton.isConnected) actions.prepend(listButton);
      listButton.setAttribute('aria-expanded', String(open));
      listButton.textContent = open ? t.auditHide : t.auditShow;
    } else listButton.remove();
    marksButton.setAttribute('aria-pressed', String(!marksOn));
    marksButton.textContent = marksOn ? t.claimsOff : t.claimsOn;
    if (!open) {
      list?.element.remove();
      list = null;
    } else if (list?.claims !== claims) {
      const next = { element: listOf(claims), claims };
      if (list) list.element.replaceWith(next.element);
      else element.append(next.element);
      list = next;
    }
  };
  const listOf = (claims: readonly ClaimView[]): HTMLOListElement => {
    const ol = el('ol', 'claim-list');
    for (const c of claims) {
      const jump = button('jump');
      jump.dataset.category = c.category;
      jump.append(el('span', `cat ${c.category}`, names[c.category]), el('span', 'snippet', c.sentence.length > 60 ? `${c.sentence.slice(0, 60)}…` : c.sentence));
      jump.addEventListener('click', () => state?.onJump(c.index));
      const li = el('li');
      li.append(jump);
      ol.append(li);
    }
    return ol;
  };
  listButton.addEventListener('click', () => {
    open = !open;
    draw();
  });
  marksButton.addEventListener('click', () => state?.onToggleMarks());

  return {
    element,
    update(next) {
      state = next;
      draw();
    },
  };
}
