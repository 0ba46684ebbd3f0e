import type { Commitment, CommitmentState } from './commitment-record';
import { read, write } from './errors';

/** Oldest week first, then in the order the writer listed them. */
const byWeekAndPlace = (a: Commitment, b: Commitment): number =>
  a.weekStart.localeCompare(b.weekStart) || a.position - b.position || a.id.localeCompare(b.id);

/** Every live commitment (open, done or dropped), oldest week first. */
export function allCommitments(): Promise<Commitment[]> {
  return read(async (db) => {
    const all = await db.commitments.toArray();
    return all.filter((c) => c.deletedAt === null).sort(byWeekAndPlace);
  });
}

/** The commitments still open, oldest week first. */
export function openCommitments(): Promise<Commitment[]> {
  return read(async (db) => {
    const open = await db.commitments.where('state').equals('open').toArray();
    return open.filter((c) => c.deletedAt === null).sort(byWeekAndPlace);
  });
}

/**
 * Keeps newly derived commitments, each queued for sync in the same transaction. One whose id
 * is already kept (in any state, deleted too) is left as it is: deriving again changes nothing.
 * Returns how many were added.
 */
export function addCommitments(made: Commitment[]): Promise<number> {
  if (made.length === 0) return Promise.resolve(0);
  return write((db) =>
    db.transaction('rw', db.commitments, db.outbox, async () => {
      const kept = await db.commitments.bulkGet(made.map((c) => c.id));
      const fresh = made.filter((_, i) => kept[i] === undefined);
      await db.commitments.bulkAdd(fresh);
      await db.outbox.bulkAdd(
        fresh.map((c) => ({
          kind: 'commitment' as const,
          recordId: c.id,
          op: 'put' as const,
          queuedAt: c.updatedAt,
        })),
      );
      return fresh.length;
    }),
  );
}

/**
 * Marks a commitment done, dropped or open again, in the week `weekStart` (null when open),
 * queued for sync in the same transaction. False when there is no such commitment.
 */
export function decideCommitment(
  id: string,
  state: CommitmentState,
  weekStart: string | null,
  at: string,
): Promise<boolean> {
  return write((db) =>
    db.transaction('rw', db.commitments, db.outbox, async () => {
      const before = await db.commitments.get(id);
      if (!before || before.deletedAt !== null) return false;
      const closedIn = state === 'open' ? null : weekStart;
      if (before.state === state && before.closedIn === closedIn) return true;
      await db.commitments.update(id, { state, closedIn, updatedAt: at });
      await db.outbox.add({ kind: 'commitment', recordId: id, op: 'put', queuedAt: at });
      return true;
    }),
  );
}

/** As decideCommitment, for a commitment that must be there. */
export async function setCommitmentState(
  id: string,
  state: CommitmentState,
  weekStart: string | null,
  at: string,
): Promise<void> {
  if (!(await decideCommitment(id, state, weekStart, at)))
    throw new Error(`No commitment with id ${id}`);
}

/** A commitment by its id, in any state, if it is kept and not deleted. */
export function commitmentById(id: string): Promise<Commitment | undefined> {
  return read(async (db) => {
    const c = await db.commitments.get(id);
    return c && c.deletedAt === null ? c : undefined;
  });
}
