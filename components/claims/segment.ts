/**
 * Sentence and clause splitting for Chinese article text as NetEase pages serve it: full-width
 * and ASCII punctuation mixed, …… runs, quotes that are sometimes never closed.
 *
 * Regular expressions over raw text are enough here: a word segmenter costs megabytes, and
 * Intl.Segmenter's sentence mode does not break on ……, which NetEase writers use as a full stop.
 */

export interface Span {
  start: number;
  end: number;
}

/** Longest sentence we hand to the rules; longer runs are cut at a clause boundary (or hard). */
export const MAX_SENTENCE = 600;

/** A quote left open longer than this is treated as stray so it cannot swallow a paragraph. */
const MAX_OPEN_QUOTE = 160;

const enum C {
  LF = 0x0a,
  DOT = 0x2e,
  IDEOGRAPHIC_FULL_STOP = 0x3002, // 。
  FULLWIDTH_EXCLAMATION = 0xff01, // ！
  FULLWIDTH_QUESTION = 0xff1f, // ？
  EXCLAMATION = 0x21,
  QUESTION = 0x3f,
  ELLIPSIS = 0x2026, // …
  LEFT_DQ = 0x201c, // “
  RIGHT_DQ = 0x201d, // ”
  LEFT_CORNER = 0x300c, // 「
  RIGHT_CORNER = 0x300d, // 」
  LEFT_WHITE_CORNER = 0x300e, // 『
  RIGHT_WHITE_CORNER = 0x300f, // 』
  SEMICOLON_FW = 0xff1b, // ；
  COMMA_FW = 0xff0c, // ，
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x3000 || c === 0xa0 || c === 0x200b || c === 0xfeff;
}

/** Full stops proper. "…" is handled separately because a single "…" may sit inside a list. */
function isTerminator(c: number): boolean {
  return c === C.IDEOGRAPHIC_FULL_STOP || c === C.FULLWIDTH_EXCLAMATION || c === C.FULLWIDTH_QUESTION || c === C.EXCLAMATION || c === C.QUESTION;
}

/** What may trail a full stop and still belong to the sentence: closing quotes and brackets. */
function isCloser(c: number): boolean {
  switch (c) {
    case C.RIGHT_DQ:
    case 0x2019: // ’
    case C.RIGHT_CORNER:
    case C.RIGHT_WHITE_CORNER:
    case 0xff09: // ）
    case 0x29: // )
    case 0x3011: // 】
    case 0x300b: // 》
    case 0x3009: // 〉
    case 0x22: // "
    case 0x27: // '
      return true;
    default:
      return false;
  }
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * Sentence spans in `text`, trimmed of surrounding whitespace, in order and non-overlapping.
 * A sentence never spans "\n". One left-to-right pass: O(n).
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = -1; // first non-space char of the current sentence, -1 when between sentences
  let quoteDepth = 0;
  let quoteOpenedAt = -1;
  // Only a real quotation (after a colon or a speech verb) holds full stops inside it; scare
  // quotes (强调“新俄罗斯”) and unbalanced ones must not glue sentences together.
  let quoteIsSpeech = false;
  let lastClauseBreak = -1; // index just after the last ，,；; in the current sentence

  const emit = (endExclusive: number): void => {
    if (start < 0) return;
    let e = endExclusive;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > start) out.push({ start, end: e });
    start = -1;
    quoteDepth = 0;
    quoteOpenedAt = -1;
    quoteIsSpeech = false;
    lastClauseBreak = -1;
  };

  /** Consume trailing terminators, ellipses and closers after a sentence end; returns new index. */
  const swallowTail = (j: number): number => {
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isTerminator(d) || d === C.ELLIPSIS || isCloser(d)) {
        if (d === C.RIGHT_DQ || d === C.RIGHT_CORNER || d === C.RIGHT_WHITE_CORNER) quoteDepth = Math.max(0, quoteDepth - 1);
        j++;
      } else break;
    }
    return j;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === C.LF) {
      emit(i);
      i++;
      continue;
    }
    if (start < 0) {
      if (isSpace(c)) {
        i++;
        continue;
      }
      start = i;
    }

    if (c === C.LEFT_DQ || c === C.LEFT_CORNER || c === C.LEFT_WHITE_CORNER) {
      if (quoteDepth === 0) {
        quoteOpenedAt = i;
        quoteIsSpeech = SPEECH_BEFORE_QUOTE.test(text.slice(Math.max(start, i - 3), i));
      }
      quoteDepth++;
    } else if (c === C.RIGHT_DQ || c === C.RIGHT_CORNER || c === C.RIGHT_WHITE_CORNER) {
      quoteDepth = Math.max(0, quoteDepth - 1);
    } else if (c === C.COMMA_FW || c === 0x2c || c === C.SEMICOLON_FW || c === 0x3b) {
      lastClauseBreak = i + 1;
    }
    // An unclosed quote stops protecting full stops once it is clearly stray.
    if (quoteDepth > 0 && i - quoteOpenedAt > MAX_OPEN_QUOTE) quoteDepth = 0;
    const held = quoteDepth > 0 && quoteIsSpeech;

    if (isTerminator(c) || c === C.ELLIPSIS) {
      const j = swallowTail(i + 1);
      // Inside a quotation a full stop ends the sentence only when the quote closes with it
      // (“……。”); “A。B。”他说 stays one sentence with its speaker.
      if (!held || quoteDepth === 0) {
        emit(j);
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    if (c === C.DOT && i + 2 < n && text.charCodeAt(i + 1) === C.DOT && text.charCodeAt(i + 2) === C.DOT) {
      // "..." used as an ellipsis.
      let j = i + 3;
      while (j < n && text.charCodeAt(j) === C.DOT) j++;
      j = swallowTail(j);
      if (!held || quoteDepth === 0) {
        emit(j);
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    if (c === C.DOT) {
      // An ASCII full stop ends a sentence only before whitespace or the end, and not after a
      // digit (3.) or a capital (U.S.).
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
      if ((next === -1 || isSpace(next)) && !isAsciiDigit(prev) && !isAsciiUpper(prev) && !held) {
        emit(i + 1);
        i++;
        continue;
      }
    }

    // Bound the work per sentence on hostile or unpunctuated input: cut at the last clause
    // break, or hard at the limit.
    if (start >= 0 && i + 1 - start >= MAX_SENTENCE) {
      // Only a clause break in the second half counts, so every cut moves at least half the
      // limit forward and the rescan after it stays linear.
      const cut = lastClauseBreak > start + MAX_SENTENCE / 2 ? lastClauseBreak : i + 1;
      emit(cut);
      i = cut;
      continue;
    }
    i++;
  }
  emit(n);
  return out;
}

const SPEECH_BEFORE_QUOTE = /(?:[:：]|说|道|称|问|答|曰|表示|指出|强调|坦言|直言|回应|写道|认为|宣布)\s*$/;

/** Clause boundaries inside a sentence: ，,；;：: and the dash run ——. */
const CLAUSE_BREAK = /[，,；;：:]|——/g;

/** Clause spans relative to the sentence string (not trimmed; may be empty). */
export function splitClauses(sentence: string): Span[] {
  const out: Span[] = [];
  let last = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    out.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ start: last, end: sentence.length });
  return out;
}
