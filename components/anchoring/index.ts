/**
 * Anchoring: turn a selection into selectors that survive page changes (`describe`), and selectors
 * back into a Range on a possibly changed page (`anchor`). Pure: only standard DOM APIs on the root
 * it is given, no globals, no extension APIs; it knows nothing of highlights.
 *
 * Text model: the concatenated data of the root's Text nodes (see anchoring/text-index.ts), so
 * offsets are cheap and stable across re-renders that keep the text. TextPositionSelector offsets
 * are raw offsets in that model. Quote and context matching ignore whitespace entirely, which is
 * what survives markup changes in Chinese text, where spacing between blocks is arbitrary.
 *
 * Order of attempts, cheapest first, each checked so it cannot land on the wrong words:
 *  1. position, accepted only if the text there is exactly the quote and the context agrees;
 *  2. an exact occurrence of the quote with its stored context beside it, verbatim;
 *  3. otherwise exact occurrences and approximate matches (bounded edit distance) are ranked
 *     together by the total of edits over prefix + quote + suffix, then verbatim whitespace, then
 *     nearness to the stored position. The winner must be uncontested by another place, an exact
 *     one confirmed by its context, an approximate one above MIN_SCORE, with a stricter bar for
 *     short quotes (anchoring/fuzzy.ts);
 *  4. a long quote that occurs exactly once, even with its context gone (the passage moved).
 * Anything else is an orphan (null): a passage that is gone must never become a highlight on
 * other words.
 */
import type {
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from '@/storage/model/annotation';
import {
  CONTEXT_CHARS,
  Context,
  MIN_SCORE,
  confirmed,
  contested,
  meanContext,
  quoteScore,
  rank,
  type Candidate,
} from './candidates';
import { editDistance } from './edit-distance';
import { SHORT_QUOTE, approximateCandidates } from './fuzzy';
import { indexFor, indexSteps, isCurrent, searchedAgain } from './index-cache';
import { runInSlices, type Cancelled, type Slicing } from './slices';
import { TextIndex, isSpace, stripSpace } from './text-index';

export { CONTEXT_CHARS, MIN_CONTEXT, MIN_SCORE } from './candidates';
export { SHORT_QUOTE } from './fuzzy';
export { TextIndex } from './text-index';
export { indexFor } from './index-cache';
export { CANCELLED, SLICE_BUDGET_MS, runInSlices, type Cancelled, type Slicing } from './slices';

/** Context is stored raw (whitespace kept, as the W3C model says); this bounds pathological runs. */
const MAX_RAW_CONTEXT = 2_000;
/** The position fast path needs the context (mean of both sides) to agree at least this well. */
const POSITION_CONTEXT = 0.9;
/** Short-quote fuzzy matching needs this much of the context on both sides, near exactly. */
const SHORT_FUZZY_CONTEXT = 0.9;
const SHORT_FUZZY_ANCHOR = 8;

/** How an annotation was found: the closing note reports these figures. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where an annotation was found, as raw offsets in the root's text model (see TextIndex). */
export interface Located {
  method: AnchorMethod;
  /** Offsets stay valid after highlight wrappers are inserted (they keep the text), unlike a live
   * Range, whose boundaries can move when a neighbouring highlight splits its Text nodes. */
  start: number;
  end: number;
}

export type AnchorResult = (Located & { range: Range }) | { range: null; method: null };

const ORPHAN: AnchorResult = { range: null, method: null };

/**
 * Selectors for a Range: a TextQuoteSelector (exact, and prefix/suffix of CONTEXT_CHARS
 * non-whitespace characters) and a TextPositionSelector. Leading and trailing whitespace of the
 * selection is dropped: it is invisible, varies with markup, and cannot be re-found.
 *
 * Returns [] when the range holds no page text under `root` (collapsed, whitespace only, outside
 * the root, or only in script/style/our own UI): there is nothing to annotate, and callers can test
 * `length` without a try/catch. No RangeSelector: XPaths break with exactly the markup changes this
 * module must survive, and the position selector already gives the fast path. Nothing is cut to
 * the schema's limits (MAX_QUOTE in storage/annotation.ts): a selection that long is the caller's
 * to refuse, not this module's to shorten silently.
 */
export function describe(root: Element, range: Range): Selector[] {
  return describeIn(indexFor(root), range);
}

/** `describe` on an index already built, for callers describing many ranges of one unchanged page. */
export function describeIn(index: TextIndex, range: Range): Selector[] {
  const text = index.text;
  let start = index.offsetOf(range.startContainer, range.startOffset);
  let end = index.offsetOf(range.endContainer, range.endOffset);
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return [];

  let p = start;
  for (let seen = 0; p > 0 && seen < CONTEXT_CHARS && start - p < MAX_RAW_CONTEXT; p--) {
    if (!isSpace(text.charCodeAt(p - 1))) seen++;
  }
  let s = end;
  for (let seen = 0; s < text.length && seen < CONTEXT_CHARS && s - end < MAX_RAW_CONTEXT; s++) {
    if (!isSpace(text.charCodeAt(s))) seen++;
  }
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: text.slice(start, end) };
  const prefix = text.slice(p, start);
  const suffix = text.slice(end, s);
  // Context that is empty or only whitespace (at the edges of the text) carries no information
  // that matching could use, so it is not stored.
  if (stripSpace(prefix)) quote.prefix = prefix;
  if (stripSpace(suffix)) quote.suffix = suffix;
  const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
  return [quote, position];
}

