import type { Destination } from '../storage/publishing';
import { hostOf, PublishError, serverTrouble } from './errors';
import { basicAuth, blogRequest, browserFetch, errorCode, jsonOf, type Fetch } from './http';
import type { PostContent, SentPost } from './post-content';

/** What the writer types to connect a WordPress blog. */
export interface WordPressLogin {
  site: string;
  username: string;
  /** An Application Password (spaces as WordPress shows them are fine). */
  password: string;
}

/** An endpoint under a REST root, for both `/wp-json/` roots and `?rest_route=/` ones. */
export function endpoint(apiRoot: string, route: string, params: Record<string, string> = {}) {
  const url = new URL(apiRoot);
  if (url.searchParams.has('rest_route')) url.searchParams.set('rest_route', `/${route}`);
  else url.pathname = `${url.pathname.replace(/\/?$/, '/')}${route}`;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** The error a refused sign-in gives, mapped to what the writer can do about it. */
export function signInProblem(code: string | undefined, login: WordPressLogin): PublishError {
  switch (code) {
    case 'incorrect_password':
      return new PublishError(
        'wrong-password',
        'WordPress did not accept that application password. Make a new one under Users → Profile → Application Passwords and paste it here.',
      );
    case 'invalid_username':
    case 'invalid_email':
      return new PublishError('wrong-user', `WordPress has no user called "${login.username}".`);
    case 'application_passwords_disabled':
      return new PublishError(
        'no-app-passwords',
        'Application Passwords are turned off for this user or site. Turn them on in WordPress, then try again.',
      );
    default:
      // Stock WordPress gives rest_not_logged_in (or, for a route that needs a user,
      // rest_forbidden…) for a wrong password, an unknown user and a host that strips the
      // Authorization header alike (its password check runs after its error check), so the
      // message names both causes rather than guessing.
      return new PublishError(
        'not-signed-in',
        'WordPress did not accept the sign-in. Check the user name and the application password (make a new one under Users → Profile → Application Passwords). If both are right, your web host is removing the Authorization header: ask it to pass the header through to WordPress.',
      );
  }
}

/** Talks to one connected WordPress blog with its application password. */
export function wordpressClient(
  destination: Destination,
  password: string,
  doFetch: Fetch = browserFetch,
) {
  const root = destination.apiRoot ?? `${destination.site}/wp-json/`;
  const headers = {
    Accept: 'application/json',
    Authorization: basicAuth(destination.username ?? '', password),
  };

  async function call(
    method: string,
    route: string,
    params?: Record<string, string>,
    body?: unknown,
  ) {
    const response = await blogRequest(doFetch, endpoint(root, route, params), {
      method,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await jsonOf(response);
    if (response.status === 401) {
      throw signInProblem(errorCode(json), {
        site: destination.site,
        username: destination.username ?? '',
        password,
      });
    }
    return { response, json };
  }

  /** The ids of tags with these names, made on the blog where missing. */
  async function tagIds(names: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names) {
      const found = await call('GET', 'wp/v2/tags', {
        search: name,
        per_page: '100',
        context: 'edit',
      });
      const list = Array.isArray(found.json) ? (found.json as { id: number; name: string }[]) : [];
      const same = list.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (same) {
        ids.push(same.id);
        continue;
      }
      const made = await call('POST', 'wp/v2/tags', undefined, { name });
      const id = made.json as { id?: unknown; data?: { term_id?: unknown } } | undefined;
      // Another device may have made it a moment ago: WordPress then names the existing term.
      const termId = typeof id?.id === 'number' ? id.id : id?.data?.term_id;
      if (typeof termId !== 'number') {
        if (made.response.status >= 500)
          throw serverTrouble(made.response.status, destination.site);
        throw new PublishError(
          'tags',
          `${hostOf(destination.site)} would not make the tag "${name}".`,
        );
      }
      ids.push(termId);
    }
    return ids;
  }

  /**
   * The post carrying `marker`, the first made if there are several (extra copies, drafts this
   * job made, go to the trash), or null if the blog has none.
   */
  async function adopt(marker: string): Promise<SentPost | null> {
    const { response, json } = await call('GET', 'wp/v2/posts', {
      search: marker,
      status: 'publish,future,draft,pending,private',
      context: 'edit',
      orderby: 'id',
      order: 'asc',
      per_page: '20',
    });
    if (!response.ok) throw refused(response.status, json, destination.site);
    const list = Array.isArray(json) ? (json as { id: number; content?: { raw?: string } }[]) : [];
    const mine = list.filter((p) => p.content?.raw?.includes(marker));
    const [kept, ...copies] = mine;
    for (const copy of copies) {
      await call('DELETE', `wp/v2/posts/${copy.id}`);
    }
    return kept ? toSent(kept) : null;
  }

  const toSent = (json: unknown): SentPost => {
    const post = json as { id?: unknown; link?: unknown; status?: unknown };
    if (typeof post?.id !== 'number') {
      throw new PublishError(
        'bad-answer',
        `${hostOf(destination.site)} gave an answer that is not a post.`,
        true,
      );
    }
    return {
      remoteId: String(post.id),
      url: typeof post.link === 'string' ? post.link : destination.site,
      status: post.status === 'publish' ? 'publish' : 'draft',
    };
  };

  return {
    /**
     * Makes a new post. It is always made as a draft first, then looked for by its marker: a
     * connection cut after WordPress made the post can make the browser send the request again
     * on its own, and any second copy (a draft, never seen by readers) is moved to the trash
     * before the kept post is published.
     */
    async create(content: PostContent, status: 'draft' | 'publish'): Promise<SentPost> {
      const tags = await tagIds(content.tags);
      const { response, json } = await call('POST', 'wp/v2/posts', undefined, {
        title: content.title,
        content: content.html,
        status: 'draft',
        tags,
      });
      if (!response.ok) throw refused(response.status, json, destination.site);
      const made = (await adopt(content.marker)) ?? toSent(json);
      return status === 'publish' ? this.update(made.remoteId, content, 'publish') : made;
    },
    /**
     * Replaces the title, text and tags of the post made earlier. Sent as a draft, it keeps the
     * post's status: a post already live on the blog is never taken down by an update.
     */
    async update(
      remoteId: string,
      content: PostContent,
      status: 'draft' | 'publish',
    ): Promise<SentPost> {
      const tags = await tagIds(content.tags);
      const { response, json } = await call(
        'POST',
        `wp/v2/posts/${encodeURIComponent(remoteId)}`,
        undefined,
        {
          title: content.title,
          content: content.html,
          ...(status === 'publish' ? { status } : {}),
          tags,
        },
      );
      if (
        response.status === 404 ||
        response.status === 410 ||
        errorCode(json) === 'rest_post_invalid_id'
      ) {
        throw new PublishError(
          'post-gone',
          `The post is no longer on ${hostOf(destination.site)} (it may have been deleted).`,
        );
      }
      if (!response.ok) throw refused(response.status, json, destination.site);
      return toSent(json);
    },
    /** The post carrying `marker`, if the blog made one whose answer was lost. */
    find: adopt,
  };
}

function refused(status: number, body: unknown, site: string): PublishError {
  if (status >= 500 || status === 429) return serverTrouble(status, site);
  const message = (body as { message?: unknown } | undefined)?.message;
  return new PublishError(
    'refused',
    `${hostOf(site)} refused the post${typeof message === 'string' ? `: ${message}` : ` (error ${status})`}.`,
  );
}
