import { describe, expect, it } from 'vitest';
import { groupByPage } from '@/storage/model/group-by-page';

describe('groupByPage', () => {
  it('keeps pages in the order first met and each page’s items in their given order', () => {
    const items = [
      { pageKey: 'b', n: 1 },
      { pageKey: 'a', n: 2 },
      { pageKey: 'b', n: 3 },
    ];
    const grouped = groupByPage(items);
    expect([...grouped.keys()]).toEqual(['b', 'a']);
    expect(grouped.get('b')!.map((i) => i.n)).toEqual([1, 3]);
    expect(grouped.get('a')!.map((i) => i.n)).toEqual([2]);
  });

  it('gives an empty map for no items', () => {
    expect(groupByPage([]).size).toBe(0);
  });
});
