import { afterEach, describe, expect, it, vi } from 'vitest';
import { anchor, describe as describeRange, indexFor } from '@/components/anchoring';
import { IDLE_MS } from '@/components/anchoring/index-cache';
import type { Selector } from '@/storage/model/annotation';
import { DOMS } from '../support/doms';

const ARTICLE =
  '<main id="root"><p>第一段：特朗普宣布了新的关税政策，引发市场震荡。</p>' +
  '<p>第二段：据知情人士透露，谈判将在下周继续进行。</p>' +
  '<p>第三段：分析人士认为，这一决定将影响全球供应链。</p></main>';

/** A microtask later: when a MutationObserver's callback has been given the queued records. */
const delivered = () => new Promise<void>((r) => setTimeout(r, 0));

describe.each(DOMS)('the text index cache (%s)', (_name, make) => {
  function page() {
    const doc = make(ARTICLE);
    const root = doc.getElementById('root')!;
    const select = (words: string): Selector[] => {
      const text = root.textContent!;
      const at = text.indexOf(words);
      const range = doc.createRange();
      const walker = doc.createTreeWalker(root, 4);
      let seen = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (at >= seen && at + words.length <= seen + n.data.length) {
          range.setStart(n, at - seen);
          range.setEnd(n, at - seen + words.length);
          break;
        }
        seen += n.data.length;
      }
      return describeRange(root, range);
    };
    return { doc, root, select };
  }

  it('reuses the index while nothing under the root changes', () => {
    const { root } = page();
    const first = indexFor(root);
    expect(indexFor(root)).toBe(first);
    anchor(root, [{ type: 'TextQuoteSelector', exact: '谈判将在下周继续进行' }]);
    expect(indexFor(root)).toBe(first);
  });

  it('rebuilds the index in the same task after a Text node is edited', () => {
    const { root } = page();
    const before = indexFor(root);
    (root.querySelector('p')!.firstChild as Text).data = '第一段：改写了。';
    const after = indexFor(root);
    expect(after).not.toBe(before);
    expect(after.text.startsWith('第一段：改写了。')).toBe(true);
  });

  it('rebuilds the index after the changes were already delivered to the observer', async () => {
    const { doc, root } = page();
    const before = indexFor(root);
    root.prepend(doc.createElement('p'));
    root.firstElementChild!.textContent = '新插入的导语。';
    await delivered();
    const after = indexFor(root);
    expect(after).not.toBe(before);
    expect(after.text.startsWith('新插入的导语。')).toBe(true);
  });

  it('rebuilds the index when an element becomes our UI, whose text the index leaves out', () => {
    const { root } = page();
    const before = indexFor(root);
    root.querySelectorAll('p')[1]!.setAttribute('data-sourcemark-ui', '');
    expect(indexFor(root)).not.toBe(before);
    expect(indexFor(root).text).not.toContain('知情人士');
  });

  it('keeps the index when only an unrelated attribute changes', () => {
    const { root } = page();
    const before = indexFor(root);
    root.querySelector('p')!.setAttribute('class', 'lead');
    expect(indexFor(root)).toBe(before);
  });

  it('keeps the note on its words when a paragraph is inserted above it between two anchors', () => {
    const { doc, root, select } = page();
    const selectors = select('谈判将在下周继续进行');
    expect(anchor(root, selectors)!.toString()).toBe('谈判将在下周继续进行');
    const lead = doc.createElement('p');
    lead.textContent = '编者按：谈判将在下周继续进行吗？本文不作判断。';
    root.prepend(lead);
    const range = anchor(root, selectors)!;
    expect(range.toString()).toBe('谈判将在下周继续进行');
    expect(range.startContainer.parentElement).toBe(root.querySelectorAll('p')[2]);
  });

  it('finds the fixed words, not stale text, when a typo is fixed between two anchors', () => {
    const { root, select } = page();
    const selectors = select('这一决定将影响全球供应链');
    expect(anchor(root, selectors)).not.toBeNull();
    const third = root.querySelectorAll('p')[2]!.firstChild as Text;
    third.replaceData(third.data.indexOf('全球'), 2, '世界');
    const range = anchor(root, selectors)!;
    expect(range.toString()).toBe('这一决定将影响世界供应链');
  });

  it('orphans the note in the same task when its paragraph is removed', () => {
    const { root, select } = page();
    const selectors = select('谈判将在下周继续进行');
    expect(anchor(root, selectors)).not.toBeNull();
    root.querySelectorAll('p')[1]!.remove();
    expect(anchor(root, selectors)).toBeNull();
  });

  describe('when unused', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('lets an index go after it went unused for IDLE_MS, and keeps one in use', () => {
      vi.useFakeTimers();
      const { root } = page();
      const first = indexFor(root);
      vi.advanceTimersByTime(IDLE_MS - 1_000);
      expect(indexFor(root)).toBe(first); // used again: the clock starts over
      vi.advanceTimersByTime(IDLE_MS - 1_000);
      expect(indexFor(root)).toBe(first);
      vi.advanceTimersByTime(IDLE_MS + 1_000);
      const next = indexFor(root);
      expect(next).not.toBe(first);
      expect(next.text).toBe(first.text);
    });
  });

  it('keeps one index per root', () => {
    const { doc, root } = page();
    const other = doc.createElement('section');
    other.textContent = '另一块内容';
    doc.body.append(other);
    expect(indexFor(other).text).toBe('另一块内容');
    expect(indexFor(root).text).toContain('第一段');
    expect(indexFor(other)).toBe(indexFor(other));
  });
});
