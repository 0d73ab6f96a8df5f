import type { GoneReason } from '@/components/factcheck/gone';
import { factcheckStrings, snapshotDate } from '@/components/vocabulary/factcheck-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { domEl } from './dom-el';

export interface GoneNoticeOptions {
  lang: Lang;
  why: GoneReason;
  taken: string;
  onOpen: () => void;
}

/** The article the reader kept a copy of is gone: why we think so, and a button to open the copy. Plain DOM. */
export function goneNoticeDom(doc: Document, { lang, why, taken, onOpen }: GoneNoticeOptions): HTMLElement {
  const t = factcheckStrings[lang];
  const root = domEl(doc, 'div', 'gone');
  root.dataset.gone = why;
  const open = domEl(doc, 'button', 'open-copy', t.openCopy);
  open.type = 'button';
  open.addEventListener('click', () => onOpen());
  root.append(domEl(doc, 'strong', 'title', t.goneTitle), domEl(doc, 'p', 'body', `${t.goneWhy[why]} ${t.goneCopy(snapshotDate(taken, lang))}`), open);
  return root;
}
