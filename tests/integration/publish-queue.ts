/** Driving the app's publish queue from Node tests, as the Write screen's Publish button does. */
import { newJob, runPublishQueue } from '../../src/publish/queue';
import { draftById } from '../../src/storage/drafts';
import { queuePublish, type Destination } from '../../src/storage/publishing';

/** Queues a draft's stored text for a blog. */
export async function queueDraft(
  draftId: string,
  destination: Destination,
  postStatus: 'draft' | 'publish' = 'draft',
): Promise<void> {
  const draft = (await draftById(draftId))!;
  const now = new Date();
  await queuePublish(
    draftId,
    { title: draft.title, body: draft.body },
    newJob(draftId, destination.id, postStatus, now),
    now.toISOString(),
  );
}

/** Runs the queue as if `minutes` had passed, so a failed job's pause is over. */
export const runQueueLater = (minutes = 0) =>
  runPublishQueue(() => new Date(Date.now() + minutes * 60_000));
