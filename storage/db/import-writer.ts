import { AnnotationSchema, type Annotation } from '../model/annotation';
import type { SourcemarkDB } from './db';
import type { InvalidItem } from '../formats/import-result';
import { scanTable } from './queries';

/**
 * Writes what storage/formats/import.ts parsed. Two steps so the reader decides with the facts in
 * front of them: `previewImport` only reads and says what would happen; `writeImport` writes it
 * in one transaction, so an import either lands whole or not at all (a quota error or a bad
 * record half-way leaves the database as it was).
 */

export interface ImportPreview {
  /** Ids not in the database yet. */
  new: string[];
  /** Ids already stored with exactly this content: importing them changes nothing. */
  present: string[];
  /** Ids already stored with different content (a newer note, another colour…). */
  changed: string[];
  /** Items of the file that cannot be imported, as the parser listed them. */
  invalid: InvalidItem[];
}

/** `skip` keeps what is stored for ids already present; `update` replaces changed ones. */
export type ImportMode = 'skip' | 'update';

export interface ImportOutcome {
  added: number;
  updated: number;
  /** Present, unchanged, skipped by mode, or repeated in the input. */
  unchanged: number;
  /** Pages whose annotations changed: open tabs of these pages should reload theirs. */
  pageKeys: string[];
  /** What was written (sync records each as a change). */
  written: Annotation[];
}

/** Key order differs between a parsed file and a stored record; content is what counts. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}

export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return canonical(a) === canonical(b);
}

/** The first of each id; later repeats are dropped (the parser already reports them as invalid). */
function firstOfEachId(annotations: readonly Annotation[]): Annotation[] {
  const seen = new Set<string>();
  return annotations.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

/** Above this many ids, reading the table in chunks beats one `get` request per id (each an IPC
 * round trip in Chromium). */
const BULK_GET_MAX = 200;

/** The stored records with these ids. */
async function storedVersions(db: SourcemarkDB, ids: readonly string[]): Promise<Map<string, Annotation>> {
  const out = new Map<string, Annotation>();
  if (ids.length <= BULK_GET_MAX) {
    (await db.annotations.bulkGet([...ids])).forEach((a) => a && out.set(a.id, a));
    return out;
  }
  const wanted = new Set(ids);
  await scanTable(db, (batch) => batch.forEach((a) => wanted.has(a.id) && out.set(a.id, a)));
  return out;
}

export async function previewImport(
  db: SourcemarkDB,
  annotations: readonly Annotation[],
  invalid: readonly InvalidItem[] = [],
): Promise<ImportPreview> {
  const unique = firstOfEachId(annotations);
  const stored = await storedVersions(db, unique.map((a) => a.id));
  const preview: ImportPreview = { new: [], present: [], changed: [], invalid: [...invalid] };
  unique.forEach((a) => {
    const old = stored.get(a.id);
    if (!old) preview.new.push(a.id);
    else if (sameAnnotation(old, a)) preview.present.push(a.id);
    else preview.changed.push(a.id);
  });
  return preview;
}

const WRITE_CHUNK = 500;

/**
 * Validates every annotation again (a caller may not have come through the parser), then writes
 * new ones and, in `update` mode, changed ones, all in one read-write transaction. Any error
 * inside (a record the schema refuses, a failing put, quota) aborts the transaction: nothing of
 * this import stays, and the error is thrown to the caller.
 */
export async function writeImport(
  db: SourcemarkDB,
  annotations: readonly Annotation[],
  mode: ImportMode,
  opts: { onProgress?: (written: number, total: number) => void } = {},
): Promise<ImportOutcome> {
  const unique = firstOfEachId(annotations);
  return db.transaction('rw', db.annotations, async () => {
    const valid = unique.map((a) => AnnotationSchema.parse(a));
    const stored = await storedVersions(db, valid.map((a) => a.id));
    const toWrite: Annotation[] = [];
    let added = 0;
    let updated = 0;
    valid.forEach((a) => {
      const old = stored.get(a.id);
      if (!old) {
        added++;
        toWrite.push(a);
      } else if (mode === 'update' && !sameAnnotation(old, a)) {
        updated++;
        toWrite.push(a);
      }
    });
    opts.onProgress?.(0, toWrite.length);
    for (let i = 0; i < toWrite.length; i += WRITE_CHUNK) {
      await db.annotations.bulkPut(toWrite.slice(i, i + WRITE_CHUNK));
      opts.onProgress?.(Math.min(i + WRITE_CHUNK, toWrite.length), toWrite.length);
    }
    return {
      added,
      updated,
      unchanged: annotations.length - added - updated,
      pageKeys: [...new Set(toWrite.map((a) => a.pageKey))],
      written: toWrite,
    };
  });
}
