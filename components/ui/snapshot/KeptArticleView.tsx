import { useEffect, useRef } from 'preact/hooks';
import { detectClaims } from '@/components/claims';
import { orphanLines, type OrphanLine } from '@/components/factcheck/kept-copy';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { markKeptArticle, writeKeptArticle } from '@/components/marking/kept-article';
import { snapshotStrings } from '@/components/vocabulary/snapshot-strings';
import type { Lang } from '@/components/vocabulary/strings';
import type { Annotation } from '@/storage/model/annotation';

export type KeptArticleViewProps = {
  lang: Lang;
  snapshot: ArticleSnapshot;
  /** The reader's annotations of the article, in page order. */
  annotations: readonly Annotation[];
  /** Told, after each drawing, which annotations found no place in the copy. */
  onOrphans: (orphans: OrphanLine[]) => void;
};

/**
 * The copy's title and text, marked. Preact renders the element and never its content: marking
 * splits and wraps Text nodes, which a virtual DOM must not own. Every change of the copy, the
 * annotations or the language rewrites the text whole and marks it again, which is cheap for
 * one article and can never leave a stale mark.
 */
export default function KeptArticleView({ lang, snapshot, annotations, onOrphans }: KeptArticleViewProps) {
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const article = writeKeptArticle(el, snapshot);
    const { painted } = markKeptArticle(el, article, annotations, { detect: detectClaims, lang });
    onOrphans(orphanLines(annotations, painted));
  }, [snapshot, annotations, lang, onOrphans]);
  return <article ref={root} class="kept-article" aria-label={snapshotStrings[lang].article} />;
}
