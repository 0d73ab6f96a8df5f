/**
 * Candidate places for a quote and the evidence that ranks them: edits in the quote, edits in the
 * stored context beside the place, whitespace verbatim, nearness to the stored position. Also the
 * bars a winner must clear. Shared by exact occurrences and approximate matches, so both are
 * weighed on one scale.
 */
import { editDistance } from './edit-distance';
import { stripSpace, type TextIndex } from './text-index';

/**
 * Minimum combined score (0.6 × quote similarity + 0.4 × mean context similarity) for a fuzzy
 * match. With both sides of the context intact a quote may differ by up to the 20% search bound;
 * with one side intact (the other rewritten, similarity ~0.2) by about 6%; with neither, never.
 * That last case is deliberate: a changed passage whose surroundings changed too cannot be told
 * from a near-duplicate elsewhere (boilerplate, a list of similar items), so it stays an orphan.
 */
export const MIN_SCORE = 0.8;
/**
 * An exact occurrence is confirmed when the better of its prefix and suffix agrees at least this
 * well; otherwise the words may be some other occurrence of a common phrase.
 */
export const MIN_CONTEXT = 0.6;
/**
 * Characters of context stored on each side, counted without whitespace. 32 CJK characters are
 * about a clause, enough to tell repeats apart; in Latin text it is five or six words.
 */
export const CONTEXT_CHARS = 32;
/** Stands in for context that was never stored: neither evidence for nor against. With it, only
 * a perfect quote could reach MIN_SCORE, and those are found exactly: no context, no fuzzy. */
const UNKNOWN_CONTEXT = 0.5;

/** One place where a quote might be, with the evidence for it. Offsets are normalised. */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the stored quote and the text here (0: an exact occurrence). */
  quoteErrors: number;
  /** Edits between the stored prefix and suffix and the text beside this place. */
  contextErrors: number;
  /** 0–1 per side, undefined where no context was stored. */
  prefixSimilarity: number | undefined;
  suffixSimilarity: number | undefined;
  /**
   * Sides (0–2) whose stored raw context matches the raw page text verbatim, whitespace and all.
   * Whitespace is ignored everywhere else, so this is the last word between places whose visible
   * text is the same (a sentence once at a paragraph break, once inside a paragraph).
   */
  rawAgreement: number;
}

/** The stored context of one quote, measured against candidate places. */
export class Context {
  /** Whitespace-free, at most CONTEXT_CHARS; undefined when nothing was stored. */
  readonly prefix: string | undefined;
  readonly suffix: string | undefined;
  private readonly rawPrefix: string;
  private readonly rawSuffix: string;

  constructor(
    private readonly index: TextIndex,
    stored: { prefix?: string; suffix?: string },
  ) {
    this.rawPrefix = stored.prefix ?? '';
    this.rawSuffix = stored.suffix ?? '';
    this.prefix = stripSpace(this.rawPrefix).slice(-CONTEXT_CHARS) || undefined;
    this.suffix = stripSpace(this.rawSuffix).slice(0, CONTEXT_CHARS) || undefined;
  }

  /** How many sides of context were stored (0–2). */
  get sides(): number {
    return (this.prefix ? 1 : 0) + (this.suffix ? 1 : 0);
  }

  /**
   * Whether every stored side of the context is beside [start, end) verbatim, whitespace
   * included: string comparisons only, so the common case skips the edit distances in `at`.
   */
  verbatim(start: number, end: number): boolean {
    const { toRaw } = this.index.norm();
    const raw = this.index.text;
    const rawStart = toRaw[start]!;
    const rawEnd = toRaw[end - 1]! + 1;
    return (
      (!this.prefix ||
        (rawStart >= this.rawPrefix.length &&
          raw.startsWith(this.rawPrefix, rawStart - this.rawPrefix.length))) &&
      (!this.suffix || raw.startsWith(this.rawSuffix, rawEnd))
    );
  }

