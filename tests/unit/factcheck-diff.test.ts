import { describe, expect, it } from 'vitest';
import { changedSpan, diffParagraphs, type ParagraphChange } from '@/components/factcheck/diff';
import { commonSubsequence } from '@/components/factcheck/myers';

const article = (n: number, tag = '段') => Array.from({ length: n }, (_, i) => `第${i + 1}${tag}：据悉，有关方面${i * 7}日表示，此事已成定局。`);

/** A tiny deterministic generator, so a failing case can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The length of a longest common subsequence, by the textbook table: the reference. */
function lcsLength(a: readonly number[], b: readonly number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = [0];
    for (let j = 0; j < b.length; j++) cur.push(x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, cur[j]!));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Every paragraph of both versions is accounted for once, and what is not reported is equal. */
function expectAccounts(before: string[], after: string[], changes: ParagraphChange[]): void {
  const goneFromBefore = new Set(changes.filter((c) => c.kind !== 'added').map((c) => c.beforeIndex));
  const newInAfter = new Set(changes.filter((c) => c.kind !== 'removed').map((c) => c.afterIndex));
  const keptBefore = before.filter((_, i) => !goneFromBefore.has(i));
  const keptAfter = after.filter((_, j) => !newInAfter.has(j));
  expect(keptAfter).toEqual(keptBefore);
  for (const c of changes) {
    if (c.kind !== 'added') expect(c.before).toBe(before[c.beforeIndex]);
    if (c.kind !== 'removed') expect(c.after).toBe(after[c.afterIndex]);
  }
}

describe('diffParagraphs', () => {
  it('reports nothing for the same article', () => {
    const a = article(30);
    expect(diffParagraphs(a, [...a])).toEqual({ changes: [], summary: { changed: 0, added: 0, removed: 0 } });
    expect(diffParagraphs([], [])).toEqual({ changes: [], summary: { changed: 0, added: 0, removed: 0 } });
  });

  it('reports the changed paragraph, not its neighbours', () => {
    const before = article(9);
    const after = [...before];
    after[4] = before[4]!.replace('此事已成定局', '此事尚无定论');
    const { changes, summary } = diffParagraphs(before, after);
    expect(summary).toEqual({ changed: 1, added: 0, removed: 0 });
    expect(changes).toEqual([
      { kind: 'changed', beforeIndex: 4, afterIndex: 4, before: before[4], after: after[4], span: expect.any(Object) },
    ]);
    const c = changes[0]!;
    if (c.kind !== 'changed') throw new Error('not a change');
    expect(c.before.slice(c.span.start, c.span.beforeEnd)).toBe('已成定局');
    expect(c.after.slice(c.span.start, c.span.afterEnd)).toBe('尚无定论');
  });

  it('reports a paragraph inserted above the article as added, and shifts nothing else', () => {
    const before = article(5);
    const after = ['编者按：本文有更新。', ...before];
    expect(diffParagraphs(before, after)).toEqual({
      changes: [{ kind: 'added', beforeIndex: 0, afterIndex: 0, after: '编者按：本文有更新。' }],
      summary: { changed: 0, added: 1, removed: 0 },
    });
  });

  it('reports a deleted paragraph as removed, with where it stood in the new version', () => {
    const before = article(6);
    const after = before.filter((_, i) => i !== 3);
    expect(diffParagraphs(before, after)).toEqual({
      changes: [{ kind: 'removed', beforeIndex: 3, afterIndex: 3, before: before[3] }],
      summary: { changed: 0, added: 0, removed: 1 },
    });
  });

  it('reports the last paragraph deleted as removed at the end', () => {
    const before = article(4);
    expect(diffParagraphs(before, before.slice(0, 3)).changes).toEqual([{ kind: 'removed', beforeIndex: 3, afterIndex: 3, before: before[3] }]);
  });

  it('reports a moved paragraph as removed where it was and added where it is, never as changed', () => {
    const before = article(6);
    const after = [before[0]!, before[2]!, before[3]!, before[4]!, before[1]!, before[5]!];
    const { changes, summary } = diffParagraphs(before, after);
    expect(summary).toEqual({ changed: 0, added: 1, removed: 1 });
    expect(changes.map((c) => (c.kind === 'added' ? c.after : c.kind === 'removed' ? c.before : ''))).toEqual([before[1], before[1]]);
    expectAccounts(before, after, changes);
  });

  it('shows a rewrite against its own old wording when another paragraph went beside it', () => {
    const before = ['开头。', '这一段被整个删掉了，内容与别处无关。', '专家称，该项目投资约20亿美元，将于明年投产。', '结尾。'];
    const after = ['开头。', '专家称，该项目投资约25亿美元，将于明年投产。', '结尾。'];
    const { changes, summary } = diffParagraphs(before, after);
    expect(summary).toEqual({ changed: 1, added: 0, removed: 1 });
    expect(changes).toEqual([
      { kind: 'removed', beforeIndex: 1, afterIndex: 1, before: before[1] },
      expect.objectContaining({ kind: 'changed', beforeIndex: 2, afterIndex: 1, before: before[2], after: after[1] }),
    ]);
  });

  it('pairs as many rewrites as there are, in order, when several paragraphs changed together', () => {
    const before = article(5);
    const after = before.map((p, i) => (i >= 1 && i <= 3 ? `${p}（已更正）` : p));
    const { changes, summary } = diffParagraphs(before, after);
    expect(summary).toEqual({ changed: 3, added: 0, removed: 0 });
    expect(changes.map((c) => [c.beforeIndex, c.afterIndex])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('matches repeated paragraphs (image captions, separators) one for one', () => {
    const before = ['图片来源网络', '甲。', '图片来源网络', '乙。', '图片来源网络'];
    const after = ['图片来源网络', '甲。', '图片来源网络', '图片来源网络'];
    const { changes, summary } = diffParagraphs(before, after);
    expect(summary).toEqual({ changed: 0, added: 0, removed: 1 });
    expect(changes).toEqual([{ kind: 'removed', beforeIndex: 3, afterIndex: 3, before: '乙。' }]);
  });

  it('reports every paragraph of an article that was replaced whole, and of one that was emptied', () => {
    const before = article(4);
    const after = article(3, '节');
    const replaced = diffParagraphs(before, after);
    expect(replaced.summary).toEqual({ changed: 3, added: 0, removed: 1 });
    expectAccounts(before, after, replaced.changes);
    expect(diffParagraphs(before, []).summary).toEqual({ changed: 0, added: 0, removed: 4 });
    expect(diffParagraphs([], before).summary).toEqual({ changed: 0, added: 4, removed: 0 });
  });

  it('accounts for every paragraph on random edits', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: Math.floor(next() * 12) }, () => `p${Math.floor(next() * 5)}`);
      const after = Array.from({ length: Math.floor(next() * 12) }, () => `p${Math.floor(next() * 5)}`);
      const { changes, summary } = diffParagraphs(before, after);
      expectAccounts(before, after, changes);
      expect(summary.changed + summary.removed + lcsLength(before.map((p) => +p.slice(1)), after.map((p) => +p.slice(1)))).toBe(before.length);
    }
  });

  it('finds the one edit in a 2,000-paragraph article, and pairs two unrelated ones paragraph by paragraph', () => {
    // Its speed is not asserted here (times belong in a benchmark); the test's own timeout is the
    // only bound, as for every test.
    const before = article(2000);
    const after = [...before];
    after[1234] = `${after[1234]!}补充一句。`;
    const once = diffParagraphs(before, after);
    expect(once.summary).toEqual({ changed: 1, added: 0, removed: 0 });
    expect(once.changes[0]).toMatchObject({ beforeIndex: 1234, afterIndex: 1234 });

    const unrelated = diffParagraphs(before, article(2000, '节'));
    expect(unrelated.summary).toEqual({ changed: 2000, added: 0, removed: 0 });
  });
});

