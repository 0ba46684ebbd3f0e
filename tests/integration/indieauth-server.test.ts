/**
 * The test site's discovery and IndieAuth server against the IndieAuth spec
 * (https://indieauth.spec.indieweb.org/): rel links in headers and HTML, server metadata, the
 * authorization request with PKCE, the consent page, one-time codes and token redemption.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server';

const CLIENT = 'http://localhost:5173/';
const REDIRECT = 'http://localhost:5173/publish/callback';

let site: MicropubSite;
beforeEach(async () => {
  site = await startMicropubSite();
});
afterEach(() => site.stop());

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** GET the authorization endpoint without following its redirect. */
function authorize(params: Record<string, string>, target = site) {
  const url = new URL(target.endpoints.authorization);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return fetch(url, { redirect: 'manual' });
}

const request = (challenge: string, extra: Record<string, string> = {}) => ({
  response_type: 'code',
  client_id: CLIENT,
  redirect_uri: REDIRECT,
  state: 'state-123',
  code_challenge: challenge,
  code_challenge_method: 'S256',
  scope: 'create update',
  me: site.me,
  ...extra,
});

/** Presses a button on the consent page; answers the redirect's URL. */
async function consent(page: Response, decision: 'approve' | 'deny') {
  const html = await page.text();
  const id = /name="request" value="([^"]+)"/.exec(html)![1]!;
  const res = await fetch(`${site.url}/auth/consent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: id, decision }),
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

const redeem = (fields: Record<string, string>, endpoint = site.endpoints.token) =>
  fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', ...fields }),
  });

/** A code for a fresh authorization request, approved on the consent page. */
async function approvedCode(extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const back = await consent(await authorize(request(challenge, extra)), 'approve');
  return { code: back.searchParams.get('code')!, verifier, back };
}

describe('discovery (§4.1)', () => {
  it('the home page advertises metadata and micropub in Link headers and HTML links', async () => {
    const res = await fetch(site.url + '/');
    const link = res.headers.get('link')!;
    expect(link).toContain(`<${site.endpoints.metadata}>; rel="indieauth-metadata"`);
    expect(link).toContain(`<${site.endpoints.micropub}>; rel="micropub"`);
    expect(link).not.toContain('authorization_endpoint');
    const html = await res.text();
    expect(html).toContain(`<link rel="indieauth-metadata" href="${site.endpoints.metadata}">`);
    expect(html).toContain(`<link rel="micropub" href="${site.endpoints.micropub}">`);
    expect(html).toContain('class="h-card"');
  });

  it('legacy discovery in HTML only: authorization_endpoint and token_endpoint links', async () => {
    const legacy = await startMicropubSite({ discovery: 'legacy', links: 'html' });
    try {
      const res = await fetch(legacy.url + '/');
      expect(res.headers.get('link')).toBeNull();
      const html = await res.text();
      expect(html).toContain(
        `rel="authorization_endpoint" href="${legacy.endpoints.authorization}"`,
      );
      expect(html).toContain(`rel="token_endpoint" href="${legacy.endpoints.token}"`);
      expect(html).not.toContain('indieauth-metadata');
    } finally {
      await legacy.stop();
    }
  });

  it('relativeLinks advertises paths a client must resolve', async () => {
    const relative = await startMicropubSite({ relativeLinks: true, links: 'header' });
    try {
      const res = await fetch(relative.url + '/');
      expect(res.headers.get('link')).toContain('</micropub>; rel="micropub"');
      expect(await res.text()).not.toContain('<link rel=');
    } finally {
      await relative.stop();
    }
  });

  it('the metadata names the endpoints, an issuer prefixing its URL, and S256', async () => {
    const res = await fetch(site.endpoints.metadata);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta).toMatchObject({
      issuer: site.issuer,
      authorization_endpoint: site.endpoints.authorization,
      token_endpoint: site.endpoints.token,
      code_challenge_methods_supported: ['S256'],
    });
    expect(site.endpoints.metadata.startsWith(meta.issuer as string)).toBe(true);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['create', 'update']));
  });
});

describe('authorization (§5.2)', () => {
  it('shows a consent page naming the client and scopes; Approve returns code, state and iss', async () => {
    const { challenge } = pkce();
    const page = await authorize(request(challenge));
    expect(page.status).toBe(200);
    const html = await page.clone().text();
    expect(html).toContain(`<h1>Sign in to ${CLIENT}?</h1>`);
    expect(html).toContain('<li>create</li><li>update</li>');
    expect(html).toMatch(/<button[^>]*value="deny">Deny<\/button>/);
    const back = await consent(page, 'approve');
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.get('iss')).toBe(site.issuer);
    expect(back.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
  });

  it('Deny returns error=access_denied with the state', async () => {
    const back = await consent(await authorize(request(pkce().challenge)), 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('refuses a request without PKCE or with the plain method, by redirect', async () => {
    const extras: Record<string, string>[] = [
      { code_challenge: '' },
      { code_challenge_method: 'plain' },
    ];
    for (const extra of extras) {
      const res = await authorize(request(pkce().challenge, extra));
      expect(res.status).toBe(302);
      const back = new URL(res.headers.get('location')!);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('state')).toBe('state-123');
    }
  });

  it('never redirects to a redirect_uri on another origin than client_id', async () => {
    const res = await authorize(
      request(pkce().challenge, { redirect_uri: 'http://evil.example/cb' }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('Invalid sign-in request');
  });

  it('autoApprove redirects at once with a code', async () => {
    const quick = await startMicropubSite({ autoApprove: true });
    try {
      const res = await authorize(request(pkce().challenge), quick);
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    } finally {
      await quick.stop();
    }
  });
});

describe('redeeming the code (§5.3)', () => {
  it('the verifier gets a working token, once; a second use also revokes it', async () => {
    const { code, verifier } = await approvedCode();
    const fields = { code, client_id: CLIENT, redirect_uri: REDIRECT, code_verifier: verifier };
    const res = await redeem(fields);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Record<string, string>;
    expect(answer).toMatchObject({ token_type: 'Bearer', scope: 'create update', me: site.me });
    const config = () =>
      fetch(`${site.endpoints.micropub}?q=config`, {
        headers: { Authorization: `Bearer ${answer.access_token}` },
      });
    expect((await config()).status).toBe(200);
    const again = await redeem(fields);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await config()).status).toBe(401);
  });

  it('a wrong verifier is refused and spends the code', async () => {
    const { code, verifier } = await approvedCode();
    const base = { code, client_id: CLIENT, redirect_uri: REDIRECT };
    const wrong = await redeem({ ...base, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await redeem({ ...base, code_verifier: verifier })).status).toBe(400);
    expect(site.tokens()).toEqual([]);
  });

  it('a different client_id or redirect_uri is refused', async () => {
    for (const change of [{ client_id: 'http://other.example/' }, { redirect_uri: CLIENT }]) {
      const { code, verifier } = await approvedCode();
      const fields = { code, client_id: CLIENT, redirect_uri: REDIRECT, code_verifier: verifier };
      const res = await redeem({ ...fields, ...change });
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    }
    expect(site.tokens()).toEqual([]);
  });

  it('a code without scope gives no token, only the profile URL at the authorization endpoint', async () => {
    const first = await approvedCode({ scope: '' });
    const fields = (c: typeof first) => ({
      code: c.code,
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      code_verifier: c.verifier,
    });
    expect(await (await redeem(fields(first))).json()).toMatchObject({ error: 'invalid_grant' });
    const second = await approvedCode({ scope: '' });
    const profile = await redeem(fields(second), site.endpoints.authorization);
    expect(await profile.json()).toEqual({ me: site.me });
  });

  it('revocation ends a token; introspection then calls it inactive', async () => {
    const token = site.issueToken('create');
    const watcher = site.issueToken('create');
    const introspect = async () => {
      const res = await fetch(site.endpoints.introspection, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${watcher}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token }),
      });
      return (await res.json()) as { active: boolean; me?: string };
    };
    expect(await introspect()).toMatchObject({ active: true, me: site.me });
    const res = await fetch(site.endpoints.revocation, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    });
    expect(res.status).toBe(200);
    expect(await introspect()).toEqual({ active: false });
  });

  it('the token endpoint answers a browser origin with CORS', async () => {
    const origin = 'http://localhost:5173';
    const res = await fetch(site.endpoints.token, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=nope&client_id=x&redirect_uri=y&code_verifier=z',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
