import { useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { shortDate, textFingerprint } from '../compose/published';
import { allDestinations, publishJobFor, type Destination } from '../storage/publishing';
import type { Draft } from '../storage/records';
import { deviceTimeZone, localDateIn } from '../week/local-time';
import { sameSite } from './address';
import { hostOf } from './errors';
import { JobStatus } from './JobStatus';
import { publishWeeknote } from './service';
import './publish-panel.css';

type PostStatus = 'draft' | 'publish';

/**
 * Publish from the Write screen: one tap sends the weeknote to the writer's blog, queued on the
 * device so it goes even when written offline. A weeknote already on the blog is updated, after
 * the writer confirms, never posted twice.
 */
export function PublishPanel({ draft }: { draft: Draft }) {
  const state = useAppState();
  const destinations = useLive(() => allDestinations(), []);
  const job = useLive(async () => (await publishJobFor(draft.id)) ?? null, [draft.id]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<PostStatus | null>(null);
  const today = localDateIn(new Date(), deviceTimeZone());

  if (destinations === undefined || job === undefined) return null;
  const post = draft.post ?? null;
  const onThisDevice = post ? destinations.find((d) => sameSite(d.site, post.site)) : undefined;
  const chosen =
    (post ? onThisDevice : undefined) ??
    destinations.find((d) => d.id === chosenId) ??
    destinations.find((d) => d.isDefault) ??
    destinations[0];

  async function send(destination: Destination, status: PostStatus): Promise<void> {
    setConfirming(null);
    try {
      await publishWeeknote(
        draft.id,
        { title: draft.title, body: draft.body },
        destination,
        status,
        new Date(),
      );
    } catch (err) {
      reportProblem(state, err);
    }
  }

  const heading = <h2 id="blog-heading">Your blog</h2>;
  if (job) {
    return (
      <section class="panel blog-publish" aria-labelledby="blog-heading">
        {heading}
        <JobStatus job={job} destination={destinations.find((d) => d.id === job.destinationId)} />
      </section>
    );
  }

  if (destinations.length === 0 && !post) {
    return (
      <section class="panel blog-publish" aria-labelledby="blog-heading">
        {heading}
        <p class="hint">
          Connect your WordPress or Micropub blog to publish from here in one tap, even offline.
        </p>
        <a class="button-link secondary" href="/settings#your-blog">
          Connect your blog
        </a>
      </section>
    );
  }

  const siteName = onThisDevice?.name ?? (post ? hostOf(post.site) : (chosen?.name ?? ''));
  const changed = post ? textFingerprint(draft.title, draft.body) !== post.hash : false;

  return (
    <section class="panel blog-publish" aria-labelledby="blog-heading">
      {heading}
      {post && (
        <p class="blog-post-state">
          {post.status === 'publish' ? 'Published ' : 'Sent as a draft '}
          {shortDate(post.sentAt.slice(0, 10), today)} to <strong>{siteName}</strong> ·{' '}
          <a href={post.url} rel="noopener noreferrer" target="_blank">
            {post.status === 'publish' ? 'View post' : 'Open the draft'}
          </a>
        </p>
      )}
      {post && changed && <p class="blog-changed">Changed since you sent it.</p>}
      {post && !onThisDevice && (
        <p class="hint">
          To update it from this device, connect {hostOf(post.site)} under{' '}
          <a href="/settings#your-blog">Settings</a>.
        </p>
      )}
      {!post && destinations.length > 1 && (
        <div class="blog-choice">
          <label for="blog-destination">Blog</label>
          <select
            id="blog-destination"
            value={chosen?.id}
            onChange={(e) => setChosenId(e.currentTarget.value)}
          >
            {destinations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && !confirming && (
        <div class="row">
          {!post && (
            <button type="button" onClick={() => void send(chosen, chosen.postStatus)}>
              {chosen.postStatus === 'publish' ? 'Publish to ' : 'Send as draft to '}
              {chosen.name}
            </button>
          )}
          {!post && (
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void send(chosen, chosen.postStatus === 'publish' ? 'draft' : 'publish')
              }
            >
              {chosen.postStatus === 'publish' ? 'Send as draft instead' : 'Publish now instead'}
            </button>
          )}
          {post && changed && (
            <button type="button" onClick={() => setConfirming(post.status)}>
              Update the post
            </button>
          )}
          {post && post.status === 'draft' && (
            <button type="button" class="secondary" onClick={() => setConfirming('publish')}>
              Publish it on {chosen.name}
            </button>
          )}
        </div>
      )}
      {chosen && confirming && (
        <div class="blog-confirm" role="group" aria-labelledby="blog-confirm-text">
          <p id="blog-confirm-text">
            {confirming === 'publish' && post?.status !== 'publish'
              ? `Publish the post on ${chosen.name} with the text as it is now? Readers will see it.`
              : `Replace the post's title and text on ${chosen.name} with this version?`}
          </p>
          <div class="row">
            <button type="button" onClick={() => void send(chosen, confirming)}>
              {confirming === 'publish' && post?.status !== 'publish'
                ? 'Publish'
                : 'Update the post'}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
