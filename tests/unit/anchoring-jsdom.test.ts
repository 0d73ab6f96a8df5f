// @vitest-environment jsdom
/**
 * The same anchoring specifications on a second DOM implementation. The module only uses standard
 * DOM APIs; running it on jsdom as well as happy-dom catches reliance on one implementation's
 * quirks (happy-dom's Range, for one, only accepts nodes of the window's own document).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as anchoring from '@/components/anchoring';
import { TextIndex } from '@/components/anchoring';
import type { Selector, TextQuoteSelector } from '@/storage/model/annotation';
import { FIXTURES, renderPage, rng, seedBlocks } from '../fixtures/anchoring-pages';
import { loadPage, shiftPosition, trimmed } from './anchoring-helpers';

describe('anchoring on jsdom', () => {
  it('skips unrendered and extension text, and keeps highlight wrappers', () => {
    const root = loadPage(
      '<main id="root"><p>甲<script>脚本</script>乙</p><div data-sourcemark-ui=""><b>按钮</b></div>' +
        '<p><mark data-sourcemark="highlight">丙</mark>丁</p></main>',
    );
    expect(new TextIndex(root).text).toBe('甲乙丙丁');
  });

  it('round-trips ranges of the seed article, with element and text boundary points', () => {
    const root = loadPage(renderPage(seedBlocks(), { inline: true, whitespace: 'messy' }));
    const index = new TextIndex(root);
    const rand = rng(3);
    for (let i = 0; i < 150; i++) {
      const len = 1 + Math.floor(rand() * 120);
      const start = Math.floor(rand() * (index.text.length - len));
      const want = trimmed(index.text, start, start + len);
      if (want.start === want.end) continue;
      const selectors = anchoring.describe(root, index.rangeOf(start, start + len)!);
      expect(anchoring.anchorDetailed(root, selectors)).toMatchObject({ method: 'position', ...want });
      expect(anchoring.anchorDetailed(root, shiftPosition(selectors, 11))).toMatchObject({ method: 'quote', ...want });
    }
    const paragraphs = root.querySelectorAll('p');
    const r = root.ownerDocument.createRange();
    r.setStart(paragraphs[5]!, 0);
    r.setEnd(paragraphs[6]!, paragraphs[6]!.childNodes.length);
    const q = anchoring.describe(root, r)[0] as TextQuoteSelector;
    expect(q.exact.startsWith(paragraphs[5]!.textContent!.trim())).toBe(true);
    expect(anchoring.anchor(root, [q])!.toString()).toBe(q.exact);
  });

  it('anchors a one-character typo fix fuzzily and a deleted passage not at all', () => {
    const blocks = seedBlocks();
    let root = loadPage(renderPage(blocks));
    const index = new TextIndex(root);
    const quote = '顿巴斯地区,若该问题上无法达成一致';
    const at = index.text.indexOf(quote);
    const selectors = anchoring.describe(root, index.rangeOf(at, at + quote.length)!);
    root = loadPage(renderPage(blocks.map((b) => b.replace('若该问题上', '若这问题上'))));
    const fuzzy = anchoring.anchorDetailed(root, selectors);
    expect(fuzzy.method).toBe('fuzzy');
    expect(fuzzy.range!.toString()).toBe('顿巴斯地区,若这问题上无法达成一致');
    root = loadPage(renderPage(blocks.filter((b) => !b.includes('若该问题上'))));
    expect(anchoring.anchor(root, selectors)).toBeNull();
  });

  it('anchors every Hypothesis baseline annotation to exactly its quote', () => {
    const dir = join(FIXTURES, 'hypothesis-baselines');
    for (const name of ['minimal', 'wikipedia-regression-testing']) {
      const data = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as {
        rows: Array<{ target: Array<{ selector: Selector[] }> }>;
      };
      const root = loadPage(readFileSync(join(dir, `${name}.html`), 'utf8'), 'body');
      for (const row of data.rows) {
        const selectors = row.target[0]!.selector;
        const exact = (selectors.find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector).exact;
        expect(anchoring.anchor(root, selectors)!.toString()).toBe(exact);
      }
    }
  });
});
