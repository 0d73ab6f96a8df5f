import {
  RangeSelectorSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type Selector,
} from '../model/annotation';
import { describeType, formatPath, isPlainObject, issueText, joinPath } from './import-result';

/**
 * Selector validation shared by the importers. The stored schema is a plain union, whose errors
 * say only "Invalid input"; dispatching on `type` first gives messages like
 * `selector[0].exact: expected string, received number`.
 */

export const SELECTOR_TYPES = ['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector'] as const;

const SCHEMAS = {
  TextQuoteSelector: TextQuoteSelectorSchema,
  TextPositionSelector: TextPositionSelectorSchema,
  RangeSelector: RangeSelectorSchema,
} as const;

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
  const r = SCHEMAS[type as keyof typeof SCHEMAS].safeParse(raw);
  if (r.success) return { ok: true, selector: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, unknownType: false, path: joinPath(path, formatPath(issue.path)), message: issueText(issue) };
}
