import { CATEGORY_NAMES } from '@/components/vocabulary/categories';
import { VERDICT_NAMES } from '@/components/vocabulary/verdicts';
import { quoteOf, type Annotation, type Assessment } from '../model/annotation';
import { printableUrl } from './printable-url';

/**
 * Markdown export for Obsidian / Logseq. Layout, per page:
 *
 *   ## <title, or the URL when there is none>
 *
 *   - URL: <https://…, as an autolink like the evidence below>
 *   - Date: <YYYY-MM-DD of the page's first annotation, as recorded, no time-zone conversion>
 *
 *   > quote line 1
 *   > quote line 2
 *
 *   - Verdict: Needs a source (needs-source)      (only when the reader assessed the passage)
 *   - Claim: Vague source (vague)                 (only for an assessed claim mark)
 *   - Evidence:                                   (only when there are evidence links)
 *     - <https://example.com/report>
 *
 *   note
 *
 *   #tag #two-words
 *
 * Pages are ordered by their first annotation's time; highlights within a page in reading order
 * (TextPositionSelector.start), those without a position after, by creation time.
 *
 * Escaping: titles and quotes are text from the web page, so characters that Markdown, Obsidian
 * or HTML would turn into markup are backslash-escaped (CommonMark escapes every ASCII
 * punctuation character): `\ ` * _ [ ] < > # ~ $ |`, plus `==` (Obsidian highlight), `%%`
 * (Obsidian comment) and `&` before an entity-like word. Quote lines also get their leading list
 * or rule markers escaped. Notes are the reader's own words and go through as written, so
 * Markdown typed there (links, [[wiki links]], emphasis) works in the notes app.
 * Tags: spaces become `-`, a leading `#` typed by the reader is not doubled.
 *
 * Verdicts and claim categories: the export has no language option, so the English name
 * followed by the id (the id is what the JSON-LD and CSV exports hold, so a reader can match them).
 * The page address and evidence links are autolinks `<…>` of printableUrl: no `<`, `>`, space or stray `%` is left in
 * them, and inside an autolink Markdown reads `)`, `[`, `*` or `_` as plain characters, so an
 * address cannot end the link early, open HTML or start emphasis.
 */

export interface MarkdownOptions {
  /** A `# heading` line at the top, e.g. "Sourcemark highlights". Omitted when not given. */
  heading?: string;
}

export function escapeMarkdownInline(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#~$|]/g, '\\$&')
    .replace(/==/g, '\\=\\=')
    .replace(/%%/g, '\\%\\%')
    // Numeric entities (&#60;) are already broken up by the escaped `#`.
    .replace(/&(?=[A-Za-z0-9]+;)/g, '\\&');
}

/** At the start of a line `-`, `+`, `1.` / `1)` would start a list or a rule (`---`);
 * a line of `=` or `-` under text would make the text a heading. */
export function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Page text as a `>` block quote, every line escaped (the audit report quotes claims this way too). */
export function quoteBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line === '' ? '>' : `> ${escapeLineStart(escapeMarkdownInline(line))}`))
    .join('\n');
}

export function markdownTag(tag: string): string {
  return `#${tag.trim().replace(/^#+/, '').replace(/\s+/g, '-')}`;
}

const time = (iso: string): number => Date.parse(iso);

function startOf(a: Annotation): number {
  const p = a.selectors.find((s) => s.type === 'TextPositionSelector');
  return p && p.type === 'TextPositionSelector' ? p.start : Number.POSITIVE_INFINITY;
}

function byReadingOrder(a: Annotation, b: Annotation): number {
  return startOf(a) - startOf(b) || time(a.created) - time(b.created) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const link = (url: string): string => `<${printableUrl(url)}>`;

function assessmentList(x: Assessment): string {
  const lines = [`- Verdict: ${VERDICT_NAMES.en[x.verdict]} (${x.verdict})`];
  if (x.claim) lines.push(`- Claim: ${CATEGORY_NAMES.en[x.claim.category]} (${x.claim.category})`);
  if (x.evidence.length > 0) lines.push('- Evidence:', ...x.evidence.map((u) => `  - ${link(u)}`));
  return lines.join('\n');
}

function highlight(a: Annotation): string {
  const parts = [quoteBlock(quoteOf(a).exact)];
  if (a.assessment) parts.push(assessmentList(a.assessment));
  if (a.note.trim() !== '') parts.push(a.note.replace(/\r\n?/g, '\n').trimEnd());
  if (a.tags.length > 0) parts.push(a.tags.map(markdownTag).join(' '));
  return parts.join('\n\n');
}

export function toMarkdown(annotations: readonly Annotation[], opts?: MarkdownOptions): string {
  const pages = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = pages.get(a.pageKey);
    if (list) list.push(a);
    else pages.set(a.pageKey, [a]);
  }
  const sections = [...pages.entries()]
    .map(([key, list]) => {
      const sorted = [...list].sort(byReadingOrder);
      const first = list.reduce((m, a) => (time(a.created) < time(m.created) ? a : m));
      return { key, sorted, first };
    })
    .sort((x, y) => time(x.first.created) - time(y.first.created) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map(({ sorted, first }) => {
      // The newest title wins: pages get retitled, and the latest is what the reader saw last.
      const newest = sorted.reduce((m, a) => (time(a.updated) > time(m.updated) ? a : m));
      const title = newest.title.replace(/\s+/g, ' ').trim();
      const heading = title !== '' ? escapeMarkdownInline(title) : escapeMarkdownInline(newest.url);
      const meta = `- URL: ${link(newest.url)}\n- Date: ${first.created.slice(0, 10)}`;
      return [`## ${heading}`, meta, ...sorted.map(highlight)].join('\n\n');
    });
  const top = opts?.heading ? [`# ${escapeMarkdownInline(opts.heading)}`] : [];
  return [...top, ...sections].join('\n\n') + '\n';
}
