import { RemoteError } from './remote';
import type { SyncError, SyncErrorKind } from './status';

/** What went wrong, as the kind the reader is told about (components/ui/sync words it). */
export function syncErrorOf(err: unknown, at: Date): SyncError {
  return { kind: kindOf(err), detail: detailOf(err).slice(0, 2000), at: at.toISOString() };
}

function kindOf(err: unknown): SyncErrorKind {
  if (err instanceof RemoteError) {
    switch (err.status) {
      case null:
        return 'unreachable';
      case 401:
        return 'unauthorized';
      case 403:
        return 'forbidden';
      case 404:
      case 409:
        return 'folder-missing';
      case 412:
        return 'conflict';
      case 507:
        return 'storage-full';
      default:
        return 'server';
    }
  }
  if (err instanceof Error) {
    // By name: errors cross module copies (the engine tests' plain codec makes its own).
    if (err.name === 'WrongPassphraseError' || err.name === 'WrongKeyError') return 'wrong-passphrase';
    if (err.name === 'DamagedFileError') return 'damaged';
    if (err.name === 'NoPermissionError') return 'no-permission';
  }
  return 'server';
}

function detailOf(err: unknown): string {
  if (err instanceof Error) {
    const file = (err as Error & { file?: unknown }).file;
    return typeof file === 'string' && !err.message.includes(file) ? `${file}: ${err.message}` : err.message;
  }
  return String(err);
}

/** Sync may not contact the server (the host permission is missing). */
export class NoPermissionError extends Error {
  override name = 'NoPermissionError';
}
