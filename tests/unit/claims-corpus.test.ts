/**
 * Regression guard for the claim detector on the labelled corpus: the goals, asserted on
 * the held-out articles (written and labelled before the detector code they judge, never tuned
 * on), and a looser floor on the dev articles so a regression shows up wherever it happens.
 * The numbers come from the same scoring code as `npm run eval:claims`.
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '@/components/claims';
import { articleText, loadCorpus, PLATFORMS, runDetector, summarise } from '../eval/score';

const articles = loadCorpus();
const results = runDetector(articles, detectClaims);

describe('claims corpus', () => {
  it('is big enough and covers the topics the issue asks for', () => {
    expect(articles.length).toBeGreaterThanOrEqual(22);
    const total = articles.reduce((n, a) => n + a.sentences.length, 0);
    expect(total).toBeGreaterThanOrEqual(560);
    const topics = new Set(articles.map((a) => a.topic));
    for (const t of ['finance', 'health', 'technology', 'entertainment', 'society', 'geopolitics']) expect(topics).toContain(t);
    expect(articles.filter((a) => a.split === 'heldout').length).toBeGreaterThanOrEqual(3);
    expect(articles.find((a) => a.id === 'seed')?.split).toBe('dev');
  });

  it('has articles from every platform, and held-out ones from at least three besides NetEase', () => {
    const platforms = new Set(articles.map((a) => a.platform));
    for (const p of PLATFORMS) expect(platforms, p).toContain(p);
    const heldOutElsewhere = articles.filter((a) => a.split === 'heldout' && a.platform !== 'netease');
    expect(heldOutElsewhere.length).toBeGreaterThanOrEqual(3);
    expect(new Set(heldOutElsewhere.map((a) => a.platform)).size).toBeGreaterThanOrEqual(3);
    const newSentences = articles.filter((a) => a.platform !== 'netease').reduce((n, a) => n + a.sentences.length, 0);
    expect(newSentences).toBeGreaterThanOrEqual(150);
  });

  it('lays every labelled sentence out as one sentence of the joined text', () => {
    for (const a of articles) {
      const { text, spans } = articleText(a);
      a.sentences.forEach((s, i) => expect(text.slice(spans[i]?.start, spans[i]?.end)).toBe(s.text));
    }
  });

  it('meets the goals on the held-out articles: precision >= 0.95, cued recall >= 0.90', () => {
    const r = summarise(results, 'heldout');
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.overallCued.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.sourcedRate).toBeLessThanOrEqual(0.05);
  });

  it('meets them on the held-out articles from platforms other than NetEase alone', () => {
    const r = summarise(
      results.filter((x) => x.platform !== 'netease'),
      'heldout',
    );
    expect(r.sentences).toBeGreaterThan(0);
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.overallCued.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.sourcedRate).toBeLessThanOrEqual(0.05);
  });

  it('stays precise on the dev articles too', () => {
    const r = summarise(results, 'dev');
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.overallCued.recall).toBeGreaterThanOrEqual(0.75);
    expect(r.sourcedRate).toBeLessThanOrEqual(0.05);
  });
});
