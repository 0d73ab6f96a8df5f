/**
 * Regression guard for the claim detector on the labelled corpus: the goals, asserted on
 * the held-out articles (written and labelled before the detector existed, never tuned on), and a
 * looser floor on the dev articles so a regression shows up wherever it happens.
 * The numbers come from the same scoring code as `npm run eval:claims`.
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '@/components/claims';
import { articleText, loadCorpus, runDetector, summarise } from '../eval/score';

const articles = loadCorpus();
const results = runDetector(articles, detectClaims);

describe('claims corpus', () => {
  it('is big enough and covers the topics the issue asks for', () => {
    expect(articles.length).toBeGreaterThanOrEqual(9);
    const total = articles.reduce((n, a) => n + a.sentences.length, 0);
    expect(total).toBeGreaterThanOrEqual(250);
    const topics = new Set(articles.map((a) => a.topic));
    for (const t of ['finance', 'health', 'technology', 'entertainment', 'society', 'geopolitics']) expect(topics).toContain(t);
    expect(articles.filter((a) => a.split === 'heldout').length).toBeGreaterThanOrEqual(3);
    expect(articles.find((a) => a.id === 'seed')?.split).toBe('dev');
  });

  it('lays every labelled sentence out as one sentence of the joined text', () => {
    for (const a of articles) {
      const { text, spans } = articleText(a);
      a.sentences.forEach((s, i) => expect(text.slice(spans[i]?.start, spans[i]?.end)).toBe(s.text));
    }
  });

  it('meets the goals on the held-out articles', () => {
    const r = summarise(results, 'heldout');
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.overallCued.recall).toBeGreaterThanOrEqual(0.75);
    expect(r.sourcedRate).toBeLessThanOrEqual(0.05);
  });

  it('stays precise on the dev articles too', () => {
    const r = summarise(results, 'dev');
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.overallCued.recall).toBeGreaterThanOrEqual(0.75);
    expect(r.sourcedRate).toBeLessThanOrEqual(0.05);
  });
});
