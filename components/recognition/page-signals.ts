import type { PageSignals } from './page-kind';
import { findStatementElements } from './disclaimer';
import { normalizeText } from './normalize';

/** Where an account's own page lives: `www.163.com/dy/media/T….html` (notes S3, S10). */
const MEDIA_LINK = 'a[href*="/dy/media/"]';

/** Reads the page-kind evidence off a document. DOM-only, so tests pass their own document. */
export function readPageSignals(doc: Document, statements = findStatementElements(doc.body ?? doc)): PageSignals {
  const crumb = doc.querySelector('.post_crumb');
  const crumbText = crumb ? normalizeText(crumb.textContent ?? '') : '';
  return {
    haoCrumb: crumbText.includes('网易号'),
    statement: statements.length > 0,
    mediaLink: doc.querySelector(MEDIA_LINK) !== null,
    title: doc.title,
    editorialMarks: crumbText.includes('新闻中心') || doc.querySelector('.post_author') !== null,
  };
}

/** The uploading account's display name, from the info line, the mobile byline or the card. */
export function readAccountName(doc: Document): string | null {
  const candidates = [
    '.post_info a[href*="/dy/media/"]',
    '.post_wemedia_name a',
    'a.author-homePage .s-author',
    '.article-info .s-author',
    MEDIA_LINK,
  ];
  for (const sel of candidates) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const name = normalizeText(el.textContent ?? '');
      if (name && name !== '全部' && name.length <= 40) return name;
    }
  }
  const meta = doc.querySelector('meta[property="article:author"]')?.getAttribute('content');
  return meta && meta !== '网易' ? normalizeText(meta) : null;
}

/** The article's title element, where the banner goes; falls back to the body's first heading. */
export function findArticleTop(doc: Document): Element | null {
  return (
    doc.querySelector('h1.post_title') ??
    doc.querySelector('h1.article-title') ??
    doc.querySelector('article h1, main h1, h1') ??
    findArticleBody(doc)
  );
}

/**
 * The element that holds the article's own text: desktop `div.post_body`, mobile
 * `section.article-body`. Recommendations, comments and chrome are outside it.
 */
export function findArticleBody(doc: Document): Element | null {
  return (
    doc.querySelector('div.post_body') ??
    doc.querySelector('section.article-body') ??
    doc.querySelector('article .content, article') ??
    null
  );
}
