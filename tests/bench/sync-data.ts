import { articleText, loadCorpus } from '../eval/score';
import { COLORS, type Annotation } from '@/storage/model/annotation';
import { pageKey, siteOf } from '@/storage/model/page-key';

/**
 * A reader's library for the sync benchmark: `count` annotations, `perPage` to an article, cut
 * from the claims corpus (tests/corpus/claims: 34 Chinese articles of nine platforms) as the
 * content script would save them: a quote of 8–120 characters of the article's own text with 32
 * characters of context either side and its position, the article's first sentence as the title,
 * about one in five with a note (Chinese or English, a few words to a few sentences), about one
 * in three with tags. Each page is one article at its own URL, so quotes recur across pages as
 * articles do across reposts. Deterministic: the same arguments give the same library, so the
 * sizes in the README compare between runs.
 */

const NOTES = [
  '来源？',
  '谁说的',
  '数字从哪来？没有给出处。',
  '对比官方统计公报的数据再看',
  '这里把相关当成了因果',
  '“业内人士”是谁？',
  '同一个说法在另一篇文章里数字不一样，回头对一下。',
  '原文链接已失效，找存档',
  'needs a source',
  'check against the ministry figures',
  'The survey cited here was an online poll of 300 people; the headline makes it sound national.',
  '作者前后矛盾：第二段说增长，第五段又说下降。记下来，写评论的时候用。',
  '这段可以引用，但要标明是作者观点而不是事实。另外图表的纵轴没有从零开始，视觉上夸大了变化。',
];
const TAGS = ['地缘', '经济', '健康', '科技', '待查', '引用', 'todo', '教育', '数据', '谣言'];
const HOSTS: Record<string, (id: string) => string> = {
  netease: (id) => `https://www.163.com/dy/article/${id}.html`,
  sohu: (id) => `https://www.sohu.com/a/${id}`,
  tencent: (id) => `https://new.qq.com/rain/a/${id}`,
  baidu: (id) => `https://baijiahao.baidu.com/s?id=${id}`,
  sina: (id) => `https://k.sina.com.cn/article_${id}.html`,
  ifeng: (id) => `https://i.ifeng.com/c/${id}`,
  '36kr': (id) => `https://36kr.com/p/${id}`,
  thepaper: (id) => `https://www.thepaper.cn/newsDetail_forward_${id}`,
  wechat: (id) => `https://mp.weixin.qq.com/s/${id}`,
};

/** mulberry32: small, fast, and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function makeSyncLibrary(count = 10_000, perPage = 10, base = Date.UTC(2026, 0, 1)): Annotation[] {
  const articles = loadCorpus().map((a) => ({ platform: a.platform, title: a.sentences[0]?.text ?? a.id, text: articleText(a).text }));
  const rnd = random(20261205);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: Annotation[] = [];
  for (let n = 0; n < count; n++) {
    const p = Math.floor(n / perPage);
    const article = articles[p % articles.length]!;
    const docid = `K${p.toString(36).toUpperCase().padStart(7, '0')}0525KQ8M`;
    const url = HOSTS[article.platform]!(docid);
    const length = 8 + Math.floor(rnd() * rnd() * 113);
    const start = Math.floor(rnd() * Math.max(1, article.text.length - length));
    const exact = article.text.slice(start, start + length);
    // A reader annotates over months and comes back to old articles: times spread and interleave.
    const created = base + Math.floor(rnd() * 300 * 86_400_000);
    const edited = rnd() < 0.1 ? created + Math.floor(rnd() * 30 * 86_400_000) : created;
    const hasNote = rnd() < 0.2;
    const tagCount = rnd() < 0.33 ? 1 + Math.floor(rnd() * 2) : 0;
    out.push({
      id: uuid(n),
      pageKey: pageKey(url),
      url,
      title: article.title.slice(0, 40),
      site: siteOf(url),
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact,
          prefix: article.text.slice(Math.max(0, start - 32), start),
          suffix: article.text.slice(start + length, start + length + 32),
        },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
      color: pick(COLORS),
      note: hasNote ? pick(NOTES) : '',
      tags: Array.from(new Set(Array.from({ length: tagCount }, () => pick(TAGS)))),
      created: new Date(created).toISOString(),
      updated: new Date(edited).toISOString(),
    });
  }
  return out;
}
