import { COLORS, type Annotation } from '@/storage/model/annotation';

/**
 * A reader's library for the popup's benchmark and tests: `pages` articles with `perPage`
 * annotations each, Chinese and English text, colours and tags spread over them, and update
 * times interleaved across pages (a reader comes back to old articles), so grouping by page
 * cannot lean on insertion order. Deterministic: the same arguments give the same library.
 */

const PHRASES = [
  '据知情人士透露',
  '可以确定所谓美俄阿拉斯加密约',
  '俄军曾经匮缺的高科技军事资源开始快速补充',
  '数据显示今年前三季度增长约百分之五',
  '专家称这一趋势将持续到明年',
  'the minister said the deal was already done',
  'according to people familiar with the matter',
  '出于各种原因,川普政府对会晤内容一直保密。',
  '毫无疑问这将引爆新一轮竞争',
  'Regression testing re-runs functional tests',
];
const NOTES = ['', '', '来源？', '谁说的', 'needs a source', '数字从哪来', '对比官方数据', 'check this later'];
const TAGS = ['地缘', '经济', 'health', '科技', 'todo', '待查'];

/** Deterministic ids: readable in failures, and valid v4-shaped UUIDs for the schema. */
export function idFor(page: number, i: number): string {
  const hex = (page * 1000 + i).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function makeLibrary(pages: number, perPage: number, base = Date.UTC(2026, 0, 1)): Annotation[] {
  const out: Annotation[] = [];
  for (let p = 0; p < pages; p++) {
    const docid = `K${p.toString(36).toUpperCase().padStart(7, '0')}0525KQ8M`;
    for (let i = 0; i < perPage; i++) {
      const n = p * perPage + i;
      const phrase = PHRASES[n % PHRASES.length]!;
      // Spread pages over time, with each page's annotations interleaved with other pages'.
      const minutes = i * pages + ((p * 7919) % pages);
      const stamp = new Date(base + minutes * 60_000).toISOString();
      out.push({
        id: idFor(p, i),
        pageKey: `163.com/article/${docid}`,
        url: `https://www.163.com/dy/article/${docid}.html`,
        title: `第${p}篇文章：${PHRASES[p % PHRASES.length]!.slice(0, 8)}`,
        site: '163.com',
        selectors: [
          { type: 'TextQuoteSelector', exact: `${phrase}（${p}-${i}）`, prefix: '前文', suffix: '后文' },
          // Positions descending with i, so page order is not creation order.
          { type: 'TextPositionSelector', start: (perPage - i) * 100, end: (perPage - i) * 100 + phrase.length },
        ],
        color: COLORS[n % COLORS.length]!,
        note: NOTES[n % NOTES.length]!,
        tags: n % 3 === 0 ? [TAGS[n % TAGS.length]!] : [],
        created: stamp,
        updated: stamp,
      });
    }
  }
  return out;
}
