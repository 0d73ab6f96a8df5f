import type { Annotation } from '@/storage/model/annotation';

/** One realistic annotation on the seed article; override any field. */
export function sampleAnnotation(over: Partial<Annotation> = {}): Annotation {
  return {
    id: '0b6f3c2e-8f1a-4c47-9a5e-3d2b1c0a9f8e',
    pageKey: '163.com/article/KKG7R2LD0525KQ8M',
    url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html',
    title: '美俄乌会谈无果而终,世界很可能陷入巨震中',
    site: '163.com',
    selectors: [
      { type: 'TextQuoteSelector', exact: '可以确定所谓美俄阿拉斯加密约', prefix: '媒体“漏风”,', suffix: '就是乌克兰' },
      { type: 'TextPositionSelector', start: 120, end: 134 },
    ],
    color: 'yellow',
    note: '<b>来源？</b>',
    tags: ['地缘'],
    created: '2026-01-25T03:07:00.000Z',
    updated: '2026-01-25T03:07:00.000Z',
    ...over,
  };
}
