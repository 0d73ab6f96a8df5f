/**
 * Unsourced-claim detector: pure functions over article text, no browser APIs.
 *
 * The content script passes the article body (paragraph texts joined with "\n") and maps the
 * returned UTF-16 offsets back onto DOM text nodes. One claim per flagged sentence, with its
 * primary category, the cue that triggered it and a reason in Chinese and English.
 *
 * Precision comes first: a reader stops trusting marks that are often wrong. So a sentence that
 * names a checkable source is never flagged, opinion framed as opinion (我们认为) and rhetorical
 * questions cancel certainty cues, and plain factual sentences with no cue word are left alone.
 *
 * Cost: sentences are found in one pass; each sentence is scanned once by the cue alternation
 * and once by the attribution alternation, and every look-around is bounded, so time is linear
 * in the length of the text.
 */

import { CUE_RE, CUES, firstHandObservation, introducesUnnamedPerson, isNegated, reasonFor, type ClaimCategory, type CueKind, type Reason } from './cues';
import { splitClauses, splitSentences } from './segment';
import { findAttribution } from './sourced';

export type { ClaimCategory, Reason } from './cues';
export { splitSentences } from './segment';
export type { Span } from './segment';

export interface Claim {
  /** UTF-16 offsets of the flagged sentence in the input; `text.slice(start, end)` is it. */
  start: number;
  end: number;
  /** The sentence itself, for convenience. */
  text?: string;
  category: ClaimCategory;
  /** The word or phrase that triggered the flag, with offsets in the input. */
  cue: { start: number; end: number; text: string };
  reason: Reason;
}

interface Hit {
  start: number; // relative to the sentence
  end: number;
  category: ClaimCategory;
  kind: CueKind;
  soft: boolean;
}

const PRIORITY: readonly ClaimCategory[] = ['vague', 'statistic', 'certainty'];

/** Opinion framed as opinion: certainty cues after it are the writer's view, not a fact claim. */
const OPINION_FRAME = /我们认为|笔者认为|在我看来|在笔者看来|我认为|我觉得|个人认为|窃以为|小编认为|本文认为|我们觉得|依我看|我个人认为|我们判断|笔者判断/;

/** A sentence ends as a question if its last visible character is ? or ？ (before closers). */
const QUESTION_END = /[?？][”’」』)）"'\s]*$/;

function scanCues(s: string): Hit[] {
  const hits: Hit[] = [];
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(s); m; m = CUE_RE.exec(s)) {
    if (m[0].length === 0) {
      CUE_RE.lastIndex++;
      continue;
    }
    // Which alternative matched: the first defined group.
    let idx = -1;
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        idx = g - 1;
        break;
      }
    }
    const def = CUES[idx];
    if (!def) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (def.accept && !def.accept(s, start, end)) {
      // Let a shorter cue start inside a rejected one (约 in 约2026年 is not a figure, but a
      // later one may be).
      CUE_RE.lastIndex = start + 1;
      continue;
    }
    if (def.negatable && isNegated(s, start)) continue;
    hits.push({ start, end, category: def.category, kind: def.kind, soft: def.soft === true });
  }
  return hits;
}

interface SentenceVerdict {
  claim: Hit | null;
  sourced: boolean;
}

/**
 * `prevSourced`: the sentence before (same paragraph) named its source, so 他还指出 / 报道还称 /
 * 该报告同时显示 here borrow it. `prevVague`: it was flagged for an unnamed source, so 他还透露
 * here is the same unnamed speaker and is flagged too. `prevUnnamed`: it brought in an unnamed
 * person without quoting them (我有个在鲸云做产品经理的朋友), so 她告诉我 here is that person.
 */