  at(start: number, end: number, quoteErrors: number): Candidate {
    const { text: norm, toRaw } = this.index.norm();
    const raw = this.index.text;
    let contextErrors = 0;
    let prefixSimilarity: number | undefined;
    let suffixSimilarity: number | undefined;
    let rawAgreement = 0;
    const p = this.prefix;
    if (p) {
      const before = norm.slice(Math.max(0, start - p.length), start);
      // Cheap equality first: on a frequent quote most candidates are decided here.
      const errors = before === p ? 0 : editDistance(p, before);
      contextErrors += errors;
      prefixSimilarity = 1 - errors / p.length;
      const rawStart = toRaw[start]!;
      if (rawStart >= this.rawPrefix.length && raw.startsWith(this.rawPrefix, rawStart - this.rawPrefix.length)) {
        rawAgreement++;
      }
    }
    const s = this.suffix;
    if (s) {
      const after = norm.slice(end, end + s.length);
      const errors = after === s ? 0 : editDistance(s, after);
      contextErrors += errors;
      suffixSimilarity = 1 - errors / s.length;
      if (end > 0 && raw.startsWith(this.rawSuffix, toRaw[end - 1]! + 1)) rawAgreement++;
    }
    return { start, end, quoteErrors, contextErrors, prefixSimilarity, suffixSimilarity, rawAgreement };
  }
}

/** Mean of the context similarities that exist, or undefined if no context was stored. */
export function meanContext(c: Pick<Candidate, 'prefixSimilarity' | 'suffixSimilarity'>): number | undefined {
  const { prefixSimilarity: p, suffixSimilarity: s } = c;
  if (p === undefined) return s;
  if (s === undefined) return p;
  return (p + s) / 2;
}

/** Whether an exact occurrence's context confirms it (see MIN_CONTEXT); no context, no doubt. */
export function confirmed(c: Candidate): boolean {
  if (c.prefixSimilarity === undefined && c.suffixSimilarity === undefined) return true;
  return Math.max(c.prefixSimilarity ?? 0, c.suffixSimilarity ?? 0) >= MIN_CONTEXT;
}

/** The acceptance score of an approximate match: 0.6 × quote + 0.4 × context similarity. */
export function quoteScore(c: Candidate, quoteLength: number): number {
  return 0.6 * (1 - c.quoteErrors / quoteLength) + 0.4 * (meanContext(c) ?? UNKNOWN_CONTEXT);
}

/**
 * Candidates best first. The measure is the total of edits over prefix + quote + suffix: each
 * character counts the same wherever it changed, so a typo fixed at the quoted place (one edit)
 * beats the old words standing elsewhere with a different clause around them (several edits).
 * Then verbatim raw context, then nearness to the stored position.
 */
export function rank(candidates: Candidate[], hint: number | undefined): Candidate[] {
  const distance = (c: Candidate) => (hint === undefined ? 0 : Math.abs(c.start - hint));
  return candidates.sort(
    (a, b) =>
      a.quoteErrors + a.contextErrors - (b.quoteErrors + b.contextErrors) ||
      b.rawAgreement - a.rawAgreement ||
      distance(a) - distance(b) ||
      a.start - b.start,
  );
}

/**
 * Whether another place (not overlapping `best`, by default the top of `ranked`) leaves the
 * evidence unable to choose: it is better or as good by every measure `rank` uses, or it is one
 * edit worse but matches the stored context verbatim, whitespace included, where `best` does not.
 * (The last is a sentence whose exact words stand elsewhere without the paragraph break around
 * them, while the quoted place, with its break, had a character changed: guessing either could be
 * the wrong words.)
 */
export function contested(
  ranked: readonly Candidate[],
  hint: number | undefined,
  best: Candidate | undefined = ranked[0],
): boolean {
  if (!best) return false;
  const total = best.quoteErrors + best.contextErrors;
  const distance = (c: Candidate) => (hint === undefined ? 0 : Math.abs(c.start - hint));
  for (const c of ranked) {
    const cTotal = c.quoteErrors + c.contextErrors;
    if (cTotal > total + 1) break;
    if (c === best || (c.end > best.start && c.start < best.end)) continue;
    if (cTotal === total + 1) {
      if (c.rawAgreement > best.rawAgreement) return true;
    } else if (
      cTotal < total ||
      c.rawAgreement > best.rawAgreement ||
      (c.rawAgreement === best.rawAgreement && distance(c) <= distance(best))
    ) {
      return true;
    }
  }
  return false;
}
