import { anchorAll } from '../anchoring';
import type { ArticleSnapshot } from '../factcheck/snapshot-schema';
import { ATTR, MARK_KIND } from '../vocabulary/attributes';
import type { Lang } from '../vocabulary/strings';
import type { Annotation } from '@/storage/model/annotation';
import { markClaims, type ClaimMarks, type DetectedClaim } from './claim-marks';
import { highlightRange, type HighlightHandle } from './highlighter';
import { paintInOrder } from './paint-order';
import { VerdictMarks } from './verdict-marks';

/**
 * The reader's kept copy of an article, written into an element of the snapshot page and marked
 * as the article page marks it: the claim marks first, then the reader's highlights from their
 * stored selectors with the same anchoring, then the verdicts on both. The same order as the
 * content script's (entrypoints/content/start.ts) gives the same nesting of marks, which is what
 * VerdictMarks reads to find the claim an assessment belongs to. DOM only.
 */

export interface KeptArticle {
  /** Holds the paragraphs, one `p` each: what the claim detector reads. */
  body: HTMLElement;
}

/**
 * Replaces `root`'s content with the copy's title (`h1`) and paragraphs, as text: the paragraphs
 * are what some web page said, never markup to parse. The title sits in the same text as the
 * body, as on the article page, so a highlight made on it, or near the top of the body with the
 * title as its context, is found again.
 */
export function writeKeptArticle(root: HTMLElement, snapshot: Pick<ArticleSnapshot, 'title' | 'paragraphs'>): KeptArticle {
  const doc = root.ownerDocument;
  const title = doc.createElement('h1');
  title.textContent = snapshot.title;
  const body = doc.createElement('div');
  body.className = 'kept-body';
  for (const text of snapshot.paragraphs) {
    const p = doc.createElement('p');
    p.textContent = text;
    body.append(p);
  }
  root.replaceChildren(title, body);
  return { body };
}

export interface KeptMarks {
  claims: ClaimMarks;
  /** Ids of the annotations painted on the copy; the others are orphans here. */
  painted: ReadonlySet<string>;
}

/**
 * Marks a copy written by `writeKeptArticle`: claims over `body` with `detect`, every annotation
 * that anchors under `root` as a highlight (`data-sourcemark="highlight"`, its id and colour), and
 * the verdicts of those assessed. An annotation that does not anchor is left out, never guessed.
 */
export function markKeptArticle(
  root: HTMLElement,
  { body }: KeptArticle,
  annotations: readonly Annotation[],
  opts: { detect: (text: string) => readonly DetectedClaim[]; lang: Lang },
): KeptMarks {
  const claims = markClaims(body, opts.detect);
  const results = anchorAll(root, annotations.map((a) => a.selectors));
  const found: Array<{ a: Annotation; start: number; end: number }> = [];
  annotations.forEach((a, i) => {
    const r = results[i];
    if (r && r.range !== null) found.push({ a, start: r.start, end: r.end });
  });
  const handles = new Map<string, HighlightHandle>();
  // Last-first from the one text index anchoring built (marking/paint-order.ts).
  paintInOrder(root, found, ({ a }, range) => {
    handles.set(
      a.id,
      highlightRange(range, { [ATTR.mark]: MARK_KIND.highlight, [ATTR.annotationId]: a.id, [ATTR.color]: a.color }),
    );
  });
  const painted = new Set([...handles].filter(([, h]) => h.elements.length > 0).map(([id]) => id));
  new VerdictMarks(root.ownerDocument, opts.lang).refresh({
    all: annotations,
    elementsOf: (id) => handles.get(id)?.elements ?? [],
  });
  return { claims, painted };
}