function judgeSentence(s: string, prevSourced: boolean, prevVague: boolean, prevUnnamed: boolean): SentenceVerdict {
  const attr = findAttribution(s);
  let hits = scanCues(s);

  const firstVague = hits.find((h) => h.category === 'vague');
  const frame = attr.frame;
  let sourced = attr.link;
  if (!sourced && frame) {
    const before = firstVague === undefined || firstVague.start >= frame.start;
    if (frame.status === 'named' && before) sourced = true;
    else if ((frame.status === 'anaphoric' || frame.status === 'bare-evidence') && prevSourced && before) sourced = true;
    // 乌媒报道泽连斯基评论:“…”: the outlet is vague but the quoted speaker is checkable.
    else if (frame.status === 'anon' && frame.media && attr.namedQuote && hits.every((h) => h.kind !== 'anonymous-person' && h.kind !== 'hearsay')) sourced = true;
  }
  if (!sourced && attr.continuation && prevSourced && firstVague === undefined) sourced = true;
  if (sourced) return { claim: null, sourced: true };

  // An anonymous subject or owner-less evidence found by the frame scan is a vague cue too, and
  // so is a pronoun standing for the unnamed source of the sentence before.
  // A pronoun giving a view (她也坦言，难度很大) passes on no fact of the unnamed source.
  const carried = frame?.status === 'anaphoric' && frame.view !== true && (prevVague || (prevUnnamed && frame.person === true));
  if (frame && (frame.status === 'anon' || (frame.status === 'bare-evidence' && !prevSourced) || carried)) {
    const kind: CueKind = carried
      ? 'carried-vague'
      : frame.evidence || frame.status === 'bare-evidence'
        ? 'ownerless-evidence'
        : frame.media
          ? 'unnamed-media'
          : 'anonymous-person';
    if (!hits.some((h) => h.category === 'vague' && h.start < frame.end && h.end > frame.start)) {
      hits.push({ start: frame.start, end: frame.end, category: 'vague', kind, soft: false });
    }
  }

  const opinion = OPINION_FRAME.exec(s);
  const isQuestion = QUESTION_END.test(s);
  let questionFrom = s.length;
  if (isQuestion) {
    const clauses = splitClauses(s);
    const last = clauses[clauses.length - 1];
    questionFrom = last ? last.start : 0;
  }

  // The writer's own visit (小编去车行转了转，一台车挂价11.8万元) is narration: what they saw is
  // no statistic stated as fact.
  const seen = firstHandObservation(s);
  hits = hits.filter((h) => {
    if (h.category === 'statistic' && seen >= 0 && h.start >= seen) return false;
    // Rhetorical questions: nothing inside the question clause counts, and soft cues nowhere.
    if (isQuestion && (h.start >= questionFrom || h.soft)) return false;
    if (h.category === 'certainty' && opinion && h.start >= opinion.index) return false;
    return true;
  });
  if (hits.length === 0) return { claim: null, sourced: false };

  for (const cat of PRIORITY) {
    const inCat = hits.filter((h) => h.category === cat);
    if (inCat.length === 0) continue;
    // Prefer a hard cue; among equals, the first in the sentence.
    const best = inCat.find((h) => !h.soft) ?? inCat[0];
    if (best) return { claim: best, sourced: false };
  }
  return { claim: null, sourced: false };
}

/**
 * Flag sentences of `text` that assert something without a checkable source.
 * Returns claims in text order, at most one per sentence.
 */
export function detectClaims(text: string): Claim[] {
  const out: Claim[] = [];
  if (!text) return out;
  const spans = splitSentences(text);
  let prevSourced = false;
  let prevVague = false;
  let prevUnnamed = false;
  let prevEnd = 0;
  for (const sp of spans) {
    // Attribution carries over only within a paragraph. Only the gap between two sentences is
    // looked at, so the whole loop stays linear.
    for (let i = prevEnd; i < sp.start; i++) {
      if (text.charCodeAt(i) === 10) {
        prevSourced = prevVague = prevUnnamed = false;
        break;
      }
    }
    prevEnd = sp.end;
    const s = text.slice(sp.start, sp.end);
    const v = judgeSentence(s, prevSourced, prevVague, prevUnnamed);
    prevSourced = v.sourced;
    prevUnnamed = introducesUnnamedPerson(s);
    // Only a person can go on speaking (他还透露): hearsay and owner-less data do not carry.
    prevVague = v.claim !== null && (v.claim.kind === 'anonymous-person' || v.claim.kind === 'first-hand' || v.claim.kind === 'carried-vague' || v.claim.kind === 'unnamed-media');
    if (!v.claim) continue;
    const h = v.claim;
    const cueText = s.slice(h.start, h.end);
    out.push({
      start: sp.start,
      end: sp.end,
      text: s,
      category: h.category,
      cue: { start: sp.start + h.start, end: sp.start + h.end, text: cueText },
      reason: reasonFor(h.kind, cueText),
    });
  }
  return out;
}
