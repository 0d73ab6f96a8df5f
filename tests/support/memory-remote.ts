import { RemoteError, type Remote, type RemoteFile } from '@/components/sync/remote';

/**
 * An in-memory WebDAV server with the semantics the sync engine relies on, for the property test
 * and the engine's unit tests. Like Apache it honours `Overwrite: F` and `If-None-Match: *`; it
 * can drop into rclone's habit of ignoring them (`honourConditions = false`), fail the next
 * matching request, or lose the answer of a request it carried out.
 */
export class MemoryRemote implements Remote {
  readonly files = new Map<string, { bytes: Uint8Array; etag: string }>();
  readonly folders = new Set<string>(['']);
  requests = 0;
  honourConditions = true;
  private nextEtag = 1;
  private faults: { method: string; path?: string; status: number | null; after?: boolean }[] = [];
  readonly log: string[] = [];

  /** The next `method` (on a path containing `path`) fails with `status` (null: no answer). */
  failNext(method: string, status: number | null, path?: string): void {
    this.faults.push({ method, status, path });
  }

  /** The next `method` is carried out but its answer is lost (the connection drops). */
  loseAnswerOfNext(method: string, path?: string): void {
    this.faults.push({ method, status: null, path, after: true });
  }

  clearFaults(): void {
    this.faults = [];
  }

  async list(folder: string): Promise<RemoteFile[]> {
    this.begin('PROPFIND', folder);
    if (!this.folders.has(folder)) throw new RemoteError(404, `PROPFIND ${folder}: 404`);
    const prefix = folder ? `${folder}/` : '';
    const out: RemoteFile[] = [];
    for (const [p, f] of this.files) {
      if (p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) {
        out.push({ name: p.slice(prefix.length), etag: f.etag, size: f.bytes.length, folder: false });
      }
    }
    for (const d of this.folders) {
      if (d && d.startsWith(prefix) && d !== folder && !d.slice(prefix.length).includes('/')) {
        out.push({ name: d.slice(prefix.length), etag: null, size: 0, folder: true });
      }
    }
    return this.end('PROPFIND', folder, out);
  }

  async get(path: string): Promise<Uint8Array> {
    this.begin('GET', path);
    const f = this.files.get(path);
    if (!f) throw new RemoteError(404, `GET ${path}: 404`);
    return this.end('GET', path, f.bytes.slice());
  }

  async put(path: string, bytes: Uint8Array, opts: { ifNoneMatch?: boolean } = {}): Promise<void> {
    this.begin('PUT', path);
    this.parentMustExist(path);
    if (opts.ifNoneMatch && this.honourConditions && this.files.has(path)) throw new RemoteError(412, `PUT ${path}: 412`);
    this.files.set(path, { bytes: bytes.slice(), etag: `"${this.nextEtag++}"` });
    this.end('PUT', path, undefined);
  }

  async move(from: string, to: string, opts: { overwrite: boolean }): Promise<void> {
    this.begin('MOVE', from);
    const f = this.files.get(from);
    if (!f) throw new RemoteError(404, `MOVE ${from}: 404`);
    this.parentMustExist(to);
    if (!opts.overwrite && this.honourConditions && this.files.has(to)) throw new RemoteError(412, `MOVE ${to}: 412`);
    this.files.delete(from);
    this.files.set(to, f);
    this.end('MOVE', from, undefined);
  }

  async remove(path: string): Promise<void> {
    this.begin('DELETE', path);
    this.files.delete(path);
    for (const d of [...this.folders]) if (d === path || d.startsWith(`${path}/`)) this.folders.delete(d);
    for (const p of [...this.files.keys()]) if (p.startsWith(`${path}/`)) this.files.delete(p);
    this.end('DELETE', path, undefined);
  }

  async makeFolder(path: string): Promise<void> {
    this.begin('MKCOL', path);
    this.parentMustExist(path);
    this.folders.add(path);
    this.end('MKCOL', path, undefined);
  }

  /** Names of the files in a folder. */
  names(folder: string): string[] {
    return [...this.files.keys()].filter((p) => p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes('/')).map((p) => p.slice(folder.length + 1)).sort();
  }

  private parentMustExist(path: string): void {
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (!this.folders.has(parent)) throw new RemoteError(409, `${path}: 409 (no parent folder)`);
  }

  private begin(method: string, path: string): void {
    this.requests++;
    this.log.push(`${method} ${path}`);
    const i = this.faults.findIndex((f) => !f.after && f.method === method && (!f.path || path.includes(f.path)));
    if (i >= 0) {
      const [f] = this.faults.splice(i, 1);
      throw new RemoteError(f!.status, `${method} ${path}: ${f!.status ?? 'no answer'}`);
    }
  }

  private end<T>(method: string, path: string, value: T): T {
    const i = this.faults.findIndex((f) => f.after && f.method === method && (!f.path || path.includes(f.path)));
    if (i >= 0) {
      this.faults.splice(i, 1);
      throw new RemoteError(null, `${method} ${path}: connection lost after the server acted`);
    }
    return value;
  }
}
