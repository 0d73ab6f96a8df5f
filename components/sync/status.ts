import { z } from 'zod';

/**
 * What the reader is told about sync, as data: the background keeps it, the options page and the
 * popup render it in words (components/ui/sync/). Errors are kinds, not sentences, so each page
 * says them in the reader's language with what to do about them.
 */
export const SYNC_ERROR_KINDS = [
  /** No answer: the server is down, unreachable, or the connection broke mid-request. */
  'unreachable',
  /** 401: the user name or app password is wrong (or the app password was revoked). */
  'unauthorized',
  /** 403: the account may not read or write that folder. */
  'forbidden',
  /** 404/409: the folder named at set-up is not on the server. */
  'folder-missing',
  /** 412 again after the bounded retries: another device kept writing the same name. */
  'conflict',
  /** 507: the account's storage is full. */
  'storage-full',
  /** A file on the server cannot be read: truncated, altered, or not Sourcemark's. */
  'damaged',
  /** The passphrase does not open this sync folder. */
  'wrong-passphrase',
  /** Sourcemark may not contact the server: the host permission was not granted or was removed. */
  'no-permission',
  /** Any other answer (5xx, an unexpected status). */
  'server',
] as const;
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

export const SyncErrorSchema = z.strictObject({
  kind: z.enum(SYNC_ERROR_KINDS),
  /** The technical detail (status line, file name), shown under the advice. */
  detail: z.string().max(2000),
  /** When it happened (ISO). */
  at: z.string(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

export interface SyncStatus {
  /** Whether sync is set up on this device. */
  configured: boolean;
  /** The server folder as the reader entered it (no password), or null. */
  server: string | null;
  user: string | null;
  /** A sync is running now. */
  running: boolean;
  /** Last sync that finished without error (ISO), or null. */
  lastSync: string | null;
  /** Local changes not yet on the server. */
  pending: number;
  /** The last sync's error, cleared by the next good one. */
  lastError: SyncError | null;
  /** Requests the last sync sent. */
  lastRequests: number;
  /** Newest daily backup on the server this device wrote or saw (YYYY-MM-DD), or null. */
  lastBackup: string | null;
  /** Notes and tags that lost to a newer change from another device, kept for the reader. */
  keptAside: number;
}

/** A set-up request as the options page sends it. The passphrase never reaches the disk. */
export const SyncSetupSchema = z.strictObject({
  /** The folder on the WebDAV server; Sourcemark keeps its files in `Sourcemark/` inside it. */
  url: z
    .string()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an http: or https: address' }),
  user: z.string().min(1).max(500),
  password: z.string().min(1).max(2000),
  passphrase: z.string().min(8).max(2000),
});
export type SyncSetup = z.infer<typeof SyncSetupSchema>;

/** One daily backup on the server. */
export interface BackupInfo {
  /** The file name (inside `Sourcemark/backups/`). */
  name: string;
  /** The day it was written (YYYY-MM-DD). */
  day: string;
  size: number;
}
