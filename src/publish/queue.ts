import { draftById } from '../storage/drafts';
import { momentsByIds } from '../storage/moments';
import {
  allPublishJobs,
  completePublish,
  destinationById,
  updatePublishJob,
  type PublishJob,
} from '../storage/publishing';
import { secretFor } from '../storage/secrets';
import { getSettings } from '../storage/settings';
import { deviceTimeZone, localDateIn } from '../week/local-time';
import { PublishError } from './errors';
import type { Fetch } from './http';
import { publishedChanges, sendWeeknote } from './send';

/** A job for a weeknote just queued: due now, with a fresh marker to find its post by. */
export function newJob(
  draftId: string,
  destinationId: string,
  postStatus: 'draft' | 'publish',
  now: Date,
): PublishJob {
  const at = now.toISOString();
  return {
    draftId,
    destinationId,
    postStatus,
    state: 'waiting',
    queuedAt: at,
    attempts: 0,
    notBefore: at,
    failure: null,
    marker: crypto.randomUUID(),
    uncertain: false,
  };
}

/** The pause before trying a job again after its `attempts`-th failure: 15 s doubling to 30 min. */
export function publishRetryDelay(attempts: number): number {
  return Math.min(30 * 60_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

/** Whether a job should be tried now: waiting, retrying after its pause, or cut off mid-send. */
export function isDue(job: PublishJob, now: Date): boolean {
  if (job.state === 'failed' && !job.failure?.retrying) return false;
  return Date.parse(job.notBefore) <= now.getTime();
}

const failed = (job: PublishJob, err: PublishError, now: Date): Partial<PublishJob> => ({
  state: 'failed',
  failure: { code: err.code, message: err.message, retrying: err.retryable },
  notBefore: new Date(now.getTime() + publishRetryDelay(job.attempts + 1)).toISOString(),
  attempts: job.attempts + 1,
});

/** Sends one job; every outcome is written to storage, where the screens read it. */
async function runJob(job: PublishJob, now: () => Date, doFetch?: Fetch): Promise<void> {
  const draft = await draftById(job.draftId);
  if (!draft)
    return updatePublishJob(job.draftId, failed(job, gone('The weeknote was deleted.'), now()));
  const destination = await destinationById(job.destinationId);
  const secret = destination ? await secretFor(destination.id) : null;
  if (!destination || !secret) {
    const why = destination
      ? 'This device no longer has the password for that blog. Connect it again under Settings → Your blog.'
      : 'The blog this was going to was removed from this device.';
    return updatePublishJob(job.draftId, failed(job, gone(why), now()));
  }
  await updatePublishJob(job.draftId, { state: 'sending' });
  try {
    const [moments, settings] = await Promise.all([momentsByIds(draft.momentIds), getSettings()]);
    const result = await sendWeeknote({
      job,
      draft,
      destination,
      secret,
      moments,
      names: settings.tagNames,
      beforeCreate: () => updatePublishJob(job.draftId, { uncertain: true }),
      fetch: doFetch,
    });
    const at = now();
    const changes = publishedChanges(
      draft,
      destination,
      job,
      result,
      at,
      localDateIn(at, deviceTimeZone()),
    );
    await completePublish(job.draftId, changes, at.toISOString());
  } catch (err) {
    if (!(err instanceof PublishError)) throw err;
    await updatePublishJob(job.draftId, failed(job, err, now()));
  }
}

const gone = (message: string): PublishError => new PublishError('no-destination', message);

/**
 * Sends every job that is due, one at a time. Returns when the next job falls due (ms from now),
 * or null when none is waiting on a timer. Offline, nothing is tried: jobs stay "Waiting".
 */
export async function runPublishQueue(now: () => Date, doFetch?: Fetch): Promise<number | null> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return null;
  for (const job of await allPublishJobs()) {
    if (isDue(job, now())) await runJob(job, now, doFetch);
  }
  let next: number | null = null;
  for (const job of await allPublishJobs()) {
    if (job.state === 'failed' && job.failure?.retrying) {
      const wait = Math.max(0, Date.parse(job.notBefore) - now().getTime());
      next = next === null ? wait : Math.min(next, wait);
    }
  }
  return next;
}
