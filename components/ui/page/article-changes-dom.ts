import type { ParagraphDiff } from '@/components/factcheck/diff';
import { factcheckStrings, snapshotDate } from '@/components/vocabulary/factcheck-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { domEl } from './dom-el';

/**
 * How the article differs from the reader's snapshot: a line of counts, and on request each
 * changed paragraph then and now, the changed words marked (as text: both versions are page text).
 * Plain DOM, drawn into the banner (banner-host.ts).
 */
export function articleChangesDom(doc: Document, { lang, taken, diff }: { lang: Lang; taken: string; diff: ParagraphDiff }): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = '') => domEl(doc, tag, className, text);
  const t = factcheckStrings[lang];
  const { changed, added, removed } = diff.summary;
  const root = el('div', 'changes');
  root.dataset.changed = String(changed);
  root.dataset.added = String(added);
  root.dataset.removed = String(removed);
  const title = el('p', 'changes-title');
  title.append(el('strong', '', t.changedTitle(snapshotDate(taken, lang))), `: ${t.changedSummary(changed, added, removed)}`);
  const details = el('details');
  const list = el('ol', 'change-list');
  /** A paragraph then or now: its label, the text around the change, the change marked. */
  const version = (className: string, label: string, text: string, from: number, to: number, mark: 'del' | 'ins') => {
    const p = el('p', className);
    p.append(el('span', 'label', `${label}: `), text.slice(0, from), el(mark, '', text.slice(from, to)), text.slice(to));
    return p;
  };
  for (const c of diff.changes) {
    const li = el('li');
    li.dataset.change = c.kind;
    li.dataset.beforeIndex = String(c.beforeIndex);
    li.dataset.afterIndex = String(c.afterIndex);
    if (c.kind === 'changed') {
      li.append(
        el('p', 'which', t.paragraph(c.afterIndex + 1)),
        version('then', t.before, c.before, c.span.start, c.span.beforeEnd, 'del'),
        version('now', t.after, c.after, c.span.start, c.span.afterEnd, 'ins'),
      );
    } else if (c.kind === 'added') li.append(version('now', t.added, c.after, 0, c.after.length, 'ins'));
    else li.append(version('then', t.removed, c.before, 0, c.before.length, 'del'));
    list.append(li);
  }
  details.append(el('summary', '', t.showChanges), list);
  root.append(title, details);
  return root;
}