/** The Range the selectors point to on the current page, or null when it is gone (an orphan). */
export function anchor(root: Element, selectors: readonly Selector[]): Range | null {
  return anchorDetailed(root, selectors).range;
}

/**
 * `anchor`, also saying how the range was found. The page's text index is reused from the last
 * call on this root while the DOM under it is unchanged (anchoring/index-cache.ts), so calls one
 * after another cost about what `anchorAll` costs per quote.
 */
export function anchorDetailed(root: Element, selectors: readonly Selector[]): AnchorResult {
  return new Anchorer(indexFor(root), () => searchedAgain(root)).anchor(selectors);
}

/**
 * Anchors many annotations against one walk of the page. Building the text index (and, when any
 * quote needs searching, the gram table) once is what makes hundreds of annotations cheap.
 * Results are in input order. The Ranges are live: compute them all before changing the DOM, or
 * rebuild Ranges from `start`/`end` with a fresh TextIndex after inserting highlights.
 */
export function anchorAll(
  root: Element,
  list: ReadonlyArray<readonly Selector[]>,
): AnchorResult[] {
  const many = list.length > 1;
  const anchorer = new Anchorer(indexFor(root), () => many);
  return list.map((selectors) => anchorer.anchor(selectors));
}

/** Times the DOM may change under `anchorAllSteps` before it finishes at once. */
const MAX_RESTARTS = 3;

/**
 * `anchorAll` as steps for anchoring/slices.ts, so that 500 quotes on a big page never hold the
 * page for longer than a slice: the page walk, the whitespace-free text and the gram table are
 * built in pieces, and each quote is a step of its own. The results are `anchorAll`'s on the page
 * as it is when the last step runs: after every step the index is checked against the DOM
 * (anchoring/index-cache.ts), and a change starts the work over; after MAX_RESTARTS changes, or
 * where the DOM cannot be watched, the rest is done at once, as `anchorAll` does.
 */
export function* anchorAllSteps(
  root: Element,
  list: ReadonlyArray<readonly Selector[]>,
): Generator<void, AnchorResult[], undefined> {
  const many = list.length > 1;
  for (let attempt = 0; attempt < MAX_RESTARTS; attempt++) {
    const index = yield* indexSteps(root);
    if (!index) break;
    const anchorer = new Anchorer(index, () => many);
    const results: AnchorResult[] = [];
    for (const selectors of list) {
      yield;
      if (!isCurrent(root, index)) break;
      const built = index.hasNorm() && (index.hasGrams() || !many);
      if (!built && anchorer.needsNorm(selectors)) {
        // What `locate` would build on the spot, built here in pieces; a search among many
        // quotes builds the gram table too, as `anchorAll` does.
        yield* index.normSteps();
        if (many) yield* index.gramSteps();
        if (!isCurrent(root, index)) break;
      }
      results.push(anchorer.anchor(selectors));
    }
    if (results.length === list.length) return results;
  }
  return anchorAll(root, list);
}

