import { z } from 'zod';
import { AnnotationSchema, MAX_TITLE, type Selector } from '../model/annotation';
import { pageKey, siteOf } from '../model/page-key';
import {
  checkTree,
  collect,
  describeType,
  formatPath,
  isPlainObject,
  issueText,
  joinPath,
  limitsOf,
  located,
  type ImportOptions,
  type ImportResult,
  type ItemOutcome,
} from './import-result';
import { checkSelector } from './selectors';
import { URL_NAMESPACE, uuidV5 } from './uuid';

/**
 * Import of Hypothesis exports: the search API's `{ total, rows: [...] }` and the client's
 * "Export annotations" file `{ export_date, annotations: [...] }`, whose rows have one shape.
 *
 * Decisions:
 *  - id: UUID v5 of `https://hypothes.is/a/<hypothesis id>` in the RFC URL namespace, so the same
 *    row always gets the same id and importing a file twice overwrites instead of duplicating.
 *  - Rows without a TextQuoteSelector (page notes, replies) are invalid items: nothing to anchor.
 *  - Selector kinds we do not store (FragmentSelector, PageSelector, EPUB…) are dropped; the
 *    kinds we do store must be valid, or the row is invalid.
 *  - created/updated are normalised with toISOString (Hypothesis writes microseconds and
 *    `+00:00`), so string order equals time order across imported and native annotations.
 *  - Titles longer than the stored maximum are cut (metadata, not the reader's words); tags are
 *    trimmed and empty ones dropped; colour is the default, 'yellow'.
 *  - `total` is not checked against the row count: the API pages its results, so total is
 *    normally larger than one response.
 */

export const HYPOTHESIS_ID_PREFIX = 'https://hypothes.is/a/';

export function hypothesisUuid(hypothesisId: string): string {
  return uuidV5(URL_NAMESPACE, HYPOTHESIS_ID_PREFIX + hypothesisId);
}

const Row = z.looseObject({
  id: z.string().min(1).max(200),
  uri: z.string().nullish(),
  text: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  created: z.iso.datetime({ offset: true }).nullish(),
  updated: z.iso.datetime({ offset: true }).nullish(),
  target: z.array(z.looseObject({ source: z.string().nullish(), selector: z.array(z.unknown()).nullish() })).min(1),
  document: z.looseObject({ title: z.unknown().optional() }).nullish(),
});

function titleOf(doc: { title?: unknown } | null | undefined): string {
  const t = doc?.title;
  const first = Array.isArray(t) ? t.find((x): x is string => typeof x === 'string') : typeof t === 'string' ? t : '';
  return (first ?? '').trim().slice(0, MAX_TITLE);
}

function readRow(raw: unknown, rowPath: string, index: number, opts: ImportOptions | undefined): ItemOutcome {
  const problem = (rel: string, message: string): ItemOutcome => ({
    index,
    path: rowPath,
    problem: { path: joinPath(rowPath, rel), message },
  });
  if (!isPlainObject(raw)) return problem('', `expected an annotation object, found ${describeType(raw)}`);
  const r = Row.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return problem(formatPath(issue.path), issueText(issue));
  }
  const row = r.data;

  // The first target that quotes text; replies and page notes have targets without selectors.
  const t = Math.max(
    0,
    row.target.findIndex((tg) => tg.selector?.some((s) => isPlainObject(s) && s.type === 'TextQuoteSelector')),
  );
  const target = row.target[t]!;
  const selectors: Selector[] = [];
  // Where each kept selector was in the file, for error paths after unknown kinds are dropped.
  const selectorIndex: number[] = [];
  for (const [k, s] of (target.selector ?? []).entries()) {
    const c = checkSelector(s, `target[${t}].selector[${k}]`);
    if (c.ok) {
      selectors.push(c.selector);
      selectorIndex.push(k);
    } else if (!c.unknownType) return problem(c.path, c.message);
  }
  if (!selectors.some((s) => s.type === 'TextQuoteSelector')) {
    return problem(`target[${t}]`, 'no TextQuoteSelector: page notes and replies have no highlighted text to import');
  }

  const url = row.uri || target.source || opts?.fallbackUri;
  if (!url) return problem('uri', 'missing: the row has neither uri nor target[].source');
  let key: string;
  let site: string;
  try {
    key = pageKey(url);
    site = siteOf(url);
  } catch (e) {
    return problem(row.uri ? 'uri' : `target[${t}].source`, e instanceof Error ? e.message : String(e));
  }

  const stamp = (s: string | null | undefined): string | undefined => (s ? new Date(s).toISOString() : undefined);
  const now = (opts?.now ?? new Date()).toISOString();
  const created = stamp(row.created) ?? stamp(row.updated) ?? now;
  const updated = stamp(row.updated) ?? created;

  const candidate = {
    id: hypothesisUuid(row.id),
    pageKey: key,
    url,
    title: titleOf(row.document),
    site,
    selectors,
    color: 'yellow' as const,
    note: row.text ?? '',
    tags: (row.tags ?? []).map((x) => x.trim()).filter((x) => x !== ''),
    created,
    updated,
  };
  const parsed = AnnotationSchema.safeParse(candidate);
  if (parsed.success) return { index, path: rowPath, annotation: parsed.data };

  const issue = parsed.error.issues[0]!;
  const [field, sub, ...rest] = issue.path;
  const where: Record<string, string> = {
    pageKey: 'uri',
    url: 'uri',
    site: 'uri',
    selectors: `target[${t}].selector`,
    note: 'text',
    tags: 'tags',
  };
  let rel = where[String(field)] ?? formatPath(issue.path);
  if (field === 'selectors' && typeof sub === 'number') {
    rel = joinPath(`${rel}[${selectorIndex[sub] ?? sub}]`, formatPath(rest));
  } else if (field === 'tags' && typeof sub === 'number') rel = `tags[${sub}]`;
  return problem(rel, issueText(issue));
}

/** Reads a Hypothesis API response or client export (a value parsed from JSON). */
export function fromHypothesis(json: unknown, opts?: ImportOptions): ImportResult {
  const limits = limitsOf(opts);
  const bad = checkTree(json, limits.maxDepth);
  if (bad) return { ok: false, error: located(bad.path, bad.message) };
  if (!isPlainObject(json)) {
    return { ok: false, error: `top level: expected a Hypothesis export object, found ${describeType(json)}` };
  }
  const base = json.rows === undefined && json.annotations !== undefined ? 'annotations' : 'rows';
  const rows = json[base];
  if (!Array.isArray(rows)) return { ok: false, error: `${base}: expected an array, found ${describeType(rows)}` };
  if (rows.length > limits.maxItems) {
    return { ok: false, error: `${base}: too many items (${rows.length}; the limit is ${limits.maxItems})` };
  }
  return collect(
    'hypothesis',
    rows.map((row, i) => readRow(row, `${base}[${i}]`, i, opts)),
  );
}
