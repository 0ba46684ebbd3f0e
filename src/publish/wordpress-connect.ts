import type { Destination } from '../storage/publishing';
import { blogAddress } from './address';
import { hostOf, PublishError, serverTrouble } from './errors';
import { basicAuth, blogRequest, browserFetch, errorCode, jsonOf, type Fetch } from './http';
import { endpoint, signInProblem, type WordPressLogin } from './wordpress';

interface RestIndex {
  name?: unknown;
  namespaces?: unknown;
  authentication?: unknown;
}

/** Finds the REST API of the site at `site`: `/wp-json/`, or `?rest_route=/` without pretty links. */
async function findRestIndex(
  doFetch: Fetch,
  site: string,
): Promise<{ root: string; index: RestIndex }> {
  let reached = false;
  for (const root of [`${site}/wp-json/`, `${site}/?rest_route=/`]) {
    let response: Response;
    try {
      response = await blogRequest(doFetch, root, { headers: { Accept: 'application/json' } });
    } catch (err) {
      if (err instanceof PublishError && err.code === 'timeout') throw err;
      continue;
    }
    reached = true;
    const body = await jsonOf(response);
    const code = errorCode(body);
    if (code && /rest_(disabled|cannot_access|login_required|forbidden)|disabled/i.test(code)) {
      throw new PublishError(
        'rest-disabled',
        `The WordPress REST API is turned off on ${hostOf(site)} (a security plugin can do this). Allow it for signed-in users, then try again.`,
      );
    }
    if (response.ok && typeof body === 'object' && body !== null && 'namespaces' in body) {
      return { root, index: body };
    }
  }
  if (!reached) {
    throw new PublishError(
      'site-not-found',
      `Could not reach ${hostOf(site)}. Check the address and your connection; if both are right, the site may not let apps connect to it (CORS).`,
    );
  }
  throw new PublishError(
    'not-wordpress',
    `${hostOf(site)} does not look like a WordPress site: it has no WordPress REST API.`,
  );
}

/**
 * Checks a WordPress login with real requests and returns the destination to keep: the site is
 * reached, is WordPress, has its REST API and Application Passwords, and accepts the password
 * for a user who may write posts. Each failure says plainly which of these it was.
 */
export async function connectWordPress(
  login: WordPressLogin,
  now: Date,
  doFetch: Fetch = browserFetch,
): Promise<Destination> {
  const site = blogAddress(login.site);
  if (!login.username.trim())
    throw new PublishError('wrong-user', 'Enter your WordPress user name.');
  if (!login.password.trim())
    throw new PublishError('wrong-password', 'Paste the application password.');
  const { root, index } = await findRestIndex(doFetch, site);
  const namespaces = Array.isArray(index.namespaces) ? index.namespaces : [];
  if (!namespaces.includes('wp/v2')) {
    throw new PublishError(
      'rest-disabled',
      `The WordPress REST API for posts is turned off on ${hostOf(site)}.`,
    );
  }
  const auth = index.authentication;
  if (typeof auth !== 'object' || auth === null || !('application-passwords' in auth)) {
    throw new PublishError(
      'no-app-passwords',
      `Application Passwords are not available on ${hostOf(site)}. They need WordPress 5.6 or later, a site served over https, and no plugin turning them off.`,
    );
  }
  const response = await blogRequest(
    doFetch,
    endpoint(root, 'wp/v2/users/me', { context: 'edit' }),
    {
      headers: {
        Accept: 'application/json',
        Authorization: basicAuth(login.username.trim(), login.password),
      },
    },
  );
  const me = await jsonOf(response);
  if (response.status === 401 || response.status === 403) throw signInProblem(errorCode(me), login);
  if (!response.ok) throw serverTrouble(response.status, site);
  const caps = (me as { capabilities?: Record<string, unknown> } | undefined)?.capabilities ?? {};
  if (!caps['edit_posts']) {
    throw new PublishError(
      'cannot-post',
      `"${login.username}" may not write posts on ${hostOf(site)}.`,
    );
  }
  return {
    id: crypto.randomUUID(),
    kind: 'wordpress',
    name: typeof index.name === 'string' && index.name.trim() ? index.name.trim() : hostOf(site),
    site,
    apiRoot: root,
    username: login.username.trim(),
    postStatus: 'draft',
    isDefault: false,
    createdAt: now.toISOString(),
  };
}
