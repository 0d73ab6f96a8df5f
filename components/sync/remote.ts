/**
 * What the sync engine needs of a WebDAV server, and no more: the engine is written against this
 * so that the property test can run it over an in-memory model (tests/support/memory-remote.ts)
 * and the background over real servers (./webdav-remote.ts).
 *
 * Paths are relative to the sync folder (`Sourcemark/` inside the folder the reader named), with
 * `/` between parts and no leading slash: `keys.json`, `backups/2026-12-05.<device>.bak`.
 */

export interface RemoteFile {
  /** The file's name inside the listed folder (no path). */
  name: string;
  /** The server's ETag, weak or strong, as it sent it; null when it sends none. */
  etag: string | null;
  size: number;
  /** True for a folder. */
  folder: boolean;
}

export interface Remote {
  /** The folder's direct children (PROPFIND Depth: 1). 404 when the folder does not exist. */
  list(folder: string): Promise<RemoteFile[]>;
  /** A file's bytes. 404 when it does not exist. */
  get(path: string): Promise<Uint8Array>;
  /**
   * Writes a file. `ifNoneMatch` asks the server to refuse (412) if the file exists; servers
   * that ignore the header overwrite, so callers use it as an optimisation only.
   */
  put(path: string, bytes: Uint8Array, opts?: { ifNoneMatch?: boolean }): Promise<void>;
  /** Renames a file; with `overwrite: false` the server answers 412 if `to` exists. */
  move(from: string, to: string, opts: { overwrite: boolean }): Promise<void>;
  /** Deletes a file or folder; a missing one is not an error. */
  remove(path: string): Promise<void>;
  /** Creates a folder (MKCOL); an existing one is not an error. 409 when its parent is missing. */
  makeFolder(path: string): Promise<void>;
  /** How many requests this remote has sent (the bench and the status report them). */
  readonly requests: number;
}

/**
 * A failed request. `status` is the HTTP status, or null when no answer came (the server is
 * down, the connection broke, the address does not resolve).
 */
export class RemoteError extends Error {
  override name = 'RemoteError';
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}