describe('commonSubsequence', () => {
  it('finds a longest common subsequence, increasing in both sequences', () => {
    const next = random(42);
    for (let round = 0; round < 500; round++) {
      const alphabet = 1 + Math.floor(next() * 6);
      const a = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * alphabet));
      const b = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * alphabet));
      const flat = commonSubsequence(a, b);
      expect(flat.length / 2, `${a} | ${b}`).toBe(lcsLength(a, b));
      for (let p = 0; p < flat.length; p += 2) {
        expect(a[flat[p]!]).toBe(b[flat[p + 1]!]);
        if (p > 0) {
          expect(flat[p]!).toBeGreaterThan(flat[p - 2]!);
          expect(flat[p + 1]!).toBeGreaterThan(flat[p - 1]!);
        }
      }
    }
  });
});

describe('changedSpan', () => {
  it.each([
    ['据悉，此事已成定局。', '据悉，此事尚无定论。', '已成定局', '尚无定论'],
    ['约500架', '约500架次', '', '次'],
    ['删掉这里的字。', '删掉的字。', '这里', ''],
    ['一样', '一样', '', ''],
    ['前文😀后文', '前文😃后文', '😀', '😃'],
    ['𠮷野家', '𠮷野屋', '家', '屋'],
  ])('between %j and %j: %j became %j', (before, after, was, is) => {
    const s = changedSpan(before, after);
    expect(before.slice(s.start, s.beforeEnd)).toBe(was);
    expect(after.slice(s.start, s.afterEnd)).toBe(is);
    expect(before.slice(0, s.start) + before.slice(s.beforeEnd)).toBe(after.slice(0, s.start) + after.slice(s.afterEnd));
  });
});
