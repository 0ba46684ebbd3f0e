/**
 * A writer's IndieWeb site for tests, started in-process on 127.0.0.1: a home page with an h-card
 * that advertises IndieAuth and Micropub, an IndieAuth server (indieauth-server.ts), a Micropub
 * endpoint (micropub-endpoint.ts) and the posts it made (micropub-store.ts), with CORS for a
 * browser app on another origin and modes that make the endpoint fail in chosen ways.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  answerPreflight,
  corsHeaders,
  escapeHtml,
  HttpError,
  page,
  send,
  sendError,
  sendHtml,
} from './http-kit';
import { INDIEAUTH_PATHS, IndieAuthServer, type IssuedToken } from './indieauth-server';
import { handleMicropub } from './micropub-endpoint';
import { MicropubStore, type StoredPost } from './micropub-store';

export type { IssuedToken } from './indieauth-server';
export type { StoredPost } from './micropub-store';

/**
 * How the Micropub endpoint behaves: 'pass' answers normally; 'lose-next-create' stores the next
 * created post then drops the connection without answering (then back to 'pass'); 'status-500'
 * answers every request with 500 and stores nothing; 'hang' never answers.
 */
export type SiteMode = 'pass' | 'lose-next-create' | 'status-500' | 'hang';

export interface MicropubSiteOptions {
  /** Which rels the home page advertises: the 2022+ indieauth-metadata (default) or the legacy
   *  authorization_endpoint + token_endpoint, or both. */
  discovery?: 'metadata' | 'legacy' | 'both';
  /** Where the home page advertises them: HTTP Link headers and HTML <link>s (default), or one. */
  links?: 'both' | 'header' | 'html';
  /** Advertise relative URLs (clients must resolve them against the page). Default false. */
  relativeLinks?: boolean;
  /** false: the home page sends no CORS headers (the other endpoints still do). Default true. */
  cors?: boolean;
  /** Approve sign-in requests at once, without the consent page. Default false. */
  autoApprove?: boolean;
  /** Grant this scope whatever the client asks for (e.g. 'create' to test refused updates). */
  grantScope?: string;
  /** The status for insufficient_scope. Default 403 (IndieAuth §8.1, RFC 6750); the Micropub
   *  Recommendation (§3.8) says 401. */
  insufficientScopeStatus?: 401 | 403;
  /** The writer's name on the h-card. */
  name?: string;
  /** The clock (ms since the epoch): code expiry and `published`. Default Date.now. */
  now?: () => number;
}

/** One request the site received. The token is never recorded, only whether one was sent. */
export interface RecordedRequest {
  method: string;
  /** Path and query, with any access_token in the query masked. */
  path: string;
  origin: string | null;
  auth: boolean;
  /** The status answered; undefined while hanging or when the connection was dropped. */
  status?: number;
}

export interface MicropubSite {
  /** The site's origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** The writer's canonical profile URL (`${url}/`), as the token endpoint returns it. */
  me: string;
  /** The issuer identifier, as in the metadata and the `iss` redirect parameter. */
  issuer: string;
  endpoints: {
    metadata: string;
    authorization: string;
    token: string;
    introspection: string;
    revocation: string;
    micropub: string;
  };
  stop(): Promise<void>;
  posts(): StoredPost[];
  tokens(): IssuedToken[];
  setMode(mode: SiteMode): void;
  requests(): RecordedRequest[];
  /** Issues a token without the sign-in flow. */
  issueToken(scope: string, clientId?: string): string;
  /** Revokes every token (the writer signed the app out on their site). */
  revokeTokens(): void;
}

const MICROPUB_PATH = '/micropub';

