// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countByCategory, pageOutline, pageStatus, type PageFacts } from '@/storage/messaging/page-answers';
import type { Recognition } from '@/components/recognition/recognise';
import type { ClaimView } from '@/components/ui/page/claim-view';

const claim = (index: number, category: ClaimView['category']): ClaimView => ({
  index,
  category,
  sentence: `据说句子${index}`,
  cueStart: 0,
  cueEnd: 2,
  reason: { zh: `理由${index}`, en: `reason ${index}` },
});

describe('the answers to content.status and content.outline (page-answers.ts)', () => {
  const statement = document.createElement('p');
  statement.textContent = '  本文来自网易号，\n 不代表网易立场  ';
  const page = {
    kind: 'self-media',
    platform: { id: 'netease', names: { product: { zh: '网易号', en: 'NetEase Hao' } } },
    page: 'article',
    account: { name: '某某说' },
    statements: [statement, document.createElement('p')],
  } as unknown as Recognition;
  const facts: PageFacts = {
    url: 'https://www.163.com/dy/article/ABC.html',
    pageKey: '163.com/dy/article/ABC.html',
    page,
    claims: [claim(0, 'vague'), claim(1, 'statistic'), claim(2, 'vague')],
    ready: true,
    revision: 3,
  };

  it('counts the claims by category, zero for a category with none', () => {
    expect(countByCategory(facts.claims)).toEqual({ vague: 2, certainty: 0, statistic: 1 });
  });

  it('reports what recognition said, with the highlights the caller counted', () => {
    expect(pageStatus(facts, 4, [])).toMatchObject({ kind: 'self-media', platform: 'netease', account: '某某说', highlights: 4, revision: 3 });
  });

  it("joins the statements' text with whitespace collapsed, skipping empty ones, and marks each claim's verdict", () => {
    const outline = pageOutline(facts, 'x'.repeat(3000), (i) => (i === 1 ? 'a1' : null), []);
    expect(outline.statement).toBe('本文来自网易号， 不代表网易立场');
    expect(outline.title).toHaveLength(2000);
    expect(outline.product).toEqual({ zh: '网易号', en: 'NetEase Hao' });
    expect(outline.claims.map((c) => c.assessmentId)).toEqual([null, 'a1', null]);
  });

  it('says nothing of a platform for a page recognition did not recognise', () => {
    const outline = pageOutline({ ...facts, page: null, claims: [] }, 't', () => null, []);
    expect(outline).toMatchObject({ platform: null, product: null, account: null, statement: null, claims: [] });
  });
});
