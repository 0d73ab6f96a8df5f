import { z } from 'zod';
import type { ClaimCategory } from '@/components/vocabulary/categories';
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
import { listOf, readBodies, short } from './jsonld-bodies';
import { checkSelector, toExportSelector, type ExportSelector } from './selectors';
import { uuidV5 } from './uuid';
import { ArticleSnapshotSchema, type ArticleSnapshot } from '@/components/factcheck/snapshot-schema';

/**
 * Sourcemark's own export: a W3C Web Annotation Data Model AnnotationCollection
 * (https://www.w3.org/TR/annotation-model/#annotation-collection) with the whole export embedded
 * as its single first page, so any W3C-aware tool can read quotes, notes, tags and verdicts,
 * while the `sourcemark` extension property carries what the model has no term for (colour, page
 * key, title, site, the claim category). Round trip toJsonLd → fromJsonLd restores every field
 * exactly:
 *  - assessment: the verdict is one `TextualBody` with purpose "assessing" whose value is the
 *    verdict id (components/vocabulary/verdicts.ts), first among the bodies; each evidence link
 *    is a `{ type: "SpecificResource", source: <url>, purpose: "linking" }` body, in order, after
 *    the tags; the claim category goes in `sourcemark.claim: { category }`. The motivation is then
 *    "assessing".
 *  - note: one `TextualBody` with purpose "commenting"; omitted when the note is '' (an empty
 *    body would be a pointless W3C resource), and a missing one reads back as ''.
 *  - tags: one `TextualBody` with purpose "tagging" each, in order.
 *  - `body` is omitted entirely when there is none of these (a pure highlight).
 *  - motivation: "assessing", else "commenting" with a note, else "tagging" with tags, else
 *    "highlighting". It is informative only: import reads the bodies.
 *  - `created`/`modified` are copied as the stored strings, selectors as stored, in order, except
 *    that a RangeSelector is written the W3C way (range-selector.ts) and read back either way.
 * An empty export has no `first`/`last`: the model requires a first page only when total > 0.
 *
 * Versions of the `sourcemark` property: 1 had no `claim`; 2 added it. Both import.
 *
 * Annotations from other W3C tools (no `sourcemark` property): an assessing body whose value is
 * one of our verdict ids is read as that verdict. Any other assessing value is free text (the
 * model leaves it open, e.g. "Checked: the quote is accurate") that no verdict of ours can stand
 * for without guessing, so its words are kept in the note (after the comment, a blank line
 * between) and no verdict is set: the reader loses nothing they could read, and Sourcemark
 * invents no judgement. In our own files such a value is an error, since we wrote only ids.
 * Evidence links count only beside a verdict: a linking body without one is refused.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ANNO_CONTEXT_HTTPS = 'https://www.w3.org/ns/anno.jsonld';
export const SOURCEMARK_JSONLD_VERSION = 2;

/** Namespace for the ids of export collections and pages (the model requires them to have one). */
const EXPORT_NAMESPACE = 'db56f652-03b7-4ae6-83d3-cb27a3bf612d';

export interface JsonLdTextBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: 'assessing' | 'commenting' | 'tagging';
}

/** An evidence link: the model's way to point at a whole web resource for a purpose. */
export interface JsonLdLinkBody {
  type: 'SpecificResource';
  source: string;
  purpose: 'linking';
}

export type JsonLdBody = JsonLdTextBody | JsonLdLinkBody;

export interface JsonLdAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'commenting' | 'tagging' | 'highlighting';
  created: string;
  modified: string;
  body?: JsonLdBody[];
  target: { source: string; selector: ExportSelector[] };
  sourcemark: {
    version: typeof SOURCEMARK_JSONLD_VERSION;
    pageKey: string;
    title: string;
    site: string;
    color: Annotation['color'];
    claim?: { category: ClaimCategory };
  };
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
  /** The reader's article snapshots (components/factcheck), which the model has no term for. */
  sourcemark?: { version: typeof SOURCEMARK_JSONLD_VERSION; snapshots: ArticleSnapshot[] };
}

const text = (value: string, purpose: JsonLdTextBody['purpose']): JsonLdTextBody => ({
  type: 'TextualBody',
  value,
  format: 'text/plain',
  purpose,
});

function motivationOf(a: Annotation): JsonLdAnnotation['motivation'] {
  if (a.assessment) return 'assessing';
  return a.note !== '' ? 'commenting' : a.tags.length > 0 ? 'tagging' : 'highlighting';
}

