import { z } from 'zod';
import { MAX_URL, type RangeSelector } from '../model/annotation';
import { issueText } from './import-result';

/**
 * The two spellings of a RangeSelector. We store Hypothesis's (`startContainer`/`startOffset`/
 * `endContainer`/`endOffset`: an XPath to an element and a character offset in its text), which
 * the W3C model does not define. Exports spell it the W3C way
 * (https://www.w3.org/TR/annotation-model/#range-selector):
 *
 *   { type: 'RangeSelector',
 *     startSelector: { type: 'XPathSelector', value: <startContainer>,
 *                      refinedBy: { type: 'TextPositionSelector', start: <startOffset>, end: <startOffset> } },
 *     endSelector:   { ...the same with endContainer / endOffset } }
 *
 * Why this is exact: the model's range runs from the beginning of what the start selector
 * selects to the beginning of what the end selector selects. An XPathSelector picks the element,
 * and a zero-length TextPositionSelector refining it picks the point at that character offset in
 * the element's text, which is what Hypothesis's offset means. So both ends are points, the range
 * is [start point, end point), and every stored field has one place to go and come back from.
 *
 * Reading W3C ranges from other tools, by the same definition: a refining TextPositionSelector
 * that spans characters contributes its `start` (the beginning of its selection), and an
 * XPathSelector without `refinedBy` means offset 0 (the beginning of the element). Ends of any
 * other kind (CSS, quote, nested ranges) have no stored equivalent and are reported as such.
 */

export interface W3cXPathPoint {
  type: 'XPathSelector';
  value: string;
  refinedBy: { type: 'TextPositionSelector'; start: number; end: number };
}

export interface W3cRangeSelector {
  type: 'RangeSelector';
  startSelector: W3cXPathPoint;
  endSelector: W3cXPathPoint;
}

function point(xpath: string, offset: number): W3cXPathPoint {
  return { type: 'XPathSelector', value: xpath, refinedBy: { type: 'TextPositionSelector', start: offset, end: offset } };
}

/** The stored (Hypothesis) shape → the W3C shape. */
export function toW3cRange(s: RangeSelector): W3cRangeSelector {
  return {
    type: 'RangeSelector',
    startSelector: point(s.startContainer, s.startOffset),
    endSelector: point(s.endContainer, s.endOffset),
  };
}

/** True when `raw` uses the W3C spelling (then it must not mix in the stored one). */
export function isW3cRange(raw: Record<string, unknown>): boolean {
  return 'startSelector' in raw || 'endSelector' in raw;
}

const Offset = z.number().int().nonnegative();

const XPathEnd = z.strictObject({
  type: z.literal('XPathSelector'),
  value: z.string().max(MAX_URL),
  refinedBy: z
    .strictObject({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset })
    .refine((r) => r.end >= r.start, { message: 'end must not be before start' })
    .optional(),
});

const W3cRangeSchema = z.strictObject({
  type: z.literal('RangeSelector'),
  startSelector: XPathEnd,
  endSelector: XPathEnd,
});

export type W3cRangeRead =
  | { ok: true; selector: RangeSelector }
  | { ok: false; unsupported: boolean; path: readonly PropertyKey[]; message: string };

/**
 * The W3C shape → the stored one. `unsupported` marks a well-formed end of a kind we cannot
 * store (an importer may drop it), as opposed to a malformed selector.
 */
export function fromW3cRange(raw: Record<string, unknown>): W3cRangeRead {
  for (const end of ['startSelector', 'endSelector'] as const) {
    const e = raw[end];
    if (typeof e === 'object' && e !== null && !Array.isArray(e)) {
      const type = (e as Record<string, unknown>).type;
      if (typeof type === 'string' && type !== 'XPathSelector') {
        return {
          ok: false,
          unsupported: true,
          path: [end, 'type'],
          message: `a RangeSelector end of type ${JSON.stringify(type.slice(0, 100))} cannot be stored (expected XPathSelector, optionally refined by a TextPositionSelector)`,
        };
      }
    }
  }
  const r = W3cRangeSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { ok: false, unsupported: false, path: issue.path, message: issueText(issue) };
  }
  const { startSelector: s, endSelector: e } = r.data;
  return {
    ok: true,
    selector: {
      type: 'RangeSelector',
      startContainer: s.value,
      startOffset: s.refinedBy?.start ?? 0,
      endContainer: e.value,
      endOffset: e.refinedBy?.start ?? 0,
    },
  };
}
