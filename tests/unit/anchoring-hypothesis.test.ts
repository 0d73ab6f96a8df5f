import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextIndex, anchorDetailed } from '@/components/anchoring';
import { SelectorSchema, type Selector, type TextQuoteSelector } from '@/storage/model/annotation';
import { FIXTURES } from '../fixtures/anchoring-pages';
import { loadPage } from './anchoring-helpers';

/**
 * Interop: annotations that Hypothesis users made (tests/fixtures/hypothesis-baselines, BSD-2
 * fixtures from hypothesis/client) must anchor to exactly their quoted text. Their
 * TextPositionSelectors count characters in Hypothesis's own text model, so they may point
 * elsewhere in ours; the quote and context must still find the passage.
 */
const DIR = join(FIXTURES, 'hypothesis-baselines');

interface HypothesisExport {
  rows: Array<{ id: string; target: Array<{ selector: unknown[] }> }>;
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((json) => {
    const data = JSON.parse(readFileSync(join(DIR, json), 'utf8')) as HypothesisExport;
    return data.rows.flatMap((row, i) =>
      row.target.map((target) => ({
        page: json.replace(/\.json$/, '.html'),
        name: `${json} row ${i}`,
        selectors: target.selector,
      })),
    );
  });

describe('Hypothesis baselines', () => {
  it('has the fixtures (6 annotations on 2 pages)', () => {
    expect(cases).toHaveLength(6);
  });

  it.each(cases)('$name anchors to exactly its quote', ({ page, selectors }) => {
    // Import goes through the schema, as a Hypothesis import would.
    const parsed: Selector[] = selectors.map((s) => SelectorSchema.parse(s));
    const quote = parsed.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
    const root = loadPage(readFileSync(join(DIR, page), 'utf8'), 'body');
    const result = anchorDetailed(root, parsed);
    expect(result.range).not.toBeNull();
    if (!result.range) return;
    expect(new TextIndex(root).text.slice(result.start, result.end)).toBe(quote.exact);
    expect(result.range.toString()).toBe(quote.exact);
  });
});
