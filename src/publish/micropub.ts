import type { Destination } from '../storage/publishing';
import { hostOf, PublishError, serverTrouble } from './errors';
import { blogRequest, errorCode, jsonOf, browserFetch, type Fetch } from './http';
import type { PostContent, SentPost } from './post-content';

/** What Micropub calls a post's status. */
const micropubStatus = (status: 'draft' | 'publish'): string =>
  status === 'publish' ? 'published' : 'draft';

/** Talks to one connected Micropub endpoint with its access token. */
export function micropubClient(
  destination: Destination,
  token: string,
  doFetch: Fetch = browserFetch,
) {
  const endpoint = destination.micropubEndpoint ?? '';
  const site = destination.site;

  async function send(body: unknown) {
    const response = await blogRequest(doFetch, endpoint, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (response.ok) return response;
    const json = await jsonOf(response);
    throw micropubProblem(response.status, json, site);
  }

  const properties = (content: PostContent) => ({
    name: [content.title],
    content: [{ html: content.html }],
    category: content.tags,
  });

  return {
    /**
     * Makes a new post, first as a draft: a connection cut after the site made it can make the
     * browser send the request again, so where the site lists posts, any second copy is deleted
     * before the kept one is published.
     */
    async create(content: PostContent, status: 'draft' | 'publish'): Promise<SentPost> {
      const response = await send({
        type: ['h-entry'],
        properties: { ...properties(content), 'post-status': ['draft'] },
      });
      const location = response.headers.get('Location');
      const adopted = await this.find(content.marker).catch(() => undefined);
      if (!location && !adopted) {
        throw new PublishError(
          'no-location',
          `${hostOf(site)} made the post but did not say where it is, so Weeknotes cannot update it later.`,
        );
      }
      const url = adopted?.url ?? new URL(location!, endpoint).toString();
      const made = { remoteId: url, url, status: 'draft' as const };
      return status === 'publish' ? this.update(url, content, 'publish') : made;
    },

    /** Replaces the post's name, content and categories; sent as a draft, its status stays. */
    async update(
      remoteId: string,
      content: PostContent,
      status: 'draft' | 'publish',
    ): Promise<SentPost> {
      await send({
        action: 'update',
        url: remoteId,
        replace: {
          ...properties(content),
          ...(status === 'publish' ? { 'post-status': [micropubStatus(status)] } : {}),
        },
      });
      return { remoteId, url: remoteId, ...(status === 'publish' ? { status } : {}) };
    },

    /**
     * The post carrying `marker`, from the endpoint's list of recent posts. Undefined when the
     * endpoint cannot list posts, so whether the blog made it cannot be known.
     */
    async find(marker: string): Promise<SentPost | null | undefined> {
      if (!destination.canListPosts) return undefined;
      const url = new URL(endpoint);
      url.searchParams.set('q', 'source');
      url.searchParams.set('limit', '20');
      const response = await blogRequest(doFetch, url.toString(), {
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      });
      const json = (await jsonOf(response)) as { items?: unknown } | undefined;
      if (!response.ok) throw micropubProblem(response.status, json, site);
      if (!Array.isArray(json?.items)) return undefined;
      const mine: string[] = [];
      for (const item of json.items as { properties?: Record<string, unknown[]> }[]) {
        const props = item.properties ?? {};
        const address = props['url']?.[0];
        if (
          typeof address === 'string' &&
          JSON.stringify(props['content'] ?? []).includes(marker)
        ) {
          mine.push(address);
        }
      }
      // Newest first: the first made is kept, later copies (drafts this job made) are deleted.
      const [kept, ...copies] = mine.reverse();
      for (const copy of copies) await send({ action: 'delete', url: copy }).catch(() => undefined);
      if (kept) return { remoteId: kept, url: kept };
      return null;
    },
  };
}

function micropubProblem(status: number, body: unknown, site: string): PublishError {
  const code = errorCode(body);
  if (status === 401 || code === 'unauthorized') {
    return new PublishError(
      'signed-out',
      `${hostOf(site)} no longer accepts Weeknotes' sign-in. Sign in again under Settings → Your blog.`,
    );
  }
  if (status === 403 || code === 'insufficient_scope' || code === 'forbidden') {
    return new PublishError(
      'cannot-post',
      `${hostOf(site)} does not let Weeknotes post or update posts.`,
    );
  }
  if (status === 404 || status === 410) {
    return new PublishError(
      'post-gone',
      `The post is no longer on ${hostOf(site)} (it may have been deleted).`,
    );
  }
  if (status >= 500 || status === 429) return serverTrouble(status, site);
  const said = (body as { error_description?: unknown } | undefined)?.error_description;
  return new PublishError(
    'refused',
    `${hostOf(site)} refused the post${typeof said === 'string' ? `: ${said}` : ` (error ${status})`}.`,
  );
}
