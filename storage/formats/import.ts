import { fromHypothesis } from './hypothesis';
import { describeType, isPlainObject, limitsOf, type ImportOptions, type ImportResult } from './import-result';
import { fromJsonLd } from './jsonld';
import { parseJsonText } from './json-text';

/**
 * The one entry point for a file the user picked: guards (size, emptiness, syntax with
 * position, depth, forbidden keys), then format detection:
 *  - an object with `@context` → Sourcemark / W3C JSON-LD;
 *  - an object with `rows` or `annotations` → Hypothesis;
 *  - anything else is refused, saying what was expected.
 */

export function importJson(value: unknown, opts?: ImportOptions): ImportResult {
  if (!isPlainObject(value)) {
    return {
      ok: false,
      error: `top level is ${describeType(value)}, expected an object (a Sourcemark JSON-LD or Hypothesis export)`,
    };
  }
  if ('@context' in value) return fromJsonLd(value, opts);
  if ('rows' in value || 'annotations' in value) return fromHypothesis(value, opts);
  return {
    ok: false,
    error:
      'unrecognised file: expected a Sourcemark JSON-LD export (with "@context") or a Hypothesis export (with "rows")',
  };
}

export function parseImportFile(text: string, opts?: ImportOptions): ImportResult {
  const parsed = parseJsonText(text, limitsOf(opts));
  if (!parsed.ok) return parsed;
  return importJson(parsed.value, opts);
}
