/**
 * Sentence-level scoring of the claim detector against the labelled corpus in
 * tests/corpus/claims. Shared by the printed evaluation (claims-eval.ts) and the regression test
 * (tests/unit/claims-corpus.test.ts) so both measure exactly the same thing.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Claim } from '@/components/claims';
import { CLAIM_CATEGORIES, type ClaimCategory } from '@/components/vocabulary/categories';

export type LabelCategory = ClaimCategory | 'uncued';
/**
 * `dev`: tuned on. `heldout`: written and labelled before the detector changed, never tuned on.
 * `blind`: written by an author who never saw the detector or its cue lists; never tuned on.
 */
export type Split = 'dev' | 'heldout' | 'blind';
export const CATEGORIES = CLAIM_CATEGORIES;

/** Where an article was published (or whose house style it is written in). */
export const PLATFORMS = ['netease', 'sohu', 'tencent', 'baidu', 'sina', 'ifeng', '36kr', 'thepaper', 'wechat'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface LabelledSentence {
  text: string;
  unsourced: boolean;
  category?: LabelCategory;
  sourced?: boolean;
  para?: number;
  why?: string;
}

export interface Article {
  id: string;
  topic: string;
  split: Split;
  platform: Platform;
  source: string;
  sentences: LabelledSentence[];
}

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'claims');

function isSplit(v: unknown): v is Split {
  return v === 'dev' || v === 'heldout' || v === 'blind';
}

function isPlatform(v: unknown): v is Platform {
  return (PLATFORMS as readonly unknown[]).includes(v);
}

/** Load and sanity-check every article; a malformed file is an error, not a silent skip. */
export function loadCorpus(dir: string = CORPUS_DIR): Article[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const a = raw as Article; // shape checked just below
    if (typeof a.id !== 'string' || !isSplit(a.split) || !Array.isArray(a.sentences)) throw new Error(`${f}: not an article`);
    if (!isPlatform(a.platform)) throw new Error(`${f}: platform must be one of ${PLATFORMS.join(', ')}, not ${JSON.stringify(a.platform)}`);
    for (const s of a.sentences) {
      if (typeof s.text !== 'string' || typeof s.unsourced !== 'boolean') throw new Error(`${f}: bad sentence ${JSON.stringify(s)}`);
      if (s.unsourced && !s.category) throw new Error(`${f}: unsourced sentence without category: ${s.text}`);
      if (s.unsourced && s.sourced) throw new Error(`${f}: sentence both sourced and unsourced: ${s.text}`);
      if (s.text.includes('\n')) throw new Error(`${f}: sentence spans a line: ${s.text}`);
    }
    return a;
  });
}

/**
 * The article as the content script would see it: sentences of a paragraph run together,
 * paragraphs joined with "\n" (sentences without `para` are a paragraph each).
 */
export function articleText(a: Article): { text: string; spans: { start: number; end: number }[] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  let lastPara: number | undefined;
  a.sentences.forEach((s, i) => {
    const para = s.para ?? -1 - i;
    if (i > 0 && para !== lastPara) text += '\n';
    lastPara = para;
    spans.push({ start: text.length, end: text.length + s.text.length });
    text += s.text;
  });
  return { text, spans };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export interface SentenceResult {
  article: string;
  split: Split;
  platform: Platform;
  label: LabelledSentence;
  flagged: Claim | null;
}

export interface SplitReport {
  split: Split | 'all';
  /** Set when the report covers one platform's articles only. */
  platform?: Platform;
  articles: number;
  sentences: number;
  unsourced: number;
  uncued: number;
  perCategory: Record<(typeof CATEGORIES)[number], Prf>;
  /** Any flag on an unsourced sentence is a hit; recall counts uncued positives. */
  overall: Prf;
  /** Same flags, recall over cued positives only (uncued sentences left out entirely). */
  overallCued: Prf;
  sourcedFlagged: number;
  sourcedTotal: number;
  sourcedRate: number;
}

/** Map each claim to the labelled sentence it overlaps most; the first claim per sentence wins. */
export function alignClaims(a: Article, claims: Claim[]): (Claim | null)[] {
  const { spans } = articleText(a);
  const out: (Claim | null)[] = spans.map(() => null);
  for (const c of claims) {
    let best = -1;
    let bestOverlap = 0;
    for (let i = 0; i < spans.length; i++) {
      const sp = spans[i];
      if (!sp) continue;
      const ov = Math.min(sp.end, c.end) - Math.max(sp.start, c.start);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = i;
      }
    }
    if (best >= 0 && out[best] === null) out[best] = c;
  }
  return out;
}

export function runDetector(articles: Article[], detect: (text: string) => Claim[]): SentenceResult[] {
  const results: SentenceResult[] = [];
  for (const a of articles) {
    const { text } = articleText(a);
    const aligned = alignClaims(a, detect(text));
    a.sentences.forEach((label, i) => results.push({ article: a.id, split: a.split, platform: a.platform, label, flagged: aligned[i] ?? null }));
  }
  return results;
}

