import {
  cancelPublish,
  queuePublish,
  updatePublishJob,
  type Destination,
} from '../storage/publishing';
import { newJob, runPublishQueue } from './queue';

let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;
let again = false;
let onProblem: (err: unknown) => void = () => undefined;

/**
 * Sends what is queued. Only one tab sends at a time (a Web Lock), and that tab reads each job
 * afresh, so a job another tab just finished is never sent twice.
 */
export function kickPublishing(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  if (timer) clearTimeout(timer);
  timer = null;
  const work = () => runPublishQueue(() => new Date());
  running = (async () => {
    try {
      const next = navigator.locks
        ? await navigator.locks.request('weeknotes-publish', work)
        : await work();
      if (next !== null) timer = setTimeout(() => void kickPublishing(), next);
    } catch (err) {
      onProblem(err);
    } finally {
      running = null;
      if (again) {
        again = false;
        void kickPublishing();
      }
    }
  })();
  return running;
}

/**
 * Starts the publish queue for this tab: it runs now, when the device comes back online, when
 * the app becomes visible, and when a failed job's pause is over. Background Sync is not used
 * (Chromium only): a job waits in IndexedDB until the app is next open and online.
 */
export function startPublishing(problem: (err: unknown) => void): void {
  onProblem = problem;
  window.addEventListener('online', () => void kickPublishing());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void kickPublishing();
  });
  void kickPublishing();
}

/** Queues a weeknote for a blog (with the text on screen) and starts sending it. */
export async function publishWeeknote(
  draftId: string,
  text: { title: string; body: string },
  destination: Destination,
  postStatus: 'draft' | 'publish',
  now: Date,
): Promise<void> {
  await queuePublish(
    draftId,
    text,
    newJob(draftId, destination.id, postStatus, now),
    now.toISOString(),
  );
  void kickPublishing();
}

/** Tries a failed job again now. `sendAgain`: make a new post even though one may exist. */
export async function retryPublish(draftId: string, now: Date, sendAgain = false): Promise<void> {
  await updatePublishJob(draftId, {
    state: 'waiting',
    failure: null,
    notBefore: now.toISOString(),
    ...(sendAgain ? { forceCreate: true } : {}),
  });
  void kickPublishing();
}

/** Takes a weeknote out of the queue. */
export function stopPublishing(draftId: string): Promise<void> {
  return cancelPublish(draftId);
}
