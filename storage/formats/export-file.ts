import { browser } from 'wxt/browser';
import type { Annotation } from '../model/annotation';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import type { SourcemarkDB } from '../db/db';
import { toCsv } from './csv';
import { exportFileName, type ExportKind } from './filename';
import { toJsonLd } from './jsonld';
import { toMarkdown } from './markdown';
import { scanTable } from '../db/queries';

/**
 * Builds an export file in the page (popup or options) and hands it to the `downloads` API.
 * Reading is what takes time with many annotations, so it goes in chunks and reports progress;
 * the formats themselves (storage/formats) are pure functions over the list.
 */

export type Progress = (done: number, total: number) => void;

/** Every annotation, read a chunk at a time (see scanTable) with progress. */
export async function readAll(db: SourcemarkDB, onProgress?: Progress, signal?: AbortSignal): Promise<Annotation[]> {
  const total = await db.annotations.count();
  const out: Annotation[] = [];
  onProgress?.(0, total);
  await scanTable(
    db,
    (batch) => {
      out.push(...batch);
      onProgress?.(out.length, Math.max(total, out.length));
    },
    { signal },
  );
  return out;
}

const MIME: Record<ExportKind, string> = {
  jsonld: 'application/ld+json',
  md: 'text/markdown',
  csv: 'text/csv',
};

/**
 * The export file's text. Snapshots travel in JSON-LD only (the backup and exchange format);
 * Markdown and CSV are views of the annotations.
 */
export function exportText(
  annotations: readonly Annotation[],
  kind: ExportKind,
  now: Date = new Date(),
  snapshots: readonly ArticleSnapshot[] = [],
): string {
  // Chronological in every format: the order the reader made them, stable between exports.
  const sorted = [...annotations].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
  switch (kind) {
    case 'jsonld':
      return `${JSON.stringify(toJsonLd(sorted, { generated: now, snapshots: [...snapshots].sort((a, b) => (a.taken < b.taken ? -1 : 1)) }), null, 2)}\n`;
    case 'md':
      return toMarkdown(sorted, { heading: 'Sourcemark' });
    case 'csv':
      return toCsv(sorted);
  }
}

/** Saves the file through the downloads API (no "save as" dialog) and returns its name. */
/** The snapshots of the pages these annotations are on (all of them for a whole export). */
export async function snapshotsFor(db: SourcemarkDB, annotations: readonly Annotation[] | 'all'): Promise<ArticleSnapshot[]> {
  if (annotations === 'all') return db.snapshots.toArray();
  const keys = [...new Set(annotations.map((a) => a.pageKey))];
  return (await db.snapshots.bulkGet(keys)).filter((s): s is ArticleSnapshot => s !== undefined);
}

export async function downloadExport(
  annotations: readonly Annotation[],
  kind: ExportKind,
  scope?: string,
  now: Date = new Date(),
  snapshots: readonly ArticleSnapshot[] = [],
): Promise<string> {
  const filename = exportFileName(kind, now, scope);
  await downloadText(exportText(annotations, kind, now, snapshots), filename, MIME[kind]);
  return filename;
}

/** Saves text as a file in the Downloads folder (no "save as" dialog). */
export async function downloadText(text: string, filename: string, mime: string): Promise<void> {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  try {
    await browser.downloads.download({ url, filename, saveAs: false });
  } finally {
    // The download has started reading the blob by now; keep the URL a while for slow disks.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
