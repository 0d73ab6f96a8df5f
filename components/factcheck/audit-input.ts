import type { Lang } from '../vocabulary/strings';
import type { OutlineClaim, PageOutline } from '@/storage/messaging/protocol';
import { quoteOf, type Annotation } from '@/storage/model/annotation';
import type { ArticleSnapshot } from './snapshot-schema';
import type { ArticleAudit } from './report';

/**
 * The audit of the article a tab shows, from what the side panel has: the page's outline (its
 * claims in page order, each with the annotation assessing it), the page's annotations and the
 * reader's snapshot. Claims' own assessments are reported with their claim, not again among the
 * highlights; an assessment whose claim is no longer marked stays a highlight with its verdict.
 */
export function auditOf(lang: Lang, outline: PageOutline, annotations: readonly Annotation[], snapshot: ArticleSnapshot | null, generated: Date): ArticleAudit {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const claimIds = new Set(outline.claims.map((c) => c.assessmentId).filter((x): x is string => x !== null));
  const claim = (c: OutlineClaim) => {
    const a = c.assessmentId ? byId.get(c.assessmentId) : undefined;
    return {
      index: c.index,
      category: c.category,
      sentence: c.sentence,
      reason: c.reason[lang],
      verdict: a?.assessment?.verdict ?? null,
      note: a?.note ?? '',
      evidence: a?.assessment?.evidence ?? [],
    };
  };
  return {
    lang,
    article: {
      url: outline.url,
      title: outline.title,
      account: outline.account,
      platform: outline.product ? outline.product[lang] : null,
      statement: outline.statement,
    },
    snapshot: snapshot ? { taken: snapshot.taken, sha256: snapshot.sha256 } : null,
    claims: [...outline.claims].sort((a, b) => a.index - b.index).map(claim),
    highlights: annotations
      .filter((a) => !claimIds.has(a.id))
      .map((a) => ({
        quote: quoteOf(a).exact,
        note: a.note,
        tags: a.tags,
        color: a.color,
        verdict: a.assessment?.verdict ?? null,
        evidence: a.assessment?.evidence ?? [],
      })),
    generated,
  };
}
