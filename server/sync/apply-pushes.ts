import { sql, type Transaction } from 'kysely';
import type { Mutation, PushResult } from '../../src/sync/protocol.js';
import type { Database } from '../db/schema.js';
import { emptyWrites, planPush, type RecordRow, type UserState } from './push-plan.js';

/** One request's mutations for one user. */
export interface Push {
  userId: string;
  mutations: Mutation[];
  now: string;
}

/** What became of one push in a group: its answers, or why it failed (alone). */
export type PushOutcome = { results: PushResult[] } | { error: Error };

export type Engine = 'sqlite' | 'postgres';

/** Rows per bulk statement: 1,000 records of 8 columns stay far below either engine's limit. */
const CHUNK = 1000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** `(a, b) in (values (?, ?), …)`: exact pairs, on the primary key, on both engines. */
const pairs = (columns: string, keys: [string, string][]) =>
  sql<boolean>`(${sql.raw(columns)}) in (values ${sql.join(keys.map(([a, b]) => sql`(${a}, ${b})`))})`;

/**
 * Applies a group of pushes in the transaction given, with a few bulk statements whatever the
 * group's size: lock the users' rows (in id order, so concurrent groups and other processes
 * never deadlock), read the mutations seen before and the records touched, work out every push
 * in order (`planPush`), then write the records, the mutations answered and the users' seqs.
 *
 * Seqs are handed out under the user's row lock, held until commit, so a user's records commit
 * in seq order: a pull never sees a seq while a lower one is still to come. A push whose user is
 * gone, or whose stored answers cannot be read, fails alone; a statement that fails fails the
 * whole transaction (the caller then retries the pushes one by one).
 */
export async function applyPushes(
  trx: Transaction<Database>,
  engine: Engine,
  pushes: Push[],
): Promise<PushOutcome[]> {
  const userIds = [...new Set(pushes.map((p) => p.userId))];
  const lock = trx
    .selectFrom('users')
    .select(['id', 'seq'])
    .where('id', 'in', userIds)
    .orderBy('id')
    // A key-preserving lock: other tables' foreign keys (devices, sessions) need not wait.
    .$if(engine === 'postgres', (q) => q.forNoKeyUpdate());
  const states = new Map<string, UserState>();
  for (const u of await lock.execute())
    states.set(u.id, { seq: Number(u.seq), records: new Map(), answers: new Map() });

  const known = pushes.filter((p) => states.has(p.userId));
  const keys = (key: (m: Mutation) => string) => {
    const all = new Map<string, [string, string]>();
    for (const p of known)
      for (const m of p.mutations) all.set(`${p.userId}\n${key(m)}`, [p.userId, key(m)]);
    return [...all.values()];
  };
  for (const part of chunks(keys((m) => m.mutationId))) {
    const rows = await trx
      .selectFrom('mutations')
      .select(['user_id', 'mutation_id', 'result'])
      .where(pairs('user_id, mutation_id', part))
      .execute();
    for (const row of rows) states.get(row.user_id)?.answers.set(row.mutation_id, row.result);
  }
  for (const part of chunks(keys((m) => m.id))) {
    const rows: RecordRow[] = await trx
      .selectFrom('records')
      .selectAll()
      .where(pairs('user_id, id', part))
      .execute();
    for (const row of rows) states.get(row.user_id)?.records.set(row.id, row);
  }

  const writes = emptyWrites();
  const outcomes = pushes.map((p): PushOutcome => {
    const state = states.get(p.userId);
    if (!state) return { error: new Error('No such user') };
    try {
      return { results: planPush(state, p.userId, p.mutations, p.now, writes) };
    } catch (err) {
      return { error: err instanceof Error ? err : new Error(String(err)) };
    }
  });

  for (const part of chunks([...writes.records.values()])) {
    await trx
      .insertInto('records')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['user_id', 'id']).doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          version: eb.ref('excluded.version'),
          seq: eb.ref('excluded.seq'),
          updated_at: eb.ref('excluded.updated_at'),
          deleted: eb.ref('excluded.deleted'),
          payload: eb.ref('excluded.payload'),
        })),
      )
      .execute();
  }
  for (const part of chunks(writes.mutations))
    await trx.insertInto('mutations').values(part).execute();
  const moved = [...writes.users];
  if (moved.length > 0) {
    const seqOf = (id: string) => states.get(id)?.seq ?? 0;
    await trx
      .updateTable('users')
      .set({
        seq: sql<number>`case id ${sql.join(
          moved.map((id) => sql`when ${id} then cast(${seqOf(id)} as integer)`),
          sql` `,
        )} end`,
      })
      .where('id', 'in', moved)
      .execute();
  }
  return outcomes;
}
