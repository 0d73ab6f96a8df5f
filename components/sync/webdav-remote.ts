/**
 * The sync folder on the reader's own WebDAV server, as a `Remote`.
 *
 * Built on the `webdav` package, whose `browser` build (dist/web, which WXT bundles) takes `fetch`
 * from `self` when it runs in a worker: it needs no window, XMLHttpRequest or DOMParser (its XML
 * parser is fast-xml-parser), so it works in the MV3 service worker. Under Node (the e2e tests)
 * the package would use node-fetch instead; every request here goes through `fetch` below, so
 * both run the same WHATWG fetch.
 */
import { createClient, getPatcher, type FileStat } from 'webdav';
import { RemoteError, type Remote, type RemoteFile } from './remote';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface WebdavRemoteOptions {
  /** The sync folder, with or without a trailing `/`. */
  folderUrl: string;
  user: string;
  password: string;
  /** Defaults to the global fetch, looked up at each request. */
  fetch?: FetchLike;
}

/**
 * What one call of a remote's method saw, keyed by an id that rides along as a request header.
 * The package lets one replace its fetch only globally (its "hot patcher"); the header is how
 * the single global replacement finds the remote, and so the fetch and counter, a request
 * belongs to, even when several remotes (the tests' devices) run at once.
 */
interface Call {
  fetch: FetchLike;
  sent(): void;
  /** The status of the last answer, or null while none came. */
  status: number | null;
  /** Why the last request got no (complete) answer. */
  failure: unknown;
}

const CALL_HEADER = 'x-sourcemark-call';
/** Generous: a first sync uploads the whole library in one file over a reader's home uplink. */
const REQUEST_TIMEOUT_MS = 120_000;

const calls = new Map<string, Call>();
let nextCall = 0;

getPatcher().patch('fetch', (...args: unknown[]) => routedFetch(args[0] as string, (args[1] ?? {}) as RequestInit));

