import { describe, expect, it } from 'vitest';
import { blockTexts } from '@/components/marking/text-ranges';
import { markDetectedClaims } from '@/components/marking/claim-marks';
import { keepingSelection } from '@/components/marking/selection-keeper';
import { DOMS } from '../support/doms';

/**
 * Claims are marked when the background's answer comes, after the reader may have selected a
 * passage: marking must leave the selection on the same characters, in the same direction.
 */

const BODY = '<article id="a"><p>第一段交代背景。据知情人士透露，谈判将在下周继续进行。</p><p>第二段：<b>业内普遍认为</b>，这一政策将导致房价下跌三成。</p></article><p id="out">文章之外。</p>';
const CLAIMS = ['据知情人士透露，谈判将在下周继续进行。', '第二段：业内普遍认为，这一政策将导致房价下跌三成。'];

function markBoth(doc: Document) {
  const root = doc.getElementById('a')!;
  const text = blockTexts(root);
  const claims = CLAIMS.map((s) => {
    const start = text.text.indexOf(s);
    return { start, end: start + s.length, category: 'vague' as const, cue: { start, end: start + 2 }, reason: { zh: '原因', en: 'why' } };
  });
  return { root, marks: () => markDetectedClaims(text, claims) };
}

/** Selects from `from` (its first occurrence) to `to`'s end, in the Text nodes of `doc`, backwards if asked. */
function select(doc: Document, from: string, to: string, backwards = false): void {
  const point = (s: string, end: boolean) => {
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(s);
      if (i >= 0) return { node: n, offset: end ? i + s.length : i };
    }
    throw new Error(`no ${s}`);
  };
  const a = point(from, false);
  const f = point(to, true);
  const sel = doc.getSelection()!;
  if (backwards) sel.setBaseAndExtent(f.node, f.offset, a.node, a.offset);
  else sel.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
}

describe.each(DOMS)('keepingSelection (%s)', (_, makeDoc) => {
  it('keeps a selection that crosses claim marks on the same text', () => {
    const doc = makeDoc(BODY);
    const { root, marks } = markBoth(doc);
    select(doc, '背景', '业内普遍');
    const before = doc.getSelection()!.toString();
    expect(before).toContain('据知情人士透露');
    const made = keepingSelection(root, marks);
    expect(made.views.length).toBe(2);
    expect(root.querySelectorAll('sourcemark-mark').length).toBeGreaterThan(2);
    expect(doc.getSelection()!.toString()).toBe(before);
  });

  it('keeps a selection made inside one claim, and its direction', () => {
    const doc = makeDoc(BODY);
    const { root, marks } = markBoth(doc);
    select(doc, '知情人士', '下周', true);
    const sel = doc.getSelection()!;
    const before = sel.toString();
    keepingSelection(root, marks);
    expect(sel.toString()).toBe(before);
    expect(before).toBe('知情人士透露，谈判将在下周');
    // Backwards: the focus (where the reader's drag ended) is still before the anchor.
    expect(sel.anchorNode!.compareDocumentPosition(sel.focusNode!) & 2 /* PRECEDING */ || (sel.anchorNode === sel.focusNode && sel.focusOffset < sel.anchorOffset)).toBeTruthy();
  });

  it('keeps a selection that starts outside the article', () => {
    const doc = makeDoc(BODY);
    const { root, marks } = markBoth(doc);
    select(doc, '下跌三成', '文章之外', false);
    const before = doc.getSelection()!.toString();
    keepingSelection(root, marks);
    expect(doc.getSelection()!.toString()).toBe(before);
    expect(before).toContain('文章之外');
  });

  it('marks as usual when nothing is selected', () => {
    const doc = makeDoc(BODY);
    const { root, marks } = markBoth(doc);
    doc.getSelection()!.removeAllRanges();
    expect(keepingSelection(root, marks).views.map((v) => v.sentence)).toEqual(CLAIMS);
    expect(doc.getSelection()!.rangeCount).toBe(0);
  });
});
