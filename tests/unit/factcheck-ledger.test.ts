import { describe, expect, it } from 'vitest';
import {
  buildLedger,
  countChars,
  ledgerLine,
  per1000,
  sortLedger,
  verdictCounts,
  type AccountSummary,
  type ArticleOpened,
  type AssessedAnnotation,
} from '@/components/factcheck/ledger';
import type { Verdict } from '@/components/vocabulary/verdicts';

const opened = (pageKey: string, over: Partial<ArticleOpened> = {}): ArticleOpened => ({
  pageKey,
  platform: 'netease',
  account: '史政先锋',
  chars: 1000,
  claims: { vague: 1, certainty: 1, statistic: 1 },
  opened: '2026-01-25T03:00:00.000Z',
  ...over,
});

const assessed = (pageKey: string, verdict: Verdict, claim = true): AssessedAnnotation => ({
  pageKey,
  assessment: { verdict, evidence: [], ...(claim ? { claim: { category: 'vague' as const } } : {}) },
});

const only = (list: AccountSummary[]): AccountSummary => {
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe('buildLedger', () => {
  it('counts an article opened twice once, with its latest numbers', () => {
    const s = only(
      buildLedger([
        opened('163.com/article/A', { chars: 2000, claims: { vague: 5, certainty: 0, statistic: 0 }, opened: '2026-01-25T03:00:00Z' }),
        opened('163.com/article/B', { chars: 1000, claims: { vague: 0, certainty: 2, statistic: 0 }, opened: '2026-01-26T03:00:00Z' }),
        opened('163.com/article/A', { chars: 1000, claims: { vague: 1, certainty: 0, statistic: 0 }, opened: '2026-01-27T03:00:00Z' }),
      ]),
    );
    expect(s.articles).toBe(2);
    expect(s.chars).toBe(2000);
    expect(s.claims).toBe(3);
    expect(s.claimsByCategory).toEqual({ vague: 1, certainty: 2, statistic: 0 });
    expect(s.rate).toBe(1.5);
    expect(s.rateByCategory).toEqual({ vague: 0.5, certainty: 1, statistic: 0 });
    expect(s.lastOpened).toBe('2026-01-27T03:00:00Z');
    expect(s.pageKeys.sort()).toEqual(['163.com/article/A', '163.com/article/B']);
  });

  it('keeps the later opening when an older one comes after it in the list', () => {
    const s = only(
      buildLedger([
        opened('p', { chars: 500, opened: '2026-01-27T00:00:00Z' }),
        opened('p', { chars: 9000, opened: '2026-01-20T00:00:00Z' }),
      ]),
    );
    expect(s.chars).toBe(500);
  });

  it('gives a rate of null, never NaN or Infinity, when no characters were read', () => {
    const s = only(buildLedger([opened('p', { chars: 0, claims: { vague: 3, certainty: 0, statistic: 0 } })]));
    expect(s.rate).toBeNull();
    expect(s.rateByCategory).toEqual({ vague: null, certainty: null, statistic: null });
    expect(s.claims).toBe(3);
  });

  it('treats counts that are not counts as zero', () => {
    const s = only(buildLedger([opened('p', { chars: Number.NaN, claims: { vague: -2, certainty: Number.POSITIVE_INFINITY, statistic: 1 } })]));
    expect(s.chars).toBe(0);
    expect(s.claims).toBe(1);
    expect(s.rate).toBeNull();
  });

  it('keeps one name on two platforms as two accounts, and leaves out pages without an account', () => {
    const list = buildLedger([
      opened('a', { platform: 'netease', account: '科技观察猿' }),
      opened('b', { platform: 'sohu', account: '科技观察猿' }),
      opened('c', { account: null }),
      opened('d', { account: '' }),
    ]);
    expect(list.map((s) => `${s.platform}:${s.account}`).sort()).toEqual(['netease:科技观察猿', 'sohu:科技观察猿']);
  });

  it("counts the reader's verdicts on the account's pages only, claim marks and highlights alike", () => {
    const list = buildLedger(
      [opened('a'), opened('b'), opened('x', { account: '别的号' })],
      [
        assessed('a', 'false'),
        assessed('b', 'false', false),
        assessed('b', 'supported'),
        assessed('x', 'false'),
        { pageKey: 'a', assessment: undefined },
      ],
    );
    const mine = list.find((s) => s.account === '史政先锋')!;
    expect(mine.verdicts).toEqual({ unchecked: 0, 'needs-source': 0, supported: 1, false: 2, misleading: 0 });
    expect(list.find((s) => s.account === '别的号')!.verdicts.false).toBe(1);
  });
});

describe('verdictCounts', () => {
  it('counts every verdict, zero included', () => {
    expect(verdictCounts([assessed('a', 'misleading'), assessed('a', 'misleading'), assessed('b', 'false')], new Set(['a']))).toEqual({
      unchecked: 0,
      'needs-source': 0,
      supported: 0,
      false: 0,
      misleading: 2,
    });
  });
});

describe('per1000 and countChars', () => {
  it.each([
    [41, 10_000, 4.1],
    [1, 3, 333.3],
    [2, 3000, 0.7],
    [0, 500, 0],
    [5, 0, null],
  ])('%i claims in %i characters is %s per 1,000', (claims, chars, rate) => {
    expect(per1000(claims, chars)).toBe(rate);
  });

  it('counts characters without white space, an emoji as one', () => {
    expect(countChars(['据悉， 有关方面 表示。', 'A B😀'])).toBe(13);
  });
});

describe('ledgerLine', () => {
  const summary = (over: Partial<AccountSummary>): AccountSummary => ({
    ...only(buildLedger([opened('p')])),
    ...over,
  });
  const falses = (n: number) => ({ unchecked: 0, 'needs-source': 0, supported: 0, false: n, misleading: 0 });

  it.each<[string, string, Partial<AccountSummary>]>([
    [
      '12 articles you opened; 4.1 unsourced claims per 1,000 characters; 2 claims you marked false',
      '你打开过 12 篇；每千字 4.1 处无出处说法；你判定 2 处不实',
      { articles: 12, rate: 4.1, verdicts: falses(2) },
    ],
    [
      '1 article you opened; 4.0 unsourced claims per 1,000 characters; 1 claim you marked false',
      '你打开过 1 篇；每千字 4.0 处无出处说法；你判定 1 处不实',
      { articles: 1, rate: 4, verdicts: falses(1) },
    ],
    ['3 articles you opened; 0.0 unsourced claims per 1,000 characters', '你打开过 3 篇；每千字 0.0 处无出处说法', { articles: 3, rate: 0, verdicts: falses(0) }],
    ['1 article you opened', '你打开过 1 篇', { articles: 1, rate: null, verdicts: falses(0) }],
    [
      '1,234 articles you opened; 12.5 unsourced claims per 1,000 characters; 1,001 claims you marked false',
      '你打开过 1234 篇；每千字 12.5 处无出处说法；你判定 1001 处不实',
      { articles: 1234, rate: 12.5, verdicts: falses(1001) },
    ],
  ])('writes "%s" (zh "%s")', (en, zh, over) => {
    expect(ledgerLine(summary(over), 'en')).toBe(en);
    expect(ledgerLine(summary(over), 'zh')).toBe(zh);
  });
});

describe('sortLedger', () => {
  const ledger = buildLedger(
    [
      opened('1', { account: '张三说事', chars: 1000, claims: { vague: 2, certainty: 0, statistic: 0 } }),
      opened('2', { account: '张三说事', chars: 1000, claims: { vague: 0, certainty: 0, statistic: 0 } }),
      opened('3', { account: '阿明', chars: 1000, claims: { vague: 5, certainty: 0, statistic: 0 } }),
      opened('4', { account: '王五', chars: 0 }),
      opened('5', { account: 'Beta', chars: 1000, claims: { vague: 1, certainty: 0, statistic: 0 } }),
      opened('6', { account: '阿明', platform: 'sohu', chars: 1000, claims: { vague: 5, certainty: 0, statistic: 0 } }),
    ],
    [assessed('4', 'false'), assessed('4', 'false'), assessed('5', 'false')],
  );
  const names = (by: Parameters<typeof sortLedger>[1]) => sortLedger(ledger, by).map((s) => `${s.account}@${s.platform}`);

  it('puts the most articles first, ties by name', () => {
    expect(names('articles')).toEqual(['张三说事@netease', '阿明@netease', '阿明@sohu', '王五@netease', 'Beta@netease']);
  });

  it('puts the highest rate first and accounts without characters last', () => {
    expect(names('rate')).toEqual(['阿明@netease', '阿明@sohu', '张三说事@netease', 'Beta@netease', '王五@netease']);
  });

  it('puts the most claims marked false first', () => {
    expect(names('false')[0]).toBe('王五@netease');
    expect(names('false')[1]).toBe('Beta@netease');
  });

  it('orders names as the Chinese collation does (by pinyin, Chinese before Latin), the same whatever the input order', () => {
    const byName = names('name');
    expect(byName).toEqual(['阿明@netease', '阿明@sohu', '王五@netease', '张三说事@netease', 'Beta@netease']);
    expect(sortLedger([...ledger].reverse(), 'name').map((s) => `${s.account}@${s.platform}`)).toEqual(byName);
    expect(sortLedger([...ledger].reverse(), 'rate')).toEqual(sortLedger(ledger, 'rate'));
  });

  it('returns a new array and leaves the ledger as it was', () => {
    const before = [...ledger];
    expect(sortLedger(ledger, 'name')).not.toBe(ledger);
    expect(ledger).toEqual(before);
  });
});
