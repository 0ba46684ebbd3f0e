import { read, write } from './errors';
import type { Draft } from './records';

/** The fields of a draft the writer changes as they work. */
export type DraftChanges = Partial<
  Pick<
    Draft,
    | 'title'
    | 'body'
    | 'status'
    | 'publishedOn'
    | 'publishedUrl'
    | 'publishedHash'
    | 'momentIds'
    | 'dismissedMomentIds'
    | 'checklist'
    | 'conflict'
    | 'post'
  >
>;

/** The draft for the week starting on `weekStart`, if there is one. */
export function draftForWeek(weekStart: string): Promise<Draft | undefined> {
  return read(async (db) => {
    const draft = await db.drafts.where('weekStart').equals(weekStart).first();
    return draft && draft.deletedAt === null ? draft : undefined;
  });
}

/** Saves a newly compiled draft, queued for sync in the same transaction. */
export function addDraft(draft: Draft): Promise<void> {
  return write((db) =>
    db.transaction('rw', db.drafts, db.outbox, async () => {
      await db.drafts.add(draft);
      await db.outbox.add({
        kind: 'draft',
        recordId: draft.id,
        op: 'put',
        queuedAt: draft.updatedAt,
      });
    }),
  );
}

/** Saves the writer's changes to a draft, queued for sync in the same transaction. */
export function updateDraft(id: string, changes: DraftChanges, at: string): Promise<void> {
  return write((db) =>
    db.transaction('rw', db.drafts, db.outbox, async () => {
      const updated = await db.drafts.update(id, { ...changes, updatedAt: at });
      if (updated === 0) throw new Error(`No draft with id ${id}`);
      await db.outbox.add({ kind: 'draft', recordId: id, op: 'put', queuedAt: at });
    }),
  );
}

/** Every live draft, newest week first. */
export function allDrafts(): Promise<Draft[]> {
  return read(async (db) => {
    const drafts = await db.drafts.orderBy('weekStart').reverse().toArray();
    return drafts.filter((d) => d.deletedAt === null);
  });
}

/** A live draft by its id. */
export function draftById(id: string): Promise<Draft | undefined> {
  return read(async (db) => {
    const draft = await db.drafts.get(id);
    return draft && draft.deletedAt === null ? draft : undefined;
  });
}
