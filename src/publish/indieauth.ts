import type { Destination } from '../storage/publishing';
import { blogAddress, sameSite } from './address';
import { hostOf, PublishError } from './errors';
import { blogRequest, jsonOf, browserFetch, type Fetch } from './http';
import { discoverLinks, pageTitle } from './links';

/** A sign-in on its way through the writer's authorization page, kept until they come back. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  site: string;
  name: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  micropubEndpoint: string;
  issuer: string | null;
  clientId: string;
  redirectUri: string;
  startedAt: string;
}

const PENDING_KEY = 'weeknotes:indieauth-pending';
const PENDING_FOR_MS = 30 * 60_000;

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomToken = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The PKCE S256 challenge for a verifier. */
export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

interface Endpoints {
  name: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  micropubEndpoint: string;
  issuer: string | null;
}

/**
 * Finds a site's IndieAuth and Micropub endpoints: from its `indieauth-metadata` document, or
 * the older `authorization_endpoint`/`token_endpoint` links, and its `micropub` link.
 */
export async function discoverEndpoints(
  site: string,
  doFetch: Fetch = browserFetch,
): Promise<Endpoints> {
  const response = await blogRequest(doFetch, site, { headers: { Accept: 'text/html' } }).catch(
    (err: unknown) => {
      if (err instanceof PublishError && err.code === 'unreachable') {
        throw new PublishError(
          'site-not-found',
          `Could not reach ${hostOf(site)}. Check the address and your connection; if both are right, the site may not let apps read it (CORS).`,
        );
      }
      throw err;
    },
  );
  const html = await response.text();
  if (!response.ok) {
    throw new PublishError(
      'site-not-found',
      `${hostOf(site)} answered with error ${response.status}.`,
    );
  }
  const links = discoverLinks(response.url || site, response.headers.get('Link'), html);
  let authorizationEndpoint = links.authorization_endpoint;
  let tokenEndpoint = links.token_endpoint;
  let issuer: string | null = null;
  if (links['indieauth-metadata']) {
    const meta = await blogRequest(doFetch, links['indieauth-metadata'], {
      headers: { Accept: 'application/json' },
    });
    const body = (await jsonOf(meta)) as Record<string, unknown> | undefined;
    if (typeof body?.['authorization_endpoint'] === 'string')
      authorizationEndpoint = body['authorization_endpoint'];
    if (typeof body?.['token_endpoint'] === 'string') tokenEndpoint = body['token_endpoint'];
    if (typeof body?.['issuer'] === 'string') issuer = body['issuer'];
  }
  if (!links.micropub) {
    throw new PublishError(
      'no-micropub',
      `${hostOf(site)} does not offer Micropub (no rel="micropub" link).`,
    );
  }
  if (!authorizationEndpoint || !tokenEndpoint) {
    throw new PublishError('no-indieauth', `${hostOf(site)} does not offer IndieAuth sign-in.`);
  }
  return {
    name: pageTitle(html) ?? hostOf(site),
    authorizationEndpoint,
    tokenEndpoint,
    micropubEndpoint: links.micropub,
    issuer,
  };
}

/**
 * Starts signing in to a Micropub site: discovers its endpoints, keeps the PKCE verifier and
 * state, and returns the authorization page to send the writer to. `appUrl` is the app's own
 * address (`location.origin`), which is its IndieAuth client id.
 */
export async function beginSignIn(
  input: string,
  appUrl: string,
  now: Date,
  doFetch: Fetch = browserFetch,
) {
  const site = blogAddress(input);
  const endpoints = await discoverEndpoints(site, doFetch);
  const pending: PendingSignIn = {
    ...endpoints,
    site,
    state: randomToken(),
    verifier: randomToken(),
    clientId: `${appUrl}/`,
    redirectUri: `${appUrl}/settings/blog-signed-in`,
    startedAt: now.toISOString(),
  };
  localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(endpoints.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', pending.clientId);
  url.searchParams.set('redirect_uri', pending.redirectUri);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('code_challenge', await challengeFor(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('scope', 'create update delete');
  url.searchParams.set('me', site);
  return url.toString();
}

/** The sign-in waiting for the writer to come back, if any (and not stale). */
export function pendingSignIn(now: Date): PendingSignIn | null {
  try {
    const pending = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as PendingSignIn | null;
    if (!pending || now.getTime() - Date.parse(pending.startedAt) > PENDING_FOR_MS) return null;
    return pending;
  } catch {
    return null;
  }
}

/**
 * Finishes signing in when the authorization page sends the writer back: checks the state and
 * issuer, swaps the code for a token (with the PKCE verifier), and returns the destination and
 * its token. The pending sign-in is forgotten whatever happens.
 */
export async function finishSignIn(
  params: URLSearchParams,
  now: Date,
  doFetch: Fetch = browserFetch,
): Promise<{ destination: Destination; token: string }> {
  const pending = pendingSignIn(now);
  localStorage.removeItem(PENDING_KEY);
  if (!pending || params.get('state') !== pending.state) {
    throw new PublishError(
      'sign-in-expired',
      'That sign-in was not started here, or took too long. Start it again.',
    );
  }
  if (params.get('error')) {
    throw new PublishError('denied', `${hostOf(pending.site)} did not let Weeknotes sign in.`);
  }
  const iss = params.get('iss');
  if (pending.issuer && iss !== pending.issuer) {
    throw new PublishError(
      'sign-in-expired',
      'The sign-in came back from an unexpected server. Start it again.',
    );
  }
  const response = await blogRequest(doFetch, pending.tokenEndpoint, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      client_id: pending.clientId,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const body = (await jsonOf(response)) as Record<string, unknown> | undefined;
  const token = body?.['access_token'];
  if (!response.ok || typeof token !== 'string') {
    throw new PublishError(
      'denied',
      `${hostOf(pending.site)} refused the sign-in. Start it again.`,
    );
  }
  const me = typeof body?.['me'] === 'string' ? body['me'] : pending.site;
  if (!sameSite(new URL(me).origin, new URL(pending.site).origin)) {
    // Another site's identity: only if it names the same authorization server (IndieAuth §5.3).
    const theirs = await discoverEndpoints(blogAddress(me), doFetch).catch(() => null);
    if (theirs?.authorizationEndpoint !== pending.authorizationEndpoint) {
      throw new PublishError('denied', 'The sign-in named a different site. Start it again.');
    }
  }
  const destination: Destination = {
    id: crypto.randomUUID(),
    kind: 'micropub',
    name: pending.name,
    site: pending.site,
    me,
    micropubEndpoint: pending.micropubEndpoint,
    canListPosts: await listsPosts(pending.micropubEndpoint, token, doFetch),
    postStatus: 'draft',
    isDefault: false,
    createdAt: now.toISOString(),
  };
  return { destination, token };
}

/** Whether the endpoint answers `q=source` without a URL (the post-list extension). */
async function listsPosts(endpoint: string, token: string, doFetch: Fetch): Promise<boolean> {
  try {
    const url = new URL(endpoint);
    url.searchParams.set('q', 'config');
    const response = await blogRequest(doFetch, url.toString(), {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
    const body = (await jsonOf(response)) as { q?: unknown } | undefined;
    return Array.isArray(body?.q) && body.q.includes('source');
  } catch {
    return false;
  }
}
