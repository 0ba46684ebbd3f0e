import type { DraftChanges } from '../storage/drafts';
import type { Destination, PublishJob } from '../storage/publishing';
import type { Draft, Moment, RemotePost } from '../storage/records';
import type { DisplayNames } from '../compose/tag-names';
import { sameSite } from './address';
import { hostOf, PublishError } from './errors';
import { browserFetch, type Fetch } from './http';
import { micropubClient } from './micropub';
import { postContent, type PostContent, type SentPost } from './post-content';
import { wordpressClient } from './wordpress';

/** Everything one attempt needs, read from storage by the queue. */
export interface Attempt {
  job: PublishJob;
  draft: Draft;
  destination: Destination;
  secret: string;
  moments: Moment[];
  names: DisplayNames;
  /** Called, and awaited, just before a new post is asked for: the job must be marked uncertain. */
  beforeCreate: () => Promise<void>;
  fetch?: Fetch;
}

interface Client {
  create(content: PostContent, status: 'draft' | 'publish'): Promise<SentPost>;
  update(remoteId: string, content: PostContent, status: 'draft' | 'publish'): Promise<SentPost>;
  find(marker: string): Promise<SentPost | null | undefined>;
}

function clientFor(destination: Destination, secret: string, doFetch: Fetch): Client {
  return destination.kind === 'wordpress'
    ? wordpressClient(destination, secret, doFetch)
    : micropubClient(destination, secret, doFetch);
}

/**
 * Sends a weeknote to its blog without ever making two posts of it:
 * - a draft that already has a post on this blog updates that post;
 * - an earlier attempt whose answer was lost first looks for the post by its hidden marker, and
 *   updates it if the blog made it; where the blog cannot be searched, it stops and asks;
 * - only then is a new post made, with the job marked uncertain before the request leaves.
 */
export async function sendWeeknote(
  attempt: Attempt,
): Promise<{ sent: SentPost; content: PostContent }> {
  const { job, draft, destination } = attempt;
  const client = clientFor(destination, attempt.secret, attempt.fetch ?? browserFetch);
  const content = postContent(draft, attempt.moments, attempt.names, job.marker);
  const existing = draft.post && sameSite(draft.post.site, destination.site) ? draft.post : null;
  if (existing) {
    return { sent: await client.update(existing.remoteId, content, job.postStatus), content };
  }
  if (job.uncertain && !job.forceCreate) {
    const found = await client.find(job.marker);
    if (found === undefined) {
      throw new PublishError(
        'uncertain',
        `The connection dropped while ${hostOf(destination.site)} was making the post, and Weeknotes cannot search it to see whether it did. Look on your blog: if the post is not there, choose "Send again".`,
      );
    }
    if (found)
      return { sent: await client.update(found.remoteId, content, job.postStatus), content };
  }
  await attempt.beforeCreate();
  return { sent: await client.create(content, job.postStatus), content };
}

/** What the draft records once the blog has the weeknote. */
export function publishedChanges(
  draft: Draft,
  destination: Destination,
  job: PublishJob,
  result: { sent: SentPost; content: PostContent },
  now: Date,
  today: string,
): DraftChanges {
  const { sent, content } = result;
  const earlier = draft.post && sameSite(draft.post.site, destination.site) ? draft.post : null;
  const status =
    sent.status ?? (job.postStatus === 'publish' ? 'publish' : (earlier?.status ?? 'draft'));
  const post: RemotePost = {
    kind: destination.kind,
    site: destination.site,
    remoteId: sent.remoteId,
    url: sent.url,
    status,
    sentAt: now.toISOString(),
    hash: content.hash,
  };
  if (status !== 'publish') return { post };
  return {
    post,
    status: 'published',
    publishedOn: draft.status === 'published' && draft.publishedOn ? draft.publishedOn : today,
    publishedUrl: sent.url,
    publishedHash: content.hash,
  };
}
