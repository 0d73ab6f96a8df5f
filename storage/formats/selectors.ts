import {
  RangeSelectorSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type Selector,
} from '../model/annotation';
import { describeType, formatPath, isPlainObject, issueText, joinPath } from './import-result';
import { fromW3cRange, isW3cRange, toW3cRange, type W3cRangeSelector } from './range-selector';

/**
 * Selector validation shared by the importers, and the one projection exports make. The stored
 * schema is a plain union, whose errors say only "Invalid input"; dispatching on `type` first
 * gives messages like `selector[0].exact: expected string, received number`.
 *
 * RangeSelector is read in both spellings, Hypothesis's (as stored) and the W3C model's (as
 * exported); see range-selector.ts.
 */

export const SELECTOR_TYPES = ['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector'] as const;

const SCHEMAS = {
  TextQuoteSelector: TextQuoteSelectorSchema,
  TextPositionSelector: TextPositionSelectorSchema,
  RangeSelector: RangeSelectorSchema,
} as const;

/** A selector as exports write it: the stored one, except RangeSelector in the W3C spelling. */
export type ExportSelector = Exclude<Selector, { type: 'RangeSelector' }> | W3cRangeSelector;

export function toExportSelector(s: Selector): ExportSelector {
  return s.type === 'RangeSelector' ? toW3cRange(s) : { ...s };
}

/** `unknownType`: a selector kind (or a RangeSelector end) Sourcemark does not store, which an
 * importer may drop; otherwise the selector is malformed. */
export type SelectorCheck =
  | { ok: true; selector: Selector }
  | { ok: false; unknownType: boolean; path: string; message: string };

/** Validates one selector found at `path` (relative to the item). */
export function checkSelector(raw: unknown, path: string): SelectorCheck {
  if (!isPlainObject(raw)) {
    return { ok: false, unknownType: false, path, message: `expected a selector object, found ${describeType(raw)}` };
  }
  const type = raw.type;
  if (typeof type !== 'string' || !(type in SCHEMAS)) {
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 100)) : describeType(type);
    return {
      ok: false,
      unknownType: true,
      path: joinPath(path, 'type'),
      message: `unknown selector type ${shown} (expected ${SELECTOR_TYPES.join(', ')})`,
    };
  }
  if (type === 'RangeSelector' && isW3cRange(raw)) {
    const r = fromW3cRange(raw);
    if (r.ok) return { ok: true, selector: r.selector };
    return { ok: false, unknownType: r.unsupported, path: joinPath(path, formatPath(r.path)), message: r.message };
  }
  const r = SCHEMAS[type as keyof typeof SCHEMAS].safeParse(raw);
  if (r.success) return { ok: true, selector: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, unknownType: false, path: joinPath(path, formatPath(issue.path)), message: issueText(issue) };
}
