import { browser } from 'wxt/browser';
import type { Annotation } from '../model/annotation';
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

export function exportText(annotations: readonly Annotation[], kind: ExportKind, now: Date = new Date()): string {
  // Chronological in every format: the order the reader made them, stable between exports.
  const sorted = [...annotations].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
  switch (kind) {
    case 'jsonld':
      return `${JSON.stringify(toJsonLd(sorted, { generated: now }), null, 2)}\n`;
    case 'md':
      return toMarkdown(sorted, { heading: 'Sourcemark' });
    case 'csv':
      return toCsv(sorted);
  }
}

/** Saves the file through the downloads API (no "save as" dialog) and returns its name. */
export async function downloadExport(
  annotations: readonly Annotation[],
  kind: ExportKind,
  scope?: string,
  now: Date = new Date(),
): Promise<string> {
  const filename = exportFileName(kind, now, scope);
  const blob = new Blob([exportText(annotations, kind, now)], { type: `${MIME[kind]};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  try {
    await browser.downloads.download({ url, filename, saveAs: false });
  } finally {
    // The download has started reading the blob by now; keep the URL a while for slow disks.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return filename;
}
