import { z } from 'zod';
import { AnnotationSchema, type Annotation, type Selector } from '../model/annotation';
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
import { uuidV5 } from './uuid';

/**
 * Sourcemark's own export: a W3C Web Annotation Data Model AnnotationCollection
 * (https://www.w3.org/TR/annotation-model/#annotation-collection) with the whole export embedded
 * as its single first page, so any W3C-aware tool can read quotes, notes and tags, while the
 * `sourcemark` extension property carries what the model has no term for (colour, page key,
 * title, site). Round trip toJsonLd → fromJsonLd restores every field exactly:
 *  - note: one `TextualBody` with purpose "commenting"; omitted when the note is '' (an empty
 *    body would be a pointless W3C resource), and a missing one reads back as ''.
 *  - tags: one `TextualBody` with purpose "tagging" each, in order.
 *  - `body` is omitted entirely when there is neither note nor tag (a pure highlight).
 *  - `created`/`modified` are copied as the stored strings, selectors as stored, in order.
 * An empty export has no `first`/`last`: the model requires a first page only when total > 0.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ANNO_CONTEXT_HTTPS = 'https://www.w3.org/ns/anno.jsonld';
export const SOURCEMARK_JSONLD_VERSION = 1;

/** Namespace for the ids of export collections and pages (the model requires them to have one). */
const EXPORT_NAMESPACE = 'db56f652-03b7-4ae6-83d3-cb27a3bf612d';

export interface JsonLdBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: 'commenting' | 'tagging';
}

export interface JsonLdAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'tagging' | 'highlighting';
  created: string;
  modified: string;
  body?: JsonLdBody[];
  target: { source: string; selector: Selector[] };
  sourcemark: { version: 1; pageKey: string; title: string; site: string; color: Annotation['color'] };
}

export interface JsonLdCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  total: number;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: JsonLdAnnotation[] };
  last?: string;
}

function toItem(a: Annotation): JsonLdAnnotation {
  const body: JsonLdBody[] = [];
  if (a.note !== '') body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  for (const t of a.tags) body.push({ type: 'TextualBody', value: t, format: 'text/plain', purpose: 'tagging' });
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.note !== '' ? 'commenting' : a.tags.length > 0 ? 'tagging' : 'highlighting',
    created: a.created,
    modified: a.updated,
    ...(body.length > 0 ? { body } : {}),
    target: { source: a.url, selector: a.selectors.map((s) => ({ ...s })) },
    sourcemark: {
      version: SOURCEMARK_JSONLD_VERSION,
      pageKey: a.pageKey,
      title: a.title,
      site: a.site,
      color: a.color,
    },
  };
}

