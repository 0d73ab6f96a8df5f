import type { Selector, TextQuoteSelector } from './annotation';

/**
 * The quote an annotation was made on; every valid annotation has one. Kept apart from the zod
 * schemas so the content script can use it without bundling zod.
 */
export function quoteOf(a: { selectors: readonly Selector[] }): TextQuoteSelector {
  const q = a.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!q) throw new Error('annotation has no TextQuoteSelector');
  return q;
}