export function summarise(results: SentenceResult[], split: Split | 'all', platform?: Platform): SplitReport {
  const rs = results.filter((r) => (split === 'all' || r.split === split) && (platform === undefined || r.platform === platform));
  const per = {} as Record<(typeof CATEGORIES)[number], Prf>;
  for (const cat of CATEGORIES) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const r of rs) {
      const labelled = r.label.unsourced && r.label.category === cat;
      const flagged = r.flagged?.category === cat;
      if (labelled && flagged) c.tp++;
      else if (flagged) c.fp++;
      else if (labelled) c.fn++;
    }
    per[cat] = prf(c);
  }
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const cued: Counts = { tp: 0, fp: 0, fn: 0 };
  let sourcedFlagged = 0;
  let sourcedTotal = 0;
  for (const r of rs) {
    const pos = r.label.unsourced;
    const isUncued = r.label.category === 'uncued';
    const flagged = r.flagged !== null;
    if (pos && flagged) all.tp++;
    else if (flagged) all.fp++;
    else if (pos) all.fn++;
    // Uncued positives are left out of the cued figures altogether: a flag on one is not a
    // false positive, and missing one is not a miss.
    if (!isUncued) {
      if (pos && flagged) cued.tp++;
      else if (flagged) cued.fp++;
      else if (pos) cued.fn++;
    }
    if (r.label.sourced) {
      sourcedTotal++;
      if (flagged) sourcedFlagged++;
    }
  }
  return {
    split,
    ...(platform === undefined ? {} : { platform }),
    articles: new Set(rs.map((r) => r.article)).size,
    sentences: rs.length,
    unsourced: rs.filter((r) => r.label.unsourced).length,
    uncued: rs.filter((r) => r.label.category === 'uncued').length,
    perCategory: per,
    overall: prf(all),
    overallCued: prf(cued),
    sourcedFlagged,
    sourcedTotal,
    sourcedRate: sourcedTotal === 0 ? 0 : sourcedFlagged / sourcedTotal,
  };
}

const pct = (x: number): string => x.toFixed(2);

export function formatReport(r: SplitReport): string {
  const lines: string[] = [];
  lines.push(`== ${r.split}: ${r.articles} articles, ${r.sentences} sentences, ${r.unsourced} unsourced (${r.uncued} uncued)`);
  lines.push('category     P     R     F1    tp  fp  fn');
  const row = (name: string, p: Prf): string =>
    `${name.padEnd(11)} ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}  ${String(p.tp).padStart(3)} ${String(p.fp).padStart(3)} ${String(p.fn).padStart(3)}`;
  for (const cat of CATEGORIES) lines.push(row(cat, r.perCategory[cat]));
  lines.push(row('overall', r.overall) + '   (recall over all unsourced, uncued included)');
  lines.push(row('overall-cued', r.overallCued) + '   (uncued sentences left out)');
  lines.push(`sourced sentences flagged: ${r.sourcedFlagged} / ${r.sourcedTotal} (${(100 * r.sourcedRate).toFixed(1)}%)`);
  return lines.join('\n');
}

/** One report per platform present in `split`, in the order of PLATFORMS. */
export function perPlatform(results: SentenceResult[], split: Split | 'all'): SplitReport[] {
  const present = new Set(results.filter((r) => split === 'all' || r.split === split).map((r) => r.platform));
  return PLATFORMS.filter((p) => present.has(p)).map((p) => summarise(results, split, p));
}

/**
 * A Markdown table, one row per platform and a total: precision, recall over all unsourced
 * sentences, recall over cued ones, and sourced sentences flagged. Small platforms have few
 * sentences: read a row with its counts.
 */
export function formatPlatformTable(results: SentenceResult[], split: Split | 'all'): string {
  const rows = [...perPlatform(results, split), summarise(results, split)];
  const head = ['platform', 'articles', 'sentences', 'unsourced', 'precision', 'recall', 'cued recall', 'sourced flagged'];
  const cells = rows.map((r) => [
    r.platform ?? (r.split === 'all' ? '**all**' : r.split === 'heldout' ? '**all held-out**' : r.split === 'blind' ? '**all blind**' : '**all dev**'),
    String(r.articles),
    String(r.sentences),
    String(r.unsourced),
    `${pct(r.overall.precision)} (${r.overall.tp}/${r.overall.tp + r.overall.fp})`,
    `${pct(r.overall.recall)} (${r.overall.tp}/${r.overall.tp + r.overall.fn})`,
    `${pct(r.overallCued.recall)} (${r.overallCued.tp}/${r.overallCued.tp + r.overallCued.fn})`,
    `${r.sourcedFlagged} / ${r.sourcedTotal}`,
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string => `| ${c.map((x, i) => (i === 0 ? x.padEnd(width[i] ?? 0) : x.padStart(width[i] ?? 0))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...cells.map(line)].join('\n');
}

/** Mistakes of one split, for reading (never tune on the held-out ones). */
export function formatErrors(results: SentenceResult[], split: Split): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.split !== split) continue;
    const want = r.label.unsourced ? r.label.category ?? '?' : r.label.sourced ? 'sourced' : '-';
    const got = r.flagged ? r.flagged.category : '-';
    const ok = want === 'uncued' || got === (r.label.unsourced ? want : '-');
    if (ok) continue;
    const cue = r.flagged ? ` cue=${r.flagged.cue.text}` : '';
    lines.push(`[${r.article}] want=${want} got=${got}${cue}\n    ${r.label.text}`);
  }
  return lines.join('\n');
}