/** `anchorAll` in slices that give the page its turn between them (anchoring/slices.ts). */
export function anchorAllInSlices(
  root: Element,
  list: ReadonlyArray<readonly Selector[]>,
  slicing: Slicing,
): Promise<AnchorResult[] | Cancelled> {
  return runInSlices(anchorAllSteps(root, list), slicing);
}

/** Anchors selectors against one TextIndex; see `anchorAll`. */
export class Anchorer {
  /**
   * @param index the page's text model, reused across calls
   * @param gramsPayOff asked at each search (a quote not confirmed at its position): true builds
   *   the gram table now, so this and each later exact search walk one hash chain instead of
   *   scanning the page (worth it from a handful of searches on one index)
   */
  constructor(
    readonly index: TextIndex,
    private readonly gramsPayOff: () => boolean,
  ) {}

  /**
   * Whether `locate` may need the whitespace-free text (and, searching, the gram table): false
   * only for a quote found verbatim at its position with its context verbatim beside it.
   */
  needsNorm(selectors: readonly Selector[]): boolean {
    const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    if (!quote || stripSpace(quote.exact).length === 0) return false;
    const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
    const text = this.index.text;
    const { exact, prefix = '', suffix = '' } = quote;
    return !(
      position &&
      position.end <= text.length &&
      position.end - position.start === exact.length &&
      text.startsWith(exact, position.start) &&
      text.startsWith(suffix, position.end) &&
      position.start >= prefix.length &&
      text.startsWith(prefix, position.start - prefix.length)
    );
  }

  anchor(selectors: readonly Selector[]): AnchorResult {
    const at = this.locate(selectors);
    const range = at && this.index.rangeOf(at.start, at.end);
    return at && range ? { ...at, range } : ORPHAN;
  }

