/**
 * Shared setup for the anchoring specifications: loading pages into the test DOM, a small page
 * model whose edits move quote markers along with the text, and outcome classification.
 */
import type { Selector } from '@/storage/model/annotation';
import { TextIndex, type AnchorResult } from '@/components/anchoring';
import { isSpace } from '@/components/anchoring/text-index';
import { markerPoints, type Marker } from '../fixtures/anchoring-pages';

/**
 * Replaces the test document's content with `html` and returns its `#root` (or body). The global
 * document is used rather than DOMParser: happy-dom's Range only accepts nodes of the window's own
 * document, and a real content script works on that document too.
 */
export function loadPage(html: string, rootSelector = '#root'): Element {
  document.documentElement.innerHTML = html
    .replace(/^\s*<!doctype[^>]*>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '')
    // happy-dom would try (and loudly fail) to load these; they hold no page text anyway.
    .replace(/<iframe\b[\s\S]*?<\/iframe>/gi, '')
    .replace(/<link\b[^>]*>/gi, '');
  return document.querySelector(rootSelector) ?? document.body;
}

/** Raw offsets of a span trimmed to its non-whitespace ends, as `describe` trims selections. */
export function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** A page as text blocks plus markers; edits keep markers on the same characters. */
export class PageModel {
  public blocks: string[];
  public markers: Marker[];

  /** Copies its arguments: edits must never move the markers of the quotes they came from. */
  constructor(blocks: readonly string[], markers: readonly Marker[]) {
    this.blocks = [...blocks];
    this.markers = markers.map((m) => ({ ...m }));
  }

  clone(): PageModel {
    return new PageModel(this.blocks, this.markers);
  }

  insertBlock(at: number, text: string): this {
    this.blocks.splice(at, 0, text);
    for (const m of this.markers) if (m.block >= at) m.block++;
    return this;
  }

  deleteBlocks(from: number, count: number): this {
    this.blocks.splice(from, count);
    this.markers = this.markers.filter((m) => m.block < from || m.block >= from + count);
    for (const m of this.markers) if (m.block >= from + count) m.block -= count;
    return this;
  }

  /** Moves one block (with its markers) so that it ends up at index `to`. */
  moveBlock(from: number, to: number): this {
    const [text] = this.blocks.splice(from, 1);
    this.blocks.splice(to, 0, text!);
    for (const m of this.markers) {
      if (m.block === from) m.block = to;
      else if (from < to && m.block > from && m.block <= to) m.block--;
      else if (to < from && m.block >= to && m.block < from) m.block++;
    }
    return this;
  }

  /** Inserts text; a marker at the very offset stays before it. */
  insertText(block: number, offset: number, text: string): this {
    const b = this.blocks[block]!;
    this.blocks[block] = b.slice(0, offset) + text + b.slice(offset);
    for (const m of this.markers) if (m.block === block && m.offset > offset) m.offset += text.length;
    return this;
  }

  /** Deletes `length` characters; markers inside the deleted stretch close up at its start. */
  deleteText(block: number, offset: number, length: number): this {
    const b = this.blocks[block]!;
    this.blocks[block] = b.slice(0, offset) + b.slice(offset + length);
    for (const m of this.markers) {
      if (m.block !== block || m.offset <= offset) continue;
      m.offset = Math.max(offset, m.offset - length);
    }
    return this;
  }

  /** Replaces `length` characters at `offset` of `block` with `text` of the same length. */
  replaceText(block: number, offset: number, text: string): this {
    const b = this.blocks[block]!;
    this.blocks[block] = b.slice(0, offset) + text + b.slice(offset + text.length);
    return this;
  }
}

export interface QuoteSpec {
  id: string;
  /** Marker ids are `${id}:s` and `${id}:e`. */
  start: Marker;
  end: Marker;
}

export function quoteMarkers(quotes: readonly QuoteSpec[]): Marker[] {
  return quotes.flatMap((q) => [q.start, q.end]);
}

export function spec(id: string, block: number, start: number, endBlock: number, end: number): QuoteSpec {
  return {
    id,
    start: { id: `${id}:s`, block, offset: start },
    end: { id: `${id}:e`, block: endBlock, offset: end },
  };
}

/** Where each quote is on a loaded page (trimmed raw offsets), or null if a marker is gone. */
export function expectedOffsets(
  root: Element,
  quotes: readonly QuoteSpec[],
): Map<string, { start: number; end: number } | null> {
  const index = new TextIndex(root);
  const points = markerPoints(root.ownerDocument);
  const out = new Map<string, { start: number; end: number } | null>();
  for (const q of quotes) {
    const s = points.get(`${q.id}:s`);
    const e = points.get(`${q.id}:e`);
    out.set(
      q.id,
      s && e
        ? trimmed(index.text, index.offsetOf(s.node, s.offset), index.offsetOf(e.node, e.offset))
        : null,
    );
  }
  return out;
}

/** A Range between a quote's two markers on a loaded page (element boundary points). */
export function markerRange(root: Element, q: QuoteSpec): Range {
  const points = markerPoints(root.ownerDocument);
  const s = points.get(`${q.id}:s`)!;
  const e = points.get(`${q.id}:e`)!;
  const range = root.ownerDocument.createRange();
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

export type Outcome = 'exact' | 'fuzzy' | 'orphan' | 'wrong';

/**
 * Right means the very span the markers give; `exact` covers the position and quote methods.
 * Anything found where nothing should be, or anywhere else, is wrong.
 */
export function classify(
  result: AnchorResult,
  expected: { start: number; end: number } | null,
): Outcome {
  if (result.range === null) return 'orphan';
  if (!expected || result.start !== expected.start || result.end !== expected.end) return 'wrong';
  return result.method === 'fuzzy' ? 'fuzzy' : 'exact';
}

export type Tally = Record<Outcome, number>;

export function tally(outcomes: readonly Outcome[]): Tally {
  const t: Tally = { exact: 0, fuzzy: 0, orphan: 0, wrong: 0 };
  for (const o of outcomes) t[o]++;
  return t;
}

export function withoutPosition(selectors: readonly Selector[]): Selector[] {
  return selectors.filter((s) => s.type !== 'TextPositionSelector');
}

export function shiftPosition(selectors: readonly Selector[], by: number): Selector[] {
  return selectors.map((s) =>
    s.type === 'TextPositionSelector' ? { ...s, start: s.start + by, end: s.end + by } : s,
  );
}
