import type { z } from 'zod';
import type { Annotation } from '../model/annotation';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';

/**
 * What every importer returns. Two levels of failure, on purpose:
 *  - `ok: false`: the file as a whole cannot be trusted or understood (not JSON, too big, too
 *    deep, a forbidden key anywhere, wrong top-level shape, or not one item in it is valid).
 *    `error` names the first problem and where it is, ready to show as is.
 *  - `ok: true` with a non-empty `invalid`: the file is fine but some items are not; those
 *    items are left out of `annotations` and listed so the UI can show them before writing.
 * Nothing here writes to the database.
 */
export type ImportResult =
  | { ok: true; format: ImportFormat; annotations: Annotation[]; invalid: InvalidItem[]; snapshots?: ArticleSnapshot[] }
  | { ok: false; error: string };

/** `index` is the item's position in the file's item array; `path` is the full location of the
 * problem from the file's top level (e.g. `first.items[3].target.selector[0].exact`). */
export interface InvalidItem {
  index: number;
  path: string;
  message: string;
}

export type ImportFormat = 'sourcemark-jsonld' | 'hypothesis';

export interface ImportLimits {
  /** UTF-8 size of the file. The UI should also compare `File.size` before reading it. */
  maxBytes: number;
  /** Items (annotations/rows) in one file. */
  maxItems: number;
  /** Nesting of arrays/objects; real exports need about 8. */
  maxDepth: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  maxItems: 100_000,
  maxDepth: 32,
});

export interface ImportOptions {
  /** Tests pass small limits to exercise the guards without 50 MB fixtures. */
  limits?: Partial<ImportLimits>;
  /** Hypothesis only: page URL for rows that carry neither `uri` nor `target[].source`. */
  fallbackUri?: string;
  /** Hypothesis only: timestamp for rows without `created`/`updated`. Defaults to now. */
  now?: Date;
}

export function limitsOf(opts?: ImportOptions): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...opts?.limits };
}

/** Keys that can reach a prototype when an object is merged or assigned somewhere downstream. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const IDENT = /^[A-Za-z_$@][\w$@-]*$/;

/** `['first', 'items', 3, 'exact']` → `first.items[3].exact`; odd keys are JSON-quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      if (IDENT.test(s)) out += out ? `.${s}` : s;
      else out += `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

export function joinPath(base: string, rest: string): string {
  if (!base) return rest;
  if (!rest) return base;
  return rest.startsWith('[') ? base + rest : `${base}.${rest}`;
}

/** zod's "Invalid input: expected string, received number" reads better without its prefix,
 * and "received undefined" means the field is simply not there. */
export function issueText(issue: z.core.$ZodIssue): string {
  return issue.message
    .replace(/^Invalid input: /, '')
    .replace(/^expected (.+), received undefined$/, 'missing (expected $1)');
}

/** Shown as `path: message`, or just the message for the top level. */
export function located(path: string, message: string): string {
  return path ? `${path}: ${message}` : message;
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Walks a parsed value without recursion (so depth cannot overflow the stack, and a cyclic
 * object passed in by code stops at the depth limit) looking for forbidden keys and excessive
 * nesting. Returns the first problem in document order.
 */
export function checkTree(root: unknown, maxDepth: number): { path: string; message: string } | null {
  interface Frame {
    value: unknown;
    depth: number;
    parent: Frame | null;
    key: PropertyKey;
  }
  const pathOf = (f: Frame, last?: PropertyKey): string => {
    const segs: PropertyKey[] = last === undefined ? [] : [last];
    for (let cur: Frame | null = f; cur && cur.parent; cur = cur.parent) segs.unshift(cur.key);
    return formatPath(segs);
  };
  const stack: Frame[] = [{ value: root, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    if (typeof v !== 'object' || v === null) continue;
    if (f.depth >= maxDepth) {
      return { path: pathOf(f), message: `nested too deeply (more than ${maxDepth} levels)` };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: f.depth + 1, parent: f, key: i });
      continue;
    }
    const keys = Object.keys(v);
    for (const k of keys) {
      if (FORBIDDEN_KEYS.has(k)) return { path: pathOf(f, k), message: `forbidden key "${k}"` };
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      stack.push({ value: (v as Record<string, unknown>)[k], depth: f.depth + 1, parent: f, key: k });
    }
  }
  return null;
}

/** One item's outcome, before duplicate detection. */
export type ItemOutcome =
  | { index: number; path: string; annotation: Annotation }
  | { index: number; path: string; problem: { path: string; message: string } };

/**
 * Turns per-item outcomes into the result: later items repeating an id are invalid (the first
 * one wins, so the UI can show which copy is dropped), and a file with items but no valid one is
 * rejected whole, naming its first problem.
 */
export function collect(format: ImportFormat, outcomes: readonly ItemOutcome[]): ImportResult {
  const annotations: Annotation[] = [];
  const invalid: InvalidItem[] = [];
  const seen = new Map<string, string>();
  for (const o of outcomes) {
    if ('problem' in o) {
      invalid.push({ index: o.index, path: o.problem.path, message: o.problem.message });
      continue;
    }
    const first = seen.get(o.annotation.id);
    if (first !== undefined) {
      invalid.push({
        index: o.index,
        path: joinPath(o.path, 'id'),
        message: `duplicate id ${o.annotation.id} (first used at ${first})`,
      });
      continue;
    }
    seen.set(o.annotation.id, o.path);
    annotations.push(o.annotation);
  }
  if (annotations.length === 0 && invalid.length > 0) {
    const f = invalid[0]!;
    const n = outcomes.length;
    return {
      ok: false,
      error: `${located(f.path, f.message)} (no valid annotation in this file: ${invalid.length} of ${n} item${n === 1 ? '' : 's'} invalid)`,
    };
  }
  return { ok: true, format, annotations, invalid };
}
