import { describe, expect, it } from 'vitest';
import { TextIndex, stripSpace } from '@/components/anchoring/text-index';
import { highlightRange } from '@/components/marking/highlighter';
import { blockTexts } from '@/components/marking/text-ranges';

import { DOMS } from '../support/doms';

/**
 * Anchoring, the claim text and the highlighter share one rule for what is page text
 * (components/vocabulary/skipped-elements.ts). If anchoring indexed text the highlighter will not
 * wrap, a saved highlight would anchor on words that are then never painted.
 */
const PAGE =
  '<p>甲<ruby>乙<rp>(</rp><rt>yǐ</rt><rp>)</rp></ruby>丙</p>' +
  '<textarea>表单里的字</textarea>' +
  '<svg><text>42%</text></svg>' +
  '<math><mi>x</mi></math>' +
  '<select><option>选项</option></select>' +
  '<video><p>视频的替代内容</p></video>' +
  '<object><p>插件的替代内容</p></object>' +
  '<canvas>画布的替代内容</canvas>' +
  '<script>var code = 1;</script><style>p{}</style>' +
  '<sourcemark-ui data-sourcemark-ui="banner"><p>我们自己的界面</p></sourcemark-ui>' +
  '<p>丁<b>戊</b></p>';

const PAGE_TEXT = '甲乙丙丁戊';

describe.each(DOMS)('what is page text (%s)', (_name, makeDoc) => {
  it('is the same for anchoring, the claim text and the highlighter', () => {
    const doc = makeDoc(PAGE);
    expect(stripSpace(new TextIndex(doc.body).text)).toBe(PAGE_TEXT);
    expect(stripSpace(blockTexts(doc.body).text)).toBe(PAGE_TEXT);

    const range = doc.createRange();
    range.setStart(doc.body, 0);
    range.setEnd(doc.body, doc.body.childNodes.length);
    const marked = highlightRange(range, { 'data-sourcemark': 'highlight' });
    expect(marked.elements.map((e) => e.textContent).join('')).toBe(PAGE_TEXT);
    marked.remove();
  });
});
