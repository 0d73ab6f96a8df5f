/**
 * Download names: `sourcemark-2026-11-25.jsonld`, or with a scope (a site, a page title)
 * `sourcemark-2026-11-25-163.com.md`. The date is the user's local calendar date, since that is
 * the day they will look for. Scopes keep letters and digits of any script (a Chinese title
 * stays readable), `.`, `_` and `-`; every other run of characters (slashes, spaces, quotes,
 * control and bidi characters, emoji) becomes one `-`, and the scope is capped at 60 characters,
 * so the name is safe on Windows, macOS and Linux.
 */

export type ExportKind = 'jsonld' | 'md' | 'csv';

const EXTENSIONS: Record<ExportKind, string> = { jsonld: 'jsonld', md: 'md', csv: 'csv' };
const MAX_SCOPE = 60;

function sanitiseScope(scope: string): string {
  const cleaned = scope
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  // Cut by code points so no surrogate pair is split, then re-trim the cut end.
  return Array.from(cleaned).slice(0, MAX_SCOPE).join('').replace(/[-._]+$/, '');
}

export function exportFileName(kind: ExportKind, date: Date, scope?: string): string {
  return datedName('sourcemark', date, scope, EXTENSIONS[kind]);
}

/** One article's audit report: `sourcemark-audit-2026-12-06-<title>.html` (or `.md`). */
export function auditFileName(kind: 'md' | 'html', date: Date, title: string): string {
  return datedName('sourcemark-audit', date, title, kind);
}

function datedName(prefix: string, date: Date, scope: string | undefined, ext: string): string {
  if (Number.isNaN(date.getTime())) throw new Error('exportFileName: invalid date');
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  const s = scope ? sanitiseScope(scope) : '';
  return `${prefix}-${y}-${m}-${d}${s ? `-${s}` : ''}.${ext}`;
}
