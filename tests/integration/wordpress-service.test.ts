/**
 * The WordPress that scripts/with-wordpress.mjs starts is a real one, and behaves as the app will
 * meet it: Application Passwords over the REST API, CORS for a page on another origin, and the
 * test proxy's ways of making its host misbehave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlogProxy, type BlogProxy } from '../support/blog-proxy';
import {
  basicAuth,
  countPostsTitled,
  findPosts,
  wordpressFromEnv,
  type WordPressEnv,
} from '../support/wordpress';

const ORIGIN = 'http://localhost:5173';
const PREFLIGHT = {
  method: 'OPTIONS',
  headers: {
    Origin: ORIGIN,
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'authorization,content-type',
  },
};

let wp: WordPressEnv;
let auth: string;
let run = 0;
/** A title no other test run has used. */
const unique = (what: string) => `${what} ${Date.now().toString(36)}-${++run}`;

interface RestError {
  code: string;
  message: string;
  data: { status: number };
}

/** A REST call as the author, against WordPress or a proxy in front of it. */
function rest(base: string, route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/wp-json${route}`, {
    ...init,
    headers: { Authorization: auth, 'Content-Type': 'application/json', ...init.headers },
  });
}

const createPost = (base: string, body: object) =>
  rest(base, '/wp/v2/posts', { method: 'POST', body: JSON.stringify(body) });

beforeAll(() => {
  wp = wordpressFromEnv();
  auth = basicAuth(wp);
});

describe('the test WordPress', () => {
  it('offers Application Passwords in its REST index', async () => {
    const res = await fetch(`${wp.url}/wp-json/`);
    expect(res.status).toBe(200);
    const index = (await res.json()) as {
      authentication: Record<string, { endpoints: { authorization: string } }>;
    };
    expect(index.authentication['application-passwords']?.endpoints.authorization).toBe(
      `${wp.url}/wp-admin/authorize-application.php`,
    );
  });

  it('knows the author by their Application Password', async () => {
    const res = await rest(wp.url, '/wp/v2/users/me?context=edit');
    expect(res.status).toBe(200);
    const me = (await res.json()) as { username: string; roles: string[] };
    expect(me).toMatchObject({ username: wp.user, roles: ['author'] });
  });

  it('refuses a wrong Application Password', async () => {
    const wrong = basicAuth({ ...wp, appPassword: 'abcd efgh ijkl mnop qrst uvwx' });
    const res = await rest(wp.url, '/wp/v2/users/me', { headers: { Authorization: wrong } });
    expect(res.status).toBe(401);
    // WordPress 6.1 checks the password only after its Application Password error check has run
    // (rest_cookie_check_errors is the first to ask for the user), so a stock site answers as if
    // no password had been sent. Sites whose plugins ask for the user earlier answer
    // incorrect_password instead: the app must expect either.
    const error = (await res.json()) as RestError;
    expect(error.code).toBe('rest_not_logged_in');
  });

  it('keeps a draft with its tag, as the author wrote it', async () => {
    const tagName = unique('weeknotes');
    const tagRes = await rest(wp.url, '/wp/v2/tags', {
      method: 'POST',
      body: JSON.stringify({ name: tagName }),
    });
    expect(tagRes.status).toBe(201);
    const tag = (await tagRes.json()) as { id: number };

    const title = unique('Week 47');
    const content = '<p>Mostly <em>tests</em>.</p>';
    const res = await createPost(wp.url, { title, content, status: 'draft', tags: [tag.id] });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; status: string };
    expect(created.status).toBe('draft');

    const [found, ...others] = await findPosts(title);
    expect(others).toEqual([]);
    expect(found).toMatchObject({
      id: created.id,
      title,
      content,
      status: 'draft',
      tags: [tagName],
    });
    expect(found?.link).toMatch(new RegExp(`^${wp.url}/`));
    expect(await countPostsTitled(title)).toBe(1);
  });

  it('lets a page on another origin call it with the Authorization header', async () => {
    const res = await fetch(`${wp.url}/wp-json/wp/v2/posts`, PREFLIGHT);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = res.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type']));

    const answer = await rest(wp.url, '/wp/v2/users/me', { headers: { Origin: ORIGIN } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});

describe('the blog proxy in front of WordPress', () => {
  let proxy: BlogProxy;

  beforeAll(async () => {
    proxy = await startBlogProxy(wp.url);
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it('passes requests and preflights through untouched, noting only that auth was sent', async () => {
    proxy.setMode('pass');
    const preflight = await fetch(`${proxy.url}/wp-json/wp/v2/posts`, PREFLIGHT);
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const res = await rest(proxy.url, '/wp/v2/users/me');
    expect(res.status).toBe(200);
    expect(proxy.requests().slice(-2)).toEqual([
      { method: 'OPTIONS', path: '/wp-json/wp/v2/posts', hadAuthorization: false, mode: 'pass' },
      { method: 'GET', path: '/wp-json/wp/v2/users/me', hadAuthorization: true, mode: 'pass' },
    ]);
    expect(JSON.stringify(proxy.requests())).not.toContain(auth.slice('Basic '.length));
  });

  it('strips the Authorization header as some hosts do', async () => {
    proxy.setMode('strip-authorization');
    const res = await rest(proxy.url, '/wp/v2/users/me');
    expect(res.status).toBe(401);
    expect(((await res.json()) as RestError).code).toBe('rest_not_logged_in');
    expect(proxy.requests().at(-1)?.hadAuthorization).toBe(true);
  });

  it('loses the answer to a create that WordPress carried out, once', async () => {
    proxy.setMode('lose-next-create');
    const title = unique('Lost answer');
    const error: unknown = await createPost(proxy.url, { title, status: 'draft' }).then(
      () => 'answered',
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error & { cause?: { code?: string } }).cause?.code).toMatch(
      /^(UND_ERR_SOCKET|ECONNRESET)$/,
    );
    expect(await countPostsTitled(title)).toBe(1);

    const again = await createPost(proxy.url, { title, status: 'draft' });
    expect(again.status).toBe(201);
    expect(await countPostsTitled(title)).toBe(2);
  });

  it('answers 500 with an HTML page, yet still answers preflights', async () => {
    proxy.setMode('status-500');
    const preflight = await fetch(`${proxy.url}/wp-json/wp/v2/posts`, PREFLIGHT);
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const title = unique('Server error');
    const res = await createPost(proxy.url, { title });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await countPostsTitled(title)).toBe(0);
  });

  it('never answers when hanging, but still answers preflights', async () => {
    proxy.setMode('hang');
    const preflight = await fetch(`${proxy.url}/wp-json/wp/v2/posts`, PREFLIGHT);
    expect(preflight.status).toBe(200);
    const outcome = await rest(proxy.url, '/wp/v2/users/me', {
      signal: AbortSignal.timeout(500),
    }).then(
      () => 'answered',
      (err: unknown) => (err as Error).name,
    );
    expect(outcome).toBe('TimeoutError');
    proxy.setMode('pass');
  });
});