  /**
   * `anchor` without creating a Range: the matching work alone. Creating Ranges costs little in a
   * browser but dominates in jsdom/happy-dom, so the benchmark times this separately.
   */
  locate(selectors: readonly Selector[]): Located | null {
    const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    // Without a quote nothing can confirm a position; a guess could be the wrong words.
    if (!quote || quote.exact.length === 0) return null;
    const position = selectors.find(
      (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
    );
    const text = this.index.text;
    const exact = quote.exact;
    const needle = stripSpace(exact);
    if (needle.length === 0) return null;
    const short = needle.length < SHORT_QUOTE;

    // 1. Position, confirmed by the quote and its context. The context matters: after an edit
    //    above, old offsets can land on the same words repeated (a duplicated headline, a refrain,
    //    one frequent character), which is the wrong place. Anything short of near-agreement goes
    //    on to the search, which weighs every occurrence.
    if (
      position &&
      position.end <= text.length &&
      position.end - position.start === exact.length &&
      text.startsWith(exact, position.start) &&
      this.contextAgrees(quote, position.start, position.end)
    ) {
      return { method: 'position', start: position.start, end: position.end };
    }

    const norm = this.index.norm();
    const context = new Context(this.index, quote);
    const hint = position ? norm.fromRaw[Math.min(position.start, text.length)] : undefined;
    if (!this.index.hasGrams() && this.gramsPayOff()) this.index.gramTable();

    // 2. Exact occurrences. The best one with its context intact, verbatim, cannot be beaten (any
    //    other place differs in the quote or the context), so it is taken without searching on.
    const hits = this.index.findAll(needle);
    if (context.sides > 0 && hits.length > 1) {
      // Most often exactly one occurrence has its stored context verbatim: take it without
      // weighing the others (a phrase repeated a hundred times would cost 200 edit distances).
      const verbatim = hits.filter((h) => context.verbatim(h, h + needle.length));
      if (verbatim.length === 1) {
        return this.foundNorm(context.at(verbatim[0]!, verbatim[0]! + needle.length, 0), exact, 'quote');
      }
    }
    const exacts: Candidate[] = rank(
      hits.map((h) => context.at(h, h + needle.length, 0)),
      hint,
    );
    const top = exacts[0];
    if (
      top &&
      top.contextErrors === 0 &&
      top.rawAgreement === context.sides &&
      !contested(exacts, hint)
    ) {
      return this.foundNorm(top, exact, 'quote');
    }

    // 3. Approximate matches, away from the exact occurrences, weighed together with them: when
    //    the quoted place was edited (a typo fixed) while the old words stand elsewhere (a
    //    duplicated headline, a reposted paragraph), the edited place with its context is right.
    const approximate = short
      ? shortCandidates(this.index, needle, context)
      : approximateCandidates(
          this.index,
          needle,
          context,
          hits.map((h): [number, number] => [h, h + needle.length]),
          top ? top.contextErrors : Infinity,
          hint,
        );
    const ranked = rank([...exacts, ...approximate], hint);
    const best = ranked[0];
    if (!best) return null;
    const clear = !contested(ranked, hint);
    if (best.quoteErrors === 0) {
      if (clear && confirmed(best)) return this.foundNorm(best, exact, 'quote');
    } else if (clear && (short || quoteScore(best, needle.length) >= MIN_SCORE)) {
      // Short candidates passed their own stricter test in shortCandidates.
      return this.foundNorm(best, exact, 'fuzzy');
    }

    // 4. The words occur exactly once, but nothing confirms the place: the passage moved. A long
    //    quote is accepted (the words themselves are the evidence) unless another place contests
    //    it; a short one could be any occurrence of a common phrase, so it is not.
    if (top && hits.length === 1 && !short && !contested(ranked, hint, top)) {
      return this.foundNorm(top, exact, 'quote');
    }
    return null;
  }

  private contextAgrees(quote: TextQuoteSelector, start: number, end: number): boolean {
    const text = this.index.text;
    const { prefix = '', suffix = '' } = quote;
    // On an unchanged page the raw context is still there verbatim: no need to normalise.
    if (
      text.startsWith(suffix, end) &&
      start >= prefix.length &&
      text.startsWith(prefix, start - prefix.length)
    ) {
      return true;
    }
    const { fromRaw } = this.index.norm();
    const agreement = meanContext(new Context(this.index, quote).at(fromRaw[start]!, fromRaw[end]!, 0));
    return agreement === undefined || agreement >= POSITION_CONTEXT;
  }

  /**
   * Maps a match in the whitespace-free text back to raw offsets. The raw span starts and ends on
   * non-whitespace; if the stored quote itself began or ended with whitespace (imported quotes
   * can), the same amount of adjoining whitespace is taken back in.
   */
  private foundNorm(at: Candidate, exact: string, method: AnchorMethod): Located {
    const { toRaw } = this.index.norm();
    const text = this.index.text;
    let start = toRaw[at.start]!;
    let end = toRaw[at.end - 1]! + 1;
    for (let i = 0; i < exact.length && isSpace(exact.charCodeAt(i)); i++) {
      if (start > 0 && isSpace(text.charCodeAt(start - 1))) start--;
      else break;
    }
    for (let i = exact.length - 1; i >= 0 && isSpace(exact.charCodeAt(i)); i--) {
      if (end < text.length && isSpace(text.charCodeAt(end))) end++;
      else break;
    }
    return { method, start, end };
  }
}

/**
 * Approximate places for quotes under SHORT_QUOTE characters, where a couple of edits turn any
 * word into many others. Only one edit is allowed, and only in the gap between a near-exact prefix
 * and a near-exact suffix: the context, not the quote, finds the place.
 */
function shortCandidates(index: TextIndex, needle: string, context: Context): Candidate[] {
  const { prefix, suffix } = context;
  if (!prefix || !suffix) return [];
  if (prefix.length < SHORT_FUZZY_ANCHOR || suffix.length < SHORT_FUZZY_ANCHOR) return [];
  const norm = index.norm().text;
  const before = prefix.slice(-SHORT_FUZZY_ANCHOR);
  const after = suffix.slice(0, SHORT_FUZZY_ANCHOR);
  const out: Candidate[] = [];
  for (const at of index.findAll(before)) {
    const start = at + before.length;
    // Same length first: a replaced character is the common edit.
    for (const len of [needle.length, needle.length - 1, needle.length + 1]) {
      const end = start + len;
      if (len < 1 || !norm.startsWith(after, end)) continue;
      const errors = editDistance(needle, norm.slice(start, end));
      if (errors !== 1) continue; // 0 would be an exact occurrence, weighed already
      const c = context.at(start, end, errors);
      if ((c.prefixSimilarity ?? 0) < SHORT_FUZZY_CONTEXT) continue;
      if ((c.suffixSimilarity ?? 0) < SHORT_FUZZY_CONTEXT) continue;
      out.push(c);
      break;
    }
  }
  return out;
}