/** The export document; `generated` defaults to now and also seeds the collection's id. */
export function toJsonLd(annotations: readonly Annotation[], opts?: { generated?: Date }): JsonLdCollection {
  const generated = (opts?.generated ?? new Date()).toISOString();
  const name = `${generated}/${annotations.length}`;
  const collection: JsonLdCollection = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${uuidV5(EXPORT_NAMESPACE, `collection/${name}`)}`,
    type: 'AnnotationCollection',
    label: 'Sourcemark export',
    generated,
    total: annotations.length,
  };
  if (annotations.length > 0) {
    const pageId = `urn:uuid:${uuidV5(EXPORT_NAMESPACE, `page/${name}`)}`;
    collection.first = { id: pageId, type: 'AnnotationPage', startIndex: 0, items: annotations.map(toItem) };
    collection.last = pageId;
  }
  return collection;
}

// ---------------------------------------------------------------------------------------------
// Import

const fail = (error: string): ImportResult => ({ ok: false, error });

function short(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  return describeType(v);
}

/** JSON-LD allows a term or a list of terms wherever one is expected. */
function hasTerm(v: unknown, term: string): boolean {
  return v === term || (Array.isArray(v) && v.includes(term));
}

const ItemShell = z.looseObject({
  id: z.string().regex(/^urn:uuid:/i, 'expected "urn:uuid:<uuid>"'),
  created: z.string(),
  modified: z.string().optional(),
  target: z.looseObject({ source: z.string() }),
  sourcemark: z
    .strictObject({
      version: z.literal(SOURCEMARK_JSONLD_VERSION),
      pageKey: z.string(),
      title: z.string(),
      site: z.string(),
      color: z.string(),
    })
    .optional(),
});

/** A singular value or a list, with the path each element was found at. */
function listOf(v: unknown, path: string): { value: unknown; path: string }[] {
  return Array.isArray(v) ? v.map((value, i) => ({ value, path: `${path}[${i}]` })) : [{ value: v, path }];
}

function readItem(raw: unknown, itemPath: string, index: number): ItemOutcome {
  const problem = (rel: string, message: string): ItemOutcome => ({
    index,
    path: itemPath,
    problem: { path: joinPath(itemPath, rel), message },
  });
  if (!isPlainObject(raw)) return problem('', `expected an annotation object, found ${describeType(raw)}`);
  if (!hasTerm(raw.type, 'Annotation')) return problem('type', `expected "Annotation", found ${short(raw.type)}`);
  const shell = ItemShell.safeParse(raw);
  if (!shell.success) {
    const issue = shell.error.issues[0]!;
    return problem(formatPath(issue.path), issueText(issue));
  }
  const item = shell.data;
  const source = item.target.source;

  const rawSelectors = (raw.target as Record<string, unknown>).selector;
  if (rawSelectors === undefined) {
    return problem('target.selector', 'missing: Sourcemark needs at least a TextQuoteSelector');
  }
  const selectors: Selector[] = [];
  for (const s of listOf(rawSelectors, 'target.selector')) {
    const c = checkSelector(s.value, s.path);
    if (!c.ok) return problem(c.path, c.message);
    selectors.push(c.selector);
  }

  let note: string | null = null;
  let notePath = '';
  const tags: string[] = [];
  const tagPaths: string[] = [];
  const rawBody = raw.body;
  if (rawBody !== undefined) {
    for (const b of listOf(rawBody, 'body')) {
      if (!isPlainObject(b.value)) return problem(b.path, `expected a TextualBody object, found ${describeType(b.value)}`);
      const { type, value, purpose } = b.value;
      if (type !== 'TextualBody') {
        return problem(joinPath(b.path, 'type'), `expected "TextualBody" (other body kinds are not supported), found ${short(type)}`);
      }
      if (typeof value !== 'string') return problem(joinPath(b.path, 'value'), `expected string, received ${describeType(value)}`);
      // A body without purpose is the annotation's comment, as in most W3C examples.
      if (purpose === 'commenting' || purpose === undefined) {
        if (note !== null) return problem(joinPath(b.path, 'purpose'), 'more than one commenting body');
        note = value;
        notePath = joinPath(b.path, 'value');
      } else if (purpose === 'tagging') {
        tags.push(value);
        tagPaths.push(joinPath(b.path, 'value'));
      } else {
        return problem(joinPath(b.path, 'purpose'), `expected "commenting" or "tagging", found ${short(purpose)}`);
      }
    }
  }

  const sm = item.sourcemark;
  let key = sm?.pageKey;
  let site = sm?.site;
  if (key === undefined || site === undefined) {
    // A plain W3C annotation from another tool: derive what our extension would have carried.
    try {
      key = pageKey(source);
      site = siteOf(source);
    } catch (e) {
      return problem('target.source', e instanceof Error ? e.message : String(e));
    }
  }
  const candidate = {
    id: item.id.slice('urn:uuid:'.length),
    pageKey: key,
    url: source,
    title: sm?.title ?? '',
    site,
    selectors,
    color: sm?.color ?? 'yellow',
    note: note ?? '',
    tags,
    created: item.created,
    updated: item.modified ?? item.created,
  };
  const parsed = AnnotationSchema.safeParse(candidate);
  if (parsed.success) return { index, path: itemPath, annotation: parsed.data };

  // Report the problem where it is in the file, not where it would be in the stored shape.
  const issue = parsed.error.issues[0]!;
  const [field, sub, ...rest] = issue.path;
  const where: Record<string, string> = {
    id: 'id',
    pageKey: 'sourcemark.pageKey',
    url: 'target.source',
    title: 'sourcemark.title',
    site: 'sourcemark.site',
    selectors: 'target.selector',
    color: 'sourcemark.color',
    note: notePath || 'body',
    tags: 'body',
    created: 'created',
    updated: item.modified === undefined ? 'created' : 'modified',
  };
  let rel = where[String(field)] ?? formatPath(issue.path);
  if (field === 'tags' && typeof sub === 'number') rel = tagPaths[sub] ?? rel;
  else if (field === 'selectors' && typeof sub === 'number') {
    rel = joinPath(Array.isArray(rawSelectors) ? `${rel}[${sub}]` : rel, formatPath(rest));
  }
  return problem(rel, issueText(issue));
}

/**
 * Reads a Sourcemark (or any W3C) AnnotationCollection, or a bare AnnotationPage. The value must
 * come from JSON (parseImportFile does that safely); it is re-checked for forbidden keys and
 * depth here so callers holding a parsed value get the same guarantees.
 */
export function fromJsonLd(json: unknown, opts?: ImportOptions): ImportResult {
  const limits = limitsOf(opts);
  const bad = checkTree(json, limits.maxDepth);
  if (bad) return fail(located(bad.path, bad.message));
  if (!isPlainObject(json)) {
    return fail(`top level: expected a JSON-LD AnnotationCollection object, found ${describeType(json)}`);
  }
  const ctx = json['@context'];
  if (!hasTerm(ctx, ANNO_CONTEXT) && !hasTerm(ctx, ANNO_CONTEXT_HTTPS)) {
    return fail(`@context: expected "${ANNO_CONTEXT}", found ${short(ctx)}`);
  }

  let items: unknown;
  let base: string;
  if (hasTerm(json.type, 'AnnotationCollection')) {
    const total = json.total;
    if (total !== undefined && !(typeof total === 'number' && Number.isInteger(total) && total >= 0)) {
      return fail(`total: expected a non-negative integer, found ${short(total)}`);
    }
    const first = json.first;
    if (first === undefined) {
      if (total === undefined || total === 0) return { ok: true, format: 'sourcemark-jsonld', annotations: [], invalid: [] };
      return fail(`first: missing, but total says ${total} annotations`);
    }
    if (typeof first === 'string') {
      return fail('first: the page is only linked by its IRI; the file must embed its annotations');
    }
    if (!isPlainObject(first)) return fail(`first: expected an AnnotationPage object, found ${describeType(first)}`);
    if (first.type !== undefined && !hasTerm(first.type, 'AnnotationPage')) {
      return fail(`first.type: expected "AnnotationPage", found ${short(first.type)}`);
    }
    if (first.next !== undefined) {
      return fail('first.next: collections split over several pages are not supported; export into one file');
    }
    items = first.items;
    base = 'first.items';
    if (Array.isArray(items) && total !== undefined && total !== items.length) {
      return fail(`total: says ${total} annotations but first.items has ${items.length} (truncated file?)`);
    }
  } else if (hasTerm(json.type, 'AnnotationPage')) {
    if (json.next !== undefined) {
      return fail('next: collections split over several pages are not supported; export into one file');
    }
    items = json.items;
    base = 'items';
  } else {
    return fail(`type: expected "AnnotationCollection", found ${short(json.type)}`);
  }
  if (!Array.isArray(items)) return fail(`${base}: expected an array, found ${describeType(items)}`);
  if (items.length > limits.maxItems) {
    return fail(`${base}: too many items (${items.length}; the limit is ${limits.maxItems})`);
  }
  return collect(
    'sourcemark-jsonld',
    items.map((it, i) => readItem(it, `${base}[${i}]`, i)),
  );
}
