/**
 * What the reader is told when storage fails, the same words wherever the failure surfaces: in
 * the background's answer to a content script, and in the popup and options pages, which open
 * the database themselves.
 */

/** Quota errors get words a reader understands; others keep their own message. */
export function errorMessage(err: unknown): string {
  if (isQuotaError(err)) {
    return 'storage full: the browser refused to save (quota exceeded); nothing was written';
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * A QuotaExceededError, as IndexedDB or Dexie reports it: the error itself, Dexie's wrapper
 * (`inner`), or one of the failures of a bulk write (Dexie's BulkError lists them in `failures`),
 * where a full disk in the middle of a bulkPut otherwise reads as "301 of 500 operations failed".
 */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { name?: unknown; inner?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (isQuotaError(e.inner, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}
