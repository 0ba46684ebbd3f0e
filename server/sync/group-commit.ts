import type { Kysely } from 'kysely';
import type { Mutation, PushResult } from '../../src/sync/protocol.js';
import type { Database } from '../db/schema.js';
import { applyPushes, type Engine, type Push, type PushOutcome } from './apply-pushes.js';

interface Queued extends Push {
  done: (outcome: PushOutcome) => void;
}

/** How many pushes, and how many mutations in all, one group may carry. */
const GROUP_MAX = 64;
const GROUP_MUTATIONS = 1000;

/**
 * Groups in flight at once. SQLite has one writer, so one. PostgreSQL runs several, each on its
 * own pooled connection (the pool has 10), leaving connections for sign-ins and pulls.
 */
const LANES: Record<Engine, number> = { sqlite: 1, postgres: 2 };

/**
 * Pushes committed in groups (ADR 0009). Pushes that arrive while the event loop is busy, or
 * while every lane is running a group, share one transaction and a few bulk statements
 * (`applyPushes`); one commit then carries them all, and answers go out only after it. Each
 * user is in at most one group at a time in this process, and their pushes keep their order.
 * If a group's transaction fails, its pushes are tried again one transaction each, so one that
 * fails fails alone and the others are still stored.
 */
export function groupCommittingPusher(
  db: Kysely<Database>,
  engine: Engine,
  options: {
    lanes?: number;
    /** Told of each group's transaction: how many pushes it carried and whether it committed. */
    onGroup?: (pushes: number, committed: boolean) => void;
  } = {},
) {
  const lanes = options.lanes ?? LANES[engine];
  const queue: Queued[] = [];
  /** Users with a group in flight: their next pushes wait for it. */
  const busy = new Set<string>();
  let running = 0;
  let scheduled = false;

  /** The next group: the oldest pushes whose users are free, up to the group's limits. */
  function take(): Queued[] {
    const group: Queued[] = [];
    const passed = new Set(busy);
    let count = 0;
    for (let i = 0; i < queue.length; i++) {
      const push = queue[i] as Queued;
      const fits = group.length < GROUP_MAX && count + push.mutations.length <= GROUP_MUTATIONS;
      if (passed.has(push.userId) || (group.length > 0 && !fits)) {
        // Once one of a user's pushes waits, the later ones wait too: they keep their order.
        passed.add(push.userId);
        continue;
      }
      group.push(push);
      count += push.mutations.length;
      queue.splice(i--, 1);
    }
    return group;
  }

  const inTransaction = (pushes: Push[]) =>
    db.transaction().execute((trx) => applyPushes(trx, engine, pushes));

  async function run(group: Queued[]): Promise<void> {
    try {
      const outcomes = await inTransaction(group);
      options.onGroup?.(group.length, true);
      group.forEach((push, i) => push.done(outcomes[i] ?? { error: new Error('No answer') }));
      return;
    } catch (err) {
      options.onGroup?.(group.length, false);
      if (group.length === 1) return group[0]?.done({ error: asError(err) });
    }
    for (const push of group) {
      try {
        const [outcome] = await inTransaction([push]);
        push.done(outcome ?? { error: new Error('No answer') });
      } catch (err) {
        push.done({ error: asError(err) });
      }
    }
  }

  function dispatch(): void {
    scheduled = false;
    while (running < lanes && queue.length > 0) {
      const group = take();
      if (group.length === 0) return;
      const users = new Set(group.map((p) => p.userId));
      for (const user of users) busy.add(user);
      running++;
      void run(group).finally(() => {
        for (const user of users) busy.delete(user);
        running--;
        dispatch();
      });
    }
  }

  return (userId: string, mutations: Mutation[], now: string): Promise<PushResult[]> =>
    new Promise((resolve, reject) => {
      queue.push({
        userId,
        mutations,
        now,
        done: (outcome) =>
          'results' in outcome ? resolve(outcome.results) : reject(outcome.error),
      });
      if (!scheduled) {
        scheduled = true;
        // After the requests already read from the network this turn have queued theirs.
        setImmediate(dispatch);
      }
    });
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error('The push was not stored');
}
