/**
 * A small HTTP proxy a test starts in front of a blog (WordPress, a Micropub server) to make the
 * blog's host misbehave on purpose. Everything it forwards goes through untouched, CORS preflights
 * and headers included, since the browser calls it cross-origin; only the mode decides what
 * goes wrong:
 * - 'pass': nothing.
 * - 'strip-authorization': the Authorization header is dropped, as some hosts do.
 * - 'lose-next-create': the next create (a POST to …/wp/v2/posts, or whatever `isCreate` says)
 *   reaches the blog and is answered there, then the client's connection is cut before it sees
 *   the answer; then back to 'pass'.
 * - 'status-500': every request but a preflight is answered 500 with an HTML page, as a host's
 *   error page would be, with the CORS headers a browser needs to read it.
 * - 'hang': every request but a preflight is never answered.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type BlogProxyMode =
  'pass' | 'strip-authorization' | 'lose-next-create' | 'status-500' | 'hang';

/** What the proxy saw: never the Authorization value, only whether there was one. */
export interface ProxiedRequest {
  method: string;
  /** Path and query string, as the client sent them. */
  path: string;
  hadAuthorization: boolean;
  /** The mode the request met. */
  mode: BlogProxyMode;
}

export interface BlogProxy {
  /** The proxy's origin, e.g. http://127.0.0.1:4567 (no trailing slash). */
  url: string;
  /** `times`: for 'lose-next-create', how many creates in a row to lose (default 1). */
  setMode(mode: BlogProxyMode, times?: number): void;
  requests(): ProxiedRequest[];
  stop(): Promise<void>;
}

export interface BlogProxyOptions {
  /** Which request 'lose-next-create' loses. By default a POST to a path ending in /wp/v2/posts. */
  isCreate?: (method: string, path: string) => boolean;
}

/** 'lose-next-create' with this as `isCreate` loses the next POST, whatever its path. */
export const anyPost = (method: string): boolean => method === 'POST';

/** A POST to WordPress's posts collection, pretty (/wp-json/wp/v2/posts) or ?rest_route= form. */
export function isWordPressCreate(method: string, path: string): boolean {
  if (method !== 'POST') return false;
  const url = new URL(path, 'http://proxy.invalid');
  const route = url.searchParams.get('rest_route') ?? url.pathname;
  return /\/wp\/v2\/posts\/?$/.test(route);
}

// Headers about one connection, which a proxy does not pass on.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
];

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  return out;
}

/** Starts a proxy on a free loopback port in front of `target` (an origin, maybe with a path). */
export async function startBlogProxy(
  target: string,
  options: BlogProxyOptions = {},
): Promise<BlogProxy> {
  const upstream = new URL(target);
  const prefix = upstream.pathname.replace(/\/$/, '');
  const isCreate = options.isCreate ?? isWordPressCreate;
  let mode: BlogProxyMode = 'pass';
  let toLose = 1;
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  function forward(req: IncomingMessage, headers: IncomingHttpHeaders, onAnswer: Answer): void {
    const out = httpRequest(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: prefix + (req.url ?? '/'),
        headers: { ...withoutHopByHop(headers), host: upstream.host },
      },
      onAnswer,
    );
    out.on('error', (err) => {
      req.socket.destroy(err);
    });
    req.pipe(out);
  }

  type Answer = (answer: IncomingMessage) => void;
  const relay =
    (res: ServerResponse): Answer =>
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(res);
    };

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const met = mode;
    seen.push({
      method,
      path,
      hadAuthorization: req.headers.authorization !== undefined,
      mode: met,
    });
    const preflight = method === 'OPTIONS';

    if (met === 'strip-authorization') {
      const { authorization: _dropped, ...headers } = req.headers;
      forward(req, headers, relay(res));
    } else if (met === 'lose-next-create' && isCreate(method, path)) {
      if (--toLose <= 0) mode = 'pass';
      forward(req, req.headers, (answer) => {
        answer.resume();
        answer.on('end', () => req.socket.destroy());
      });
    } else if (met === 'status-500' && !preflight) {
      req.resume();
      const origin = req.headers.origin;
      res.writeHead(500, {
        'Content-Type': 'text/html; charset=UTF-8',
        ...(origin
          ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' }
          : {}),
      });
      res.end('<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>');
    } else if (met === 'hang' && !preflight) {
      req.resume();
    } else {
      forward(req, req.headers, relay(res));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next, times = 1) {
      mode = next;
      toLose = times;
    },
    requests: () => seen.map((r) => ({ ...r })),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
