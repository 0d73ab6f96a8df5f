/**
 * An HTTP proxy on 127.0.0.1 in front of a real WebDAV server, through which a test makes the
 * server misbehave on cue: answer a status it would not have, lose an answer, or go away in the
 * middle of a sync. Everything else passes through unchanged, streamed both ways.
 */
import http from 'node:http';
import type net from 'node:net';

export interface ProxyRequest {
  method: string;
  /** The path and query as the client sent them, e.g. `/Sourcemark/keys.json`. */
  path: string;
}

export interface LogEntry extends ProxyRequest {
  /** The status the client got, or null when it got no answer. */
  status: number | null;
}

export interface Match {
  /** Upper case, e.g. `PUT`; any method when absent. */
  method?: string;
  /** A part of the request path (as sent, percent-encoded); any path when absent. */
  pathIncludes?: string;
  /** How many matching requests this applies to (default 1). */
  times?: number;
}

export interface FaultProxy {
  /** The proxied folder URL (same path as the server's), ending in `/`. */
  url: string;
  /** Every request, in the order they arrived. */
  readonly log: LogEntry[];
  /** Answers the next matching request(s) with `status` and an empty body, without forwarding. */
  failNext(fault: Match & { status: number }): void;
  /**
   * Closes the connection of the next matching request(s) without an answer, once the request has
   * been received whole. With `afterForwarding`, the server carries the request out first and
   * only its answer is lost.
   */
  cutNext(fault: Match & { afterForwarding?: boolean }): void;
  /** Runs before each request is forwarded (or faulted), and is awaited; e.g. stop the server. */
  onRequest(hook: (req: ProxyRequest) => void | Promise<void>): void;
  /** Forgets pending faults and hooks (not the log). */
  reset(): void;
  close(): Promise<void>;
}

type Fault =
  | { kind: 'status'; match: Match; left: number; status: number }
  | { kind: 'cut'; match: Match; left: number; afterForwarding: boolean };

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const log: LogEntry[] = [];
  let faults: Fault[] = [];
  let hooks: ((req: ProxyRequest) => void | Promise<void>)[] = [];
  const sockets = new Set<net.Socket>();
  let origin = '';

  const take = (req: ProxyRequest): Fault | undefined => {
    const f = faults.find(
      (x) =>
        x.left > 0 &&
        (!x.match.method || x.match.method.toUpperCase() === req.method) &&
        (!x.match.pathIncludes || req.path.includes(x.match.pathIncludes)),
    );
    if (f) f.left--;
    return f;
  };

  const server = http.createServer((req, res) => {
    const entry: LogEntry = { method: req.method ?? 'GET', path: req.url ?? '/', status: null };
    log.push(entry);
    void handle(req, res, entry).catch((e: unknown) => {
      // A hook that threw: the test wanted something it did not get; make it visible as no answer.
      console.error(`fault proxy: ${entry.method} ${entry.path}:`, e);
      req.socket.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, entry: LogEntry): Promise<void> {
    for (const hook of hooks) await hook({ method: entry.method, path: entry.path });
    const fault = take(entry);
    if (fault?.kind === 'status') {
      await drain(req);
      entry.status = fault.status;
      res.writeHead(fault.status, { 'Content-Length': '0' });
      res.end();
      return;
    }
    if (fault?.kind === 'cut' && !fault.afterForwarding) {
      await drain(req);
      req.socket.destroy();
      return;
    }
    const upstream = http.request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...rewriteHeaders(req.headers, origin, target.origin), host: target.host },
    });
    upstream.on('response', (up) => {
      if (fault?.kind === 'cut') {
        // The server did it; the client never hears.
        up.resume();
        up.on('end', () => req.socket.destroy());
        return;
      }
      entry.status = up.statusCode ?? null;
      res.writeHead(up.statusCode ?? 502, up.statusMessage, rewriteHeaders(up.headers, target.origin, origin));
      up.pipe(res);
    });
    // The server is down or dropped the connection: the client must see what it would have seen
    // without the proxy, which is no answer, not a 502 from the proxy.
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}${target.pathname.endsWith('/') ? target.pathname : `${target.pathname}/`}`,
    log,
    failNext: ({ status, times = 1, ...match }) => void faults.push({ kind: 'status', match, left: times, status }),
    cutNext: ({ afterForwarding = false, times = 1, ...match }) =>
      void faults.push({ kind: 'cut', match, left: times, afterForwarding }),
    onRequest: (hook) => void hooks.push(hook),
    reset() {
      faults = [];
      hooks = [];
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * MOVE and COPY name their target in `Destination` as a full URL, and servers refuse one on
 * another host or port (Apache: 502); answers may carry `Location`. Each must name the origin
 * that side knows.
 */
function rewriteHeaders(headers: http.IncomingHttpHeaders, from: string, to: string): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  for (const name of ['destination', 'location']) {
    const v = out[name];
    if (typeof v === 'string' && v.startsWith(from)) out[name] = to + v.slice(from.length);
  }
  return out;
}

function drain(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete) return resolve();
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.resume();
  });
}
