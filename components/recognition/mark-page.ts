import { ATTR, MARK_KIND } from '../vocabulary/attributes';
import { recognise, type Recognition } from './recognise';

/**
 * Recognises the page and marks it: `data-sourcemark-page="<product>"` on `<html>` and
 * `data-sourcemark="disclaimer"` on each statement element. Returns what it found, for the banner.
 * Nothing is touched on a page that is not self-media.
 */
export function markPage(doc: Document, url: string): Recognition {
  const found = recognise(doc, url);
  if (!found.page) return found;
  doc.documentElement.setAttribute(ATTR.page, found.page);
  for (const el of found.statements) el.setAttribute(ATTR.mark, MARK_KIND.disclaimer);
  return found;
}
