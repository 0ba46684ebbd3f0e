/**
 * IndieAuth's rules for identifiers and PKCE, and the pages the authorization endpoint shows:
 * pure helpers of the test site's IndieAuth server (indieauth-server.ts).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { escapeHtml, page } from './http-kit';

/** base64url(SHA-256(verifier)), the S256 PKCE challenge. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** The token in an `Authorization: Bearer …` header, if any. */
export function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** Why a client_id is not a valid IndieAuth client identifier (§3.3), or undefined. */
export function clientIdProblem(clientId: string): string | undefined {
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return 'client_id must be a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'client_id must be http(s)';
  if (url.username || url.password) return 'client_id must not contain a user or password';
  if (clientId.includes('#')) return 'client_id must not contain a fragment';
  const path = clientId.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!;
  if (path.split('/').some((s) => s === '.' || s === '..')) return 'client_id has dot segments';
  const host = url.hostname;
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
  if (ip && host !== '127.0.0.1' && host !== '[::1]') return 'client_id host must not be an IP';
  return undefined;
}

/**
 * Why a redirect_uri is refused, or undefined. It must share the client_id's scheme, host and
 * port: this server does not fetch client metadata to learn of other redirect URLs (§5.2).
 */
export function redirectProblem(clientId: string, redirectUri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return 'redirect_uri must be a URL';
  }
  if (url.origin !== new URL(clientId).origin) {
    return 'redirect_uri must have the same scheme, host and port as client_id';
  }
  return undefined;
}

/** The page shown instead of redirecting to a client that cannot be trusted. */
export function errorPage(problem: string): string {
  return page(
    'Invalid sign-in request',
    '',
    `<main><h1>Invalid sign-in request</h1><p>${escapeHtml(problem)}</p></main>`,
  );
}

/** The page asking the writer to approve: it names the client and every scope asked for. */
export function consentPage(
  id: string,
  request: { clientId: string; scope: string },
  me: string,
  action: string,
): string {
  const title = `Sign in to ${request.clientId}?`;
  const scopes = request.scope
    ? `<p>It asks to:</p><ul>${request.scope
        .split(' ')
        .map((s) => `<li>${escapeHtml(s)}</li>`)
        .join('')}</ul>`
    : '<p>It asks only who you are.</p>';
  return page(
    title,
    '',
    `<main>
<h1>${escapeHtml(title)}</h1>
<p>You are signed in as <a href="${escapeHtml(me)}">${escapeHtml(me)}</a>.</p>
${scopes}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="request" value="${escapeHtml(id)}">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
</main>`,
  );
}
