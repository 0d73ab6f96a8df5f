/**
 * The snapshot page's decisions without a DOM: which copy its address names, whether a stored
 * record is shown and whether it is intact, and which annotations are listed as orphans.
 */
import { describe, expect, it } from 'vitest';
import { orphanLines, pageParam, readKeptCopy } from '@/components/factcheck/kept-copy';
import { hashParagraphs } from '@/components/factcheck/snapshot';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { sampleAnnotation } from '../support/sample-annotation';

const KEY = '163.com/article/KKG7R2LD0525KQ8M';

async function kept(over: Partial<ArticleSnapshot> = {}): Promise<ArticleSnapshot> {
  const paragraphs = ['第一段。', '第二段，据知情人士透露。'];
  return {
    pageKey: KEY,
    url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html',
    title: '标题',
    account: '史政先锋',
    platform: 'netease',
    page: 'netease-hao',
    published: '2026-01-25 03:07:00',
    statement: null,
    paragraphs,
    sha256: await hashParagraphs(paragraphs),
    taken: '2026-02-01T08:00:00.000Z',
    ...over,
  };
}

describe('pageParam', () => {
  it.each([
    ['?page=163.com%2Farticle%2FKKG7R2LD0525KQ8M', KEY],
    ['?page=163.com/article/KKG7R2LD0525KQ8M', KEY],
    // Anything else in the address is no order: ignored.
    [`?page=${encodeURIComponent(KEY)}&delete=all&tab=3`, KEY],
    ['?page=first&page=second', 'first'],
    ['', null],
    ['?page=', null],
    ['?page=%20', null],
    ['?tab=3', null],
  ])('reads %j as %j', (search, expected) => {
    expect(pageParam(search)).toBe(expected);
  });
});

describe('readKeptCopy', () => {
  it('says "unknown" when nothing is stored under the key', async () => {
    expect(await readKeptCopy(undefined)).toEqual({ state: 'unknown' });
  });

  it('shows a stored snapshot whose paragraphs still have its hash as intact', async () => {
    const snapshot = await kept();
    expect(await readKeptCopy(snapshot)).toEqual({ state: 'kept', snapshot, intact: true });
  });

  it('shows a snapshot whose text was altered after it was kept as not intact', async () => {
    const snapshot = { ...(await kept()), paragraphs: ['第一段。', '第二段，据官方通报。'] };
    expect(await readKeptCopy(snapshot)).toMatchObject({ state: 'kept', intact: false });
  });

  it.each([
    ['a javascript: address, which the page would make a link', { url: 'javascript:alert(1)' }],
    ['a field the schema does not know', { html: '<img src=x onerror=alert(1)>' }],
    ['a hash of the wrong shape', { sha256: 'not-a-hash' }],
    ['no paragraphs array', { paragraphs: 'one long string' }],
  ])('refuses to show a record with %s ("damaged")', async (_what, over) => {
    expect(await readKeptCopy({ ...(await kept()), ...over })).toEqual({ state: 'damaged' });
  });
});

describe('orphanLines', () => {
  const a = sampleAnnotation({ id: '00000000-0000-4000-8000-000000000001', note: '' });
  const b = sampleAnnotation({
    id: '00000000-0000-4000-8000-000000000002',
    selectors: [{ type: 'TextQuoteSelector', exact: '作者后来加上的话' }],
    note: '改过了',
    assessment: { verdict: 'false', evidence: [] },
  });
  const c = sampleAnnotation({ id: '00000000-0000-4000-8000-000000000003' });

  it('lists the annotations not painted, in the order given, with quote, note and verdict', () => {
    expect(orphanLines([a, b, c], new Set([a.id]))).toEqual([
      { id: b.id, quote: '作者后来加上的话', note: '改过了', verdict: 'false' },
      { id: c.id, quote: '可以确定所谓美俄阿拉斯加密约', note: '<b>来源？</b>', verdict: null },
    ]);
  });

  it('lists none when every annotation was painted', () => {
    expect(orphanLines([a, b], new Set([a.id, b.id]))).toEqual([]);
  });
});