function toItem(a: Annotation): JsonLdAnnotation {
  const body: JsonLdBody[] = [];
  if (a.assessment) body.push(text(a.assessment.verdict, 'assessing'));
  if (a.note !== '') body.push(text(a.note, 'commenting'));
  for (const t of a.tags) body.push(text(t, 'tagging'));
  for (const source of a.assessment?.evidence ?? []) body.push({ type: 'SpecificResource', source, purpose: 'linking' });
  const claim = a.assessment?.claim;
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: motivationOf(a),
    created: a.created,
    modified: a.updated,
    ...(body.length > 0 ? { body } : {}),
    target: { source: a.url, selector: a.selectors.map(toExportSelector) },
    sourcemark: {
      version: SOURCEMARK_JSONLD_VERSION,
      pageKey: a.pageKey,
      title: a.title,
      site: a.site,
      color: a.color,
      ...(claim ? { claim: { category: claim.category } } : {}),
    },
  };
}

/** The export document; `generated` defaults to now and also seeds the collection's id. */
export function toJsonLd(
  annotations: readonly Annotation[],
  opts?: { generated?: Date; snapshots?: readonly ArticleSnapshot[] },
): JsonLdCollection {
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
  if (opts?.snapshots?.length) collection.sourcemark = { version: SOURCEMARK_JSONLD_VERSION, snapshots: [...opts.snapshots] };
  return collection;
}

// ---------------------------------------------------------------------------------------------
// Import

const fail = (error: string): ImportResult => ({ ok: false, error });

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
      // Older files import as they are: version 1 differs only in having no `claim`.
      version: z.literal([1, SOURCEMARK_JSONLD_VERSION]),
      pageKey: z.string(),
      title: z.string(),
      site: z.string(),
      color: z.string(),
      claim: z.strictObject({ category: z.string() }).optional(),
    })
    .optional(),
});

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

  const sm = item.sourcemark;
  const bodies = readBodies(raw.body, sm !== undefined);
  if (!bodies.ok) return problem(bodies.path, bodies.message);
  const { note, notePath, tags, tagPaths, verdict, evidence, evidencePaths } = bodies.read;
  if (sm?.claim !== undefined) {
    if (sm.version === 1) return problem('sourcemark.claim', 'not part of version 1 files (claims came with version 2)');
    if (verdict === null) return problem('sourcemark.claim', 'set only on an annotation with an assessing body');
  }

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
    ...(verdict
      ? { assessment: { verdict: verdict.value, evidence, ...(sm?.claim ? { claim: sm.claim } : {}) } }
      : {}),
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
  } else if (field === 'assessment') {
    const [i] = rest;
    rel =
      sub === 'verdict' ? (verdict?.path ?? 'body')
      : sub === 'evidence' ? (typeof i === 'number' ? (evidencePaths[i] ?? 'body') : 'body')
      : sub === 'claim' ? joinPath('sourcemark.claim', formatPath(rest))
      : 'body';
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
      if (total === undefined || total === 0) {
        return withSnapshots({ ok: true, format: 'sourcemark-jsonld', annotations: [], invalid: [] }, json.sourcemark, 0);
      }
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
  const result = collect(
    'sourcemark-jsonld',
    items.map((it, i) => readItem(it, `${base}[${i}]`, i)),
  );
  return result.ok ? withSnapshots(result, json.sourcemark, items.length) : result;
}

/**
 * The collection's snapshots, each checked on its own: a bad one is listed with the invalid
 * items (numbered after them) and the rest still import. Whether a snapshot's hash matches its
 * text is the writer's check (it needs WebCrypto, which is asynchronous).
 */
function withSnapshots(result: Extract<ImportResult, { ok: true }>, raw: unknown, itemCount: number): ImportResult {
  if (raw === undefined) return result;
  const where = 'sourcemark.snapshots';
  const list = isPlainObject(raw) ? raw.snapshots : undefined;
  if (!Array.isArray(list)) {
    return { ...result, invalid: [...result.invalid, { index: itemCount, path: where, message: `expected an array of snapshots, found ${describeType(list)}` }] };
  }
  const snapshots: ArticleSnapshot[] = [];
  const invalid = [...result.invalid];
  list.forEach((s, i) => {
    const parsed = ArticleSnapshotSchema.safeParse(s);
    if (parsed.success) snapshots.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      invalid.push({ index: itemCount + i, path: joinPath(`${where}[${i}]`, formatPath(issue.path)), message: issueText(issue) });
    }
  });
  return { ...result, invalid, snapshots };
}