async function routedFetch(url: string, init: RequestInit): Promise<Response> {
  // The package passes headers as a plain object (its mergeHeaders builds one).
  const headers = { ...(init.headers as Record<string, string> | undefined) };
  const id = takeHeader(headers, CALL_HEADER);
  const call = id === undefined ? undefined : calls.get(id);
  if (!call) return globalThis.fetch(url, { ...init, headers });
  call.sent();
  call.status = null;
  call.failure = null;
  try {
    // A server that takes the connection and never answers would hold the sync (and every sync
    // queued behind it) for ever; the timeout makes it "no answer", like a server that is down.
    const res = await call.fetch(url, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    // Read the whole body here, so that a connection that breaks mid-answer counts as no answer
    // rather than surfacing later as an error the package raises while parsing.
    // (204, 205 and 304 may not have one: the Response constructor would throw.)
    const body = res.status === 204 || res.status === 205 || res.status === 304 ? null : await res.arrayBuffer();
    call.status = res.status;
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  } catch (e) {
    call.failure = e;
    throw e;
  }
}

export function createWebdavRemote(opts: WebdavRemoteOptions): Remote {
  const folder = new URL(opts.folderUrl);
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  const client = createClient(folder.href, {
    // Built here rather than by the package, whose base64 throws on any character beyond
    // Latin-1 (a Chinese password); UTF-8 as browsers send it (RFC 7617's charset).
    headers: { Authorization: basicAuth(opts.user, opts.password) },
  });
  const fetchFn: FetchLike = opts.fetch ?? ((url, init) => globalThis.fetch(url, init));
  // Counts calls of fetch, answered or not. Chrome resends a request on its own, unseen here,
  // when a reused connection closes before any answer (the server may then see it twice).
  let requests = 0;

  /** Runs one package call with its requests routed through this remote's fetch and counter. */
  async function run<T>(method: string, target: string, op: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    const path = target === '' ? '(sync folder)' : target;
    const id = String(nextCall++);
    const call: Call = { fetch: fetchFn, sent: () => void requests++, status: null, failure: null };
    calls.set(id, call);
    try {
      return await op({ [CALL_HEADER]: id });
    } catch (e) {
      throw toRemoteError(method, path, call, e);
    } finally {
      calls.delete(id);
    }
  }

  return {
    get requests() {
      return requests;
    },

    async list(dir) {
      const res = await run('PROPFIND', dir, (headers) =>
        client.getDirectoryContents(dir, { details: true, headers }),
      );
      return res.data.filter((s) => s.basename !== '').map(toRemoteFile);
    },

    async get(path) {
      const data = await run('GET', path, (headers) => client.getFileContents(path, { format: 'binary', headers }));
      // An ArrayBuffer from the browser build, a Buffer (a Uint8Array) from the Node one.
      if (data instanceof ArrayBuffer || data instanceof Uint8Array) return new Uint8Array(data);
      throw new RemoteError(null, `GET ${path}: unexpected body type`);
    },

    async put(path, bytes, { ifNoneMatch = false } = {}) {
      const written = await run('PUT', path, (headers) =>
        // An ArrayBuffer of exactly these bytes: the package sends a Uint8Array as JSON (its
        // body conversion knows Buffer and ArrayBuffer only). No Content-Length from the package:
        // fetch sets it, and refuses or duplicates a hand-set one depending on the runtime.
        // `overwrite: false` is what sends `If-None-Match: *`.
        client.putFileContents(path, bytes.slice().buffer, { overwrite: !ifNoneMatch, contentLength: false, headers }),
      );
      // The package turns the 412 of a refused create-only write into `false`.
      if (!written) throw new RemoteError(412, `PUT ${path}: 412 (exists; If-None-Match: *)`);
    },

    async move(from, to, { overwrite }) {
      // `overwrite: false` sends `Overwrite: F`; the package sends `T` otherwise.
      await run('MOVE', `${from} -> ${to}`, (headers) => client.moveFile(from, to, { overwrite, headers }));
    },

    async remove(path) {
      try {
        await run('DELETE', path, (headers) => client.deleteFile(path, { headers }));
      } catch (e) {
        if (!(e instanceof RemoteError && e.status === 404)) throw e;
      }
    },

    async makeFolder(path) {
      try {
        await run('MKCOL', path, (headers) => client.createDirectory(path, { headers }));
      } catch (e) {
        // RFC 4918: MKCOL on an existing resource is 405. (rclone answers 201 instead.) A *file*
        // of that name also gets 405 from rclone, and then the next write under it fails.
        if (!(e instanceof RemoteError && e.status === 405)) throw e;
      }
    },
  };
}

function toRemoteFile(s: FileStat): RemoteFile {
  // The package's own `etag` drops every `"`, which turns `W/"x"` into `W/x`; the raw property
  // keeps the server's form. The XML parser turns an all-digit value into a number.
  const raw: unknown = s.props?.getetag;
  const etag = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : null;
  return {
    name: s.basename,
    etag: etag === '' ? null : etag,
    size: Number.isFinite(s.size) ? s.size : 0,
    folder: s.type === 'directory',
  };
}

function toRemoteError(method: string, path: string, call: Call, e: unknown): RemoteError {
  if (e instanceof RemoteError) return e;
  if (call.failure !== null) return new RemoteError(null, `${method} ${path}: no answer (${describe(call.failure)})`);
  const status = (e as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return new RemoteError(status, `${method} ${path}: ${status}`);
  // An answer came but made no sense (not WebDAV XML: a login page, a proxy's error page).
  return new RemoteError(call.status, `${method} ${path}: ${call.status ?? 'no'} answer unreadable (${describe(e)})`);
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // Node's fetch says only "fetch failed" and keeps the reason (ECONNREFUSED...) in `cause`.
  return e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message;
}

function takeHeader(headers: Record<string, string>, name: string): string | undefined {
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name) {
      const value = headers[key];
      delete headers[key];
      return value;
    }
  }
  return undefined;
}

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}
