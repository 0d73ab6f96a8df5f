import type { Recognition } from '@/components/recognition/recognise';
import type { ClaimView } from '@/components/ui/page/claim-view';
import type { ClaimCounts, PageOutline, PageStatus } from './protocol';

/*
 * The answers to `content.status` (the popup) and `content.outline` (the side panel), built the
 * same way wherever they come from: the annotator, the article script before it arrives, and the
 * popup or side panel itself for a loader-only page (idle-page.ts). Pure: values in, values out.
 */

/** What the answers share: the page, what recognition said of it (null: not recognised), its state. */
export interface PageFacts {
  url: string;
  pageKey: string;
  page: Recognition | null;
  claims: readonly ClaimView[];
  ready: boolean;
  revision: number;
}

export function countByCategory(views: readonly ClaimView[]): ClaimCounts {
  const counts: ClaimCounts = { vague: 0, certainty: 0, statistic: 0 };
  for (const v of views) counts[v.category]++;
  return counts;
}

export function pageStatus(f: PageFacts, highlights: number, orphans: PageStatus['orphans']): PageStatus {
  return {
    url: f.url,
    pageKey: f.pageKey,
    kind: f.page?.kind ?? 'unknown',
    platform: f.page?.platform?.id ?? null,
    page: f.page?.page ?? null,
    account: f.page?.account?.name ?? null,
    claims: countByCategory(f.claims),
    highlights,
    orphans,
    ready: f.ready,
    revision: f.revision,
  };
}

/** `assessmentOf`: the id of the reader's verdict on a claim, where the annotator knows them. */
export function pageOutline(
  f: PageFacts,
  title: string,
  assessmentOf: (index: number) => string | null,
  orphans: PageOutline['orphans'],
): PageOutline {
  const page = f.page;
  return {
    url: f.url,
    pageKey: f.pageKey,
    title: title.slice(0, 2000),
    platform: page?.platform?.id ?? null,
    product: page?.kind === 'self-media' && page.platform ? { zh: page.platform.names.product.zh, en: page.platform.names.product.en } : null,
    account: page?.account?.name ?? null,
    statement: page?.statements.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n') || null,
    claims: f.claims.map((v) => ({ index: v.index, category: v.category, sentence: v.sentence, reason: v.reason, assessmentId: assessmentOf(v.index) })),
    orphans,
    ready: f.ready,
    revision: f.revision,
  };
}
