/**
 * The kept copy on the snapshot page, marked as the article page marks it: a highlight described
 * on the real seed page lands on the same words in the copy, the claim detector marks the copy's
 * sentences, a verdict shows on its claim, and an annotation with no place in the copy stays off it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '@/components/anchoring';
import { detectClaims } from '@/components/claims';
import { takeSnapshot } from '@/components/factcheck/snapshot';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { markKeptArticle, writeKeptArticle } from '@/components/marking/kept-article';
import { recognise } from '@/components/recognition/recognise';
import type { Annotation, Selector } from '@/storage/model/annotation';
import { rangeOf } from '../support/range-of';
import { sampleAnnotation } from '../support/sample-annotation';
import { readSeed } from '../support/seed-docs';

const URL = 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html';
const SENTENCE = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
const CLAIM = '可以确定所谓美俄阿拉斯加密约就是乌克兰割让整个顿巴斯地区';

let snapshot: ArticleSnapshot;
/** Selectors of SENTENCE and CLAIM as the content script described them on the article page. */
let onPage: Record<string, Selector[]>;
let root: HTMLElement;

/** An annotation made on the article page on `quote` (SENTENCE or CLAIM). */
function madeOnPage(id: string, quote: string, over: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({ id, selectors: onPage[quote]!, ...over });
}

const texts = (selector: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const el of Array.from(root.querySelectorAll(selector))) {
    const key = el.getAttribute('data-annotation-id') ?? el.getAttribute('data-claim-index') ?? '?';
    out[key] = (out[key] ?? '') + el.textContent;
  }
  return out;
};

beforeEach(async () => {
  // The article page, in this test's own document (Ranges of a parsed document from another
  // happy-dom window do not hold their start), without the ad frame happy-dom would try to load.
  document.documentElement.innerHTML = readSeed('netease-hao-desktop.html')
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
  snapshot = await takeSnapshot(document, URL, recognise(document, URL), new Date('2026-02-01T08:00:00.000Z'));
  onPage = Object.fromEntries([SENTENCE, CLAIM].map((q) => [q, describeRange(document.body, rangeOf(document.body, q))]));
  // Then the snapshot page's element the copy is written into.
  document.body.innerHTML = '<main><article></article></main>';
  root = document.querySelector('article')!;
});

describe('writeKeptArticle', () => {
  it('writes the title as h1 and one paragraph per kept paragraph, as text', () => {
    const { body } = writeKeptArticle(root, { title: '<b>标题</b>', paragraphs: ['第一段<img src=x onerror="window.__x=1">', '第二段'] });
    expect(root.querySelector('h1')!.textContent).toBe('<b>标题</b>');
    expect(Array.from(body.querySelectorAll('p'), (p) => p.textContent)).toEqual(['第一段<img src=x onerror="window.__x=1">', '第二段']);
    expect(root.querySelectorAll('b, img')).toHaveLength(0);
  });

  it('replaces what it wrote before: a redraw leaves one copy', () => {
    writeKeptArticle(root, snapshot);
    writeKeptArticle(root, snapshot);
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelectorAll('p')).toHaveLength(snapshot.paragraphs.length);
  });
});

describe('markKeptArticle on the copy of the seed article', () => {
  it('puts a highlight made on the page on the same words of the copy', () => {
    const a = madeOnPage('00000000-0000-4000-8000-000000000001', SENTENCE, { color: 'green' });
    const { painted } = markKeptArticle(root, writeKeptArticle(root, snapshot), [a], { detect: detectClaims, lang: 'zh' });
    expect([...painted]).toEqual([a.id]);
    expect(texts('[data-sourcemark="highlight"]')).toEqual({ [a.id]: SENTENCE });
    expect(root.querySelector(`[data-annotation-id="${a.id}"]`)!.getAttribute('data-color')).toBe('green');
  });

  it("marks the copy's unsourced claims with the detector the page uses", () => {
    markKeptArticle(root, writeKeptArticle(root, snapshot), [], { detect: detectClaims, lang: 'zh' });
    const claims = Object.values(texts('[data-sourcemark="claim"]'));
    expect(claims.length).toBeGreaterThan(5);
    expect(claims.some((c) => c.includes(CLAIM))).toBe(true);
  });

  it('shows a verdict on a claim on the claim mark, named in the reader\'s language', () => {
    const verdict = madeOnPage('00000000-0000-4000-8000-000000000002', CLAIM, {
      assessment: { verdict: 'false', evidence: [], claim: { category: 'certainty' } },
    });
    markKeptArticle(root, writeKeptArticle(root, snapshot), [verdict], { detect: detectClaims, lang: 'en' });
    const marks = Array.from(root.querySelectorAll('[data-sourcemark="claim"][data-sourcemark-verdict="false"]'));
    expect(marks.map((m) => m.textContent).join('')).toContain(CLAIM);
    expect(marks.at(-1)!.getAttribute('data-verdict-label')).toBe('False');
    expect(root.querySelector(`[data-annotation-id="${verdict.id}"]`)!.getAttribute('data-assesses')).toBe('claim');
  });

  it('leaves an annotation whose words are not in the copy unpainted, and the text unchanged', () => {
    const added = sampleAnnotation({
      id: '00000000-0000-4000-8000-000000000003',
      selectors: [{ type: 'TextQuoteSelector', exact: '这是作者在保存副本之后才加上的一整句话。', prefix: '谁之不幸?', suffix: '' }],
    });
    const kept = madeOnPage('00000000-0000-4000-8000-000000000004', SENTENCE);
    const { painted } = markKeptArticle(root, writeKeptArticle(root, snapshot), [added, kept], { detect: detectClaims, lang: 'zh' });
    expect([...painted]).toEqual([kept.id]);
    expect(root.querySelector(`[data-annotation-id="${added.id}"]`)).toBeNull();
    expect(Array.from(root.querySelectorAll('.kept-body p'), (p) => p.textContent)).toEqual(snapshot.paragraphs);
  });
});
