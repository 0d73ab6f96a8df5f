import { describe, expect, it } from 'vitest';
import { auditOf } from '@/components/factcheck/audit-input';
import { auditFileName } from '@/storage/formats/filename';
import type { PageOutline } from '@/storage/messaging/protocol';
import type { Annotation } from '@/storage/model/annotation';

const GENERATED = new Date('2026-12-06T03:00:00.000Z');

function annotation(n: number, over: Partial<Annotation>): Annotation {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    pageKey: '163.com/dy/article/K1',
    url: 'https://www.163.com/dy/article/K1.html',
    title: '标题',
    site: '163.com',
    selectors: [{ type: 'TextQuoteSelector', exact: `第 ${n} 句` }],
    color: 'yellow',
    note: '',
    tags: [],
    created: '2026-12-01T00:00:00.000Z',
    updated: '2026-12-01T00:00:00.000Z',
    ...over,
  };
}

const assessed = annotation(1, { note: '辟谣', assessment: { verdict: 'false', evidence: ['https://a.example/1'], claim: { category: 'vague' } } });
const plain = annotation(2, { note: '记下', tags: ['待查'] });
const orphanVerdict = annotation(3, { assessment: { verdict: 'misleading', evidence: [], claim: { category: 'statistic' } } });

const outline: PageOutline = {
  url: 'https://www.163.com/dy/article/K1.html',
  pageKey: '163.com/dy/article/K1',
  title: '标题',
  platform: 'netease',
  product: { zh: '网易号', en: 'NetEase Hao' },
  account: '史政先锋',
  statement: '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。',
  claims: [
    { index: 1, category: 'statistic', sentence: '约500架。', reason: { zh: '数字无出处', en: 'a number' }, assessmentId: null },
    { index: 0, category: 'vague', sentence: '据悉如此。', reason: { zh: '来源模糊', en: 'vague' }, assessmentId: assessed.id },
  ],
  orphans: [],
  ready: true,
  revision: 3,
};

describe("an article's audit, from the side panel's data", () => {
  it('lists the claims in page order, each with the verdict, note and evidence of its assessment', () => {
    const audit = auditOf('zh', outline, [assessed, plain], null, GENERATED);
    expect(audit.claims.map((c) => c.index)).toEqual([0, 1]);
    expect(audit.claims[0]).toEqual({ index: 0, category: 'vague', sentence: '据悉如此。', reason: '来源模糊', verdict: 'false', note: '辟谣', evidence: ['https://a.example/1'] });
    expect(audit.claims[1]).toMatchObject({ verdict: null, note: '', evidence: [], reason: '数字无出处' });
  });

  it("reports a claim's assessment once, and keeps one whose claim is no longer marked among the highlights", () => {
    const audit = auditOf('en', outline, [assessed, plain, orphanVerdict], null, GENERATED);
    expect(audit.highlights.map((h) => h.quote)).toEqual(['第 2 句', '第 3 句']);
    expect(audit.highlights[1]).toMatchObject({ verdict: 'misleading' });
    expect(audit.article).toEqual({ url: outline.url, title: '标题', account: '史政先锋', platform: 'NetEase Hao', statement: outline.statement });
  });

  it("carries the snapshot's time and hash when the reader kept one", () => {
    const snapshot = { taken: '2026-12-01T00:00:00.000Z', sha256: 'a'.repeat(64) };
    const audit = auditOf('zh', outline, [], { ...snapshot, pageKey: outline.pageKey, url: outline.url, title: '', account: null, platform: null, page: null, published: null, statement: null, paragraphs: ['x'] }, GENERATED);
    expect(audit.snapshot).toEqual(snapshot);
  });

  it('names the file by date and title, safely', () => {
    expect(auditFileName('html', new Date(2026, 11, 6), '美俄/会谈 "无果"')).toBe('sourcemark-audit-2026-12-06-美俄-会谈-无果.html');
    expect(auditFileName('md', new Date(2026, 11, 6), '标题')).toBe('sourcemark-audit-2026-12-06-标题.md');
  });
});
