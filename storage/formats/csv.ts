import { quoteOf, type Annotation } from '../model/annotation';
import { printableUrl } from './printable-url';

/**
 * CSV export for spreadsheets. RFC 4180: CRLF between records (and after the last), fields that
 * contain `"`, `,`, CR or LF are quoted with inner quotes doubled. A UTF-8 BOM goes first, or
 * Excel reads the file as the local ANSI code page and mangles Chinese.
 *
 * Formula injection: Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`,
 * `-`, `@`, tab or CR as a formula (`=HYPERLINK(...)` exfiltration, DDE). Quotes and notes come
 * from arbitrary web pages, so every such cell gets a leading `'`, which spreadsheets show as
 * text and hide. The cost: the CSV is not a faithful copy (a note "-5 °C" reads "'-5 °C" in a
 * text editor), which is why CSV is export-only and JSON-LD is the backup format.
 *
 * The assessment columns come last, so sheets and scripts reading the older columns by position
 * keep working: `verdict` and `claim_category` hold the ids (empty when there is none), and
 * `evidence` the links separated by one space, each through printableUrl so that no address
 * contains a space of its own.
 */

export const CSV_HEADER = [
  'id',
  'page_title',
  'url',
  'site',
  'quote',
  'prefix',
  'suffix',
  'note',
  'tags',
  'color',
  'created',
  'updated',
  'verdict',
  'evidence',
  'claim_category',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per annotation, in the order given. */
export function toCsv(annotations: readonly Annotation[]): string {
  const rows = annotations.map((a) => {
    const q = quoteOf(a);
    return [
      a.id,
      a.title,
      a.url,
      a.site,
      q.exact,
      q.prefix ?? '',
      q.suffix ?? '',
      a.note,
      a.tags.join('; '),
      a.color,
      a.created,
      a.updated,
      a.assessment?.verdict ?? '',
      (a.assessment?.evidence ?? []).map(printableUrl).join(' '),
      a.assessment?.claim?.category ?? '',
    ];
  });
  return '\uFEFF' + [[...CSV_HEADER], ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}
