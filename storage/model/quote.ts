import type { Selector, TextQuoteSelector } from './annotation';

/**
 * The quote an annotation was made on; every valid annotation has one. Kept apart from the zod
 * schemas (as startOf) so the content script and the popup's first script can use it without
 * bundling zod.
 */
export function quoteOf(a: { selectors: readonly Selector[] }): TextQuoteSelector {
  const q = a.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!q) throw new Error('annotation has no TextQuoteSelector');
  return q;
}

/** Where the highlight starts in the page's text; annotations without a position go last. */
export function startOf(a: { selectors: readonly Selector[] }): number {
  for (const s of a.selectors) if (s.type === 'TextPositionSelector') return s.start;
  return Number.POSITIVE_INFINITY;
}
