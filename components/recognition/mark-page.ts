import { findStatementElements } from './disclaimer';
import { recognisePage, type PageVerdict } from './page-kind';
import { readAccountName, readPageSignals } from './page-signals';
import { ATTR, MARK_KIND } from '../vocabulary/attributes';

export interface NeteaseResult {
  verdict: PageVerdict;
  statements: Element[];
  account: string | null;
}

/**
 * Recognises the page and marks it in the DOM: `data-sourcemark-page` on `<html>` and
 * `data-sourcemark="disclaimer"` on the statement's elements. Returns what it found so the
 * caller can show the banner. Nothing is touched on a page that is not 网易号.
 */
export function markNeteasePage(doc: Document, url: string): NeteaseResult {
  const statements = doc.body ? findStatementElements(doc.body) : [];
  const verdict = recognisePage(url, readPageSignals(doc, statements));
  if (verdict.kind !== 'netease-hao') return { verdict, statements: [], account: null };
  doc.documentElement.setAttribute(ATTR.page, verdict.kind);
  for (const el of statements) el.setAttribute(ATTR.mark, MARK_KIND.disclaimer);
  return { verdict, statements, account: readAccountName(doc) };
}