/** Starts a test site on a free port of 127.0.0.1. */
export async function startMicropubSite(options: MicropubSiteOptions = {}): Promise<MicropubSite> {
  const now = options.now ?? Date.now;
  const name = options.name ?? 'Sam Writer';
  let mode: SiteMode = 'pass';
  const log: RecordedRequest[] = [];
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const me = `${base}/`;
  const auth = new IndieAuthServer({
    base,
    me,
    name,
    autoApprove: options.autoApprove ?? false,
    grantScope: options.grantScope,
    now,
  });
  const store = new MicropubStore(base, now);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) {
        const headers: Record<string, string> = {};
        if (error.status === 401 || error.error === 'insufficient_scope') {
          const detail = error.error === 'unauthorized' ? '' : `, error="${error.error}"`;
          headers['WWW-Authenticate'] = `Bearer realm="${base}"${detail}`;
        }
        return sendError(res, error.status, error.error, error.description, headers);
      }
      console.error('micropub test site:', error);
      sendError(res, 500, 'server_error', 'The test site failed');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const entry: RecordedRequest = {
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search.replace(/access_token=[^&]*/g, 'access_token=***')}`,
      origin: req.headers.origin ?? null,
      auth: req.headers.authorization !== undefined,
    };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const cors = url.pathname !== '/' || options.cors !== false;
    if (cors) for (const [k, v] of Object.entries(corsHeaders(req))) res.setHeader(k, v);
    if (req.method === 'OPTIONS') return answerPreflight(req, res, cors);

    if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      return homePage(res);
    }
    const post = /^\/posts\/([^/]+)$/.exec(url.pathname);
    if (post && req.method === 'GET') return postPage(res, `${base}${url.pathname}`);
    if (url.pathname === MICROPUB_PATH) return micropub(req, res, url, entry);
    if (await auth.handle(req, res, url)) return;
    sendError(res, 404, 'not_found', `Nothing at ${req.method} ${url.pathname}`);
  }

  async function micropub(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    entry: RecordedRequest,
  ): Promise<void> {
    if (mode === 'hang') return;
    if (mode === 'status-500') return sendError(res, 500, 'server_error', 'Test mode status-500');
    const { created } = await handleMicropub(req, res, url, {
      store,
      lookup: (token) => auth.active(token),
      insufficientScopeStatus: options.insufficientScopeStatus ?? 403,
      noteAuth: (present) => (entry.auth = present),
      mediaBase: `${base}/media`,
    });
    if (created === undefined) return;
    if (mode === 'lose-next-create') {
      mode = 'pass';
      // The post exists but the client never hears so: the case a retry must not duplicate.
      req.socket.destroy();
      return;
    }
    send(res, 201, '', { Location: created });
  }

  function endpointLinks(): [rel: string, href: string][] {
    const href = (path: string) => (options.relativeLinks ? path : `${base}${path}`);
    const discovery = options.discovery ?? 'metadata';
    return [
      ...(discovery === 'legacy'
        ? []
        : [['indieauth-metadata', href(INDIEAUTH_PATHS.metadata)] as [string, string]]),
      ...(discovery === 'metadata'
        ? []
        : ([
            ['authorization_endpoint', href(INDIEAUTH_PATHS.authorization)],
            ['token_endpoint', href(INDIEAUTH_PATHS.token)],
          ] as [string, string][])),
      ['micropub', href(MICROPUB_PATH)],
    ];
  }

  function homePage(res: ServerResponse): void {
    const links = endpointLinks();
    const where = options.links ?? 'both';
    const head =
      where === 'header'
        ? ''
        : links.map(([rel, href]) => `<link rel="${rel}" href="${escapeHtml(href)}">`).join('\n');
    const headers: Record<string, string> =
      where === 'html'
        ? {}
        : { Link: links.map(([rel, href]) => `<${href}>; rel="${rel}"`).join(', ') };
    const list = store
      .all()
      .filter((p) => !p.deleted && p.status === 'published')
      .reverse()
      .map((p) => `<li><a href="${escapeHtml(p.url)}">${escapeHtml(titleOf(p))}</a></li>`)
      .join('');
    const body = `<main class="h-card">
<h1><a class="u-url u-uid p-name" href="${escapeHtml(`${base}/`)}">${escapeHtml(name)}</a></h1>
<p class="p-note">Writes weeknotes.</p>
<h2>Posts</h2>
<ul>${list}</ul>
</main>`;
    sendHtml(res, 200, page(name, head, body), headers);
  }

  function postPage(res: ServerResponse, url: string): void {
    const post = store.find(url);
    if (!post) return sendHtml(res, 404, page('Not found', '', '<h1>Not found</h1>'));
    if (post.deleted) return sendHtml(res, 410, page('Gone', '', '<h1>Deleted</h1>'));
    if (post.status === 'draft') return sendHtml(res, 404, page('Not found', '', '<h1>Draft</h1>'));
    const props = post.properties;
    const content = props.content?.[0];
    const html =
      typeof content === 'object' && content !== null && 'html' in content
        ? String(content.html)
        : `<p>${escapeHtml(typeof content === 'string' ? content : '')}</p>`;
    const categories = (props.category ?? [])
      .map((c) => `<li class="p-category">${escapeHtml(typeof c === 'string' ? c : '')}</li>`)
      .join('');
    const when = props.published?.[0];
    const published = escapeHtml(typeof when === 'string' ? when : '');
    const body = `<article class="h-entry">
${post.properties.name ? `<h1 class="p-name">${escapeHtml(titleOf(post))}</h1>` : ''}
<a class="u-url" href="${escapeHtml(post.url)}"><time class="dt-published" datetime="${published}">${published}</time></a>
<div class="e-content">${html}</div>
<ul>${categories}</ul>
<a class="p-author h-card" href="${escapeHtml(`${base}/`)}">${escapeHtml(name)}</a>
</article>`;
    sendHtml(res, 200, page(titleOf(post), '', body));
  }

  const at = (path: string) => `${base}${path}`;

  return {
    url: base,
    me,
    issuer: auth.issuer,
    endpoints: {
      metadata: at(INDIEAUTH_PATHS.metadata),
      authorization: at(INDIEAUTH_PATHS.authorization),
      token: at(INDIEAUTH_PATHS.token),
      introspection: at(INDIEAUTH_PATHS.introspection),
      revocation: at(INDIEAUTH_PATHS.revocation),
      micropub: at(MICROPUB_PATH),
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    posts: () => store.all(),
    tokens: () => auth.tokens(),
    setMode: (next) => {
      mode = next;
    },
    requests: () => log.map((r) => ({ ...r })),
    issueToken: (scope, clientId) => auth.issue(scope, clientId),
    revokeTokens: () => auth.revokeAll(),
  };
}

/** A post's title: its name, or the start of its text. */
function titleOf(post: StoredPost): string {
  const name = post.properties.name?.[0];
  if (typeof name === 'string' && name) return name;
  const content = post.properties.content?.[0];
  const text = typeof content === 'string' ? content : 'Untitled';
  return text.slice(0, 40);
}
