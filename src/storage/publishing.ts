import type { DraftChanges } from './drafts';
import { read, write } from './errors';
import type { Destination, PublishJob } from './publish-records';
import { keepSecret } from './secrets';

export type { Destination, PublishFailure, PublishJob } from './publish-records';

/** The blogs connected on this device, the default first. */
export function allDestinations(): Promise<Destination[]> {
  return read(async (db) => {
    const all = await db.destinations.toArray();
    return all.sort(
      (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name),
    );
  });
}

export function destinationById(id: string): Promise<Destination | undefined> {
  return read((db) => db.destinations.get(id));
}

/**
 * Keeps a connected blog and its credential. The first blog, or one marked default, becomes the
 * default. The credential is sealed first: a destination is never stored without it.
 */
export async function saveDestination(destination: Destination, secret: string): Promise<void> {
  await keepSecret(destination.id, secret);
  await write((db) =>
    db.transaction('rw', db.destinations, async () => {
      const others = (await db.destinations.toArray()).filter((d) => d.id !== destination.id);
      const isDefault = destination.isDefault || others.length === 0;
      if (isDefault) await db.destinations.bulkPut(others.map((d) => ({ ...d, isDefault: false })));
      await db.destinations.put({ ...destination, isDefault });
    }),
  );
}

/** Makes one blog the default for "Publish". */
export function setDefaultDestination(id: string): Promise<void> {
  return write((db) =>
    db.transaction('rw', db.destinations, async () => {
      const all = await db.destinations.toArray();
      await db.destinations.bulkPut(all.map((d) => ({ ...d, isDefault: d.id === id })));
    }),
  );
}

/** Changes how a blog's posts are sent by default (as drafts, or published). */
export function setDestinationPostStatus(id: string, postStatus: 'draft' | 'publish') {
  return write((db) => db.destinations.update(id, { postStatus }));
}

/**
 * Forgets a blog and its credential. Weeknotes waiting to go to it stay queued, failed with a
 * reason, so nothing is dropped: the writer can send them to another blog.
 */
export function removeDestination(id: string): Promise<void> {
  return write((db) =>
    db.transaction('rw', db.destinations, db.secrets, db.publishJobs, async () => {
      await db.destinations.delete(id);
      await db.secrets.delete(id);
      const left = await db.destinations.toArray();
      if (left.length > 0 && !left.some((d) => d.isDefault)) {
        await db.destinations.update(left[0]!.id, { isDefault: true });
      }
      await db.publishJobs
        .filter((j) => j.destinationId === id)
        .modify({
          state: 'failed',
          failure: {
            code: 'no-destination',
            message: 'The blog this was going to was removed from this device.',
            retrying: false,
          },
        });
    }),
  );
}

/**
 * Queues a weeknote for its blog. The draft's latest text is saved in the same transaction, so
 * what goes out is what was on screen when Publish was pressed, and a queued job always has
 * its draft. A job already queued for the draft is replaced (its marker kept, so a post the
 * blog may already have made is still found).
 */
export function queuePublish(
  draftId: string,
  text: { title: string; body: string },
  job: PublishJob,
  at: string,
): Promise<void> {
  return write((db) =>
    db.transaction('rw', db.drafts, db.outbox, db.publishJobs, async () => {
      const draft = await db.drafts.get(draftId);
      if (!draft) throw new Error(`No draft with id ${draftId}`);
      if (draft.title !== text.title || draft.body !== text.body) {
        await db.drafts.update(draftId, { ...text, updatedAt: at });
        await db.outbox.add({ kind: 'draft', recordId: draftId, op: 'put', queuedAt: at });
      }
      const earlier = await db.publishJobs.get(draftId);
      await db.publishJobs.put(
        earlier ? { ...job, marker: earlier.marker, uncertain: earlier.uncertain } : job,
      );
    }),
  );
}

/** The job queued for a draft, if any. */
export function publishJobFor(draftId: string): Promise<PublishJob | undefined> {
  return read((db) => db.publishJobs.get(draftId));
}

/** Every queued job. */
export function allPublishJobs(): Promise<PublishJob[]> {
  return read((db) => db.publishJobs.toArray());
}

/** Records a job's progress. Does nothing if the job was finished or cancelled meanwhile. */
export function updatePublishJob(draftId: string, changes: Partial<PublishJob>): Promise<void> {
  return write(async (db) => {
    await db.publishJobs.update(draftId, changes);
  });
}

/** Takes a job out of the queue without sending it. */
export function cancelPublish(draftId: string): Promise<void> {
  return write((db) => db.publishJobs.delete(draftId));
}

/**
 * The blog accepted the weeknote: the post is recorded on the draft (queued for sync) and the
 * job leaves the queue, in one transaction.
 */
export function completePublish(draftId: string, changes: DraftChanges, at: string): Promise<void> {
  return write((db) =>
    db.transaction('rw', db.drafts, db.outbox, db.publishJobs, async () => {
      const updated = await db.drafts.update(draftId, { ...changes, updatedAt: at });
      if (updated === 0) throw new Error(`No draft with id ${draftId}`);
      await db.outbox.add({ kind: 'draft', recordId: draftId, op: 'put', queuedAt: at });
      await db.publishJobs.delete(draftId);
    }),
  );
}
