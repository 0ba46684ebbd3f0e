import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type {
  Mutation,
  PullResponse,
  PushResult,
  RecordKind,
  SyncRecord,
} from '../../src/sync/protocol.js';
import type { Database, RecordsTable } from '../db/schema.js';

function toSyncRecord(row: Selectable<RecordsTable>): SyncRecord {
  return {
    id: row.id,
    kind: row.kind as RecordKind,
    version: Number(row.version),
    seq: Number(row.seq),
    updatedAt: row.updated_at,
    deleted: Boolean(row.deleted),
    payload: row.payload,
  };
}

type RecordRow = Selectable<RecordsTable>;

/** What is kept of an answer to replay it (the `mutations.result` column). */
type StoredAnswer =
  /** Applied: the record is the mutation itself at this version and seq, so only those are kept. */
  | { status: 'applied'; version: number; seq: number }
  /** Conflict: the server's record as it was then, payload and all (rare, and the only copy). */
  | { status: 'conflict'; record: SyncRecord };

function storedAnswer(result: PushResult): string {
  const answer: StoredAnswer =
    result.status === 'conflict'
      ? { status: 'conflict', record: result.record }
      : { status: 'applied', version: result.record.version, seq: result.record.seq };
  return JSON.stringify(answer);
}

/**
 * The first answer to a mutation, rebuilt for its replay. A device resends a mutation unchanged,
 * so an applied one's record is that mutation at the version and seq it was given: the same
 * record the first answer held. (Rows written before answers were kept this way hold the whole
 * answer, which is used as it is.)
 */
function replayedAnswer(m: Mutation, stored: string): PushResult {
  const answer = JSON.parse(stored) as StoredAnswer | PushResult;
  if ('record' in answer) {
    const status = answer.status === 'conflict' ? 'conflict' : 'applied';
    return { mutationId: m.mutationId, status, record: answer.record };
  }
  return {
    mutationId: m.mutationId,
    status: 'applied',
    record: {
      id: m.id,
      kind: m.kind,
      version: answer.version,
      seq: answer.seq,
      updatedAt: m.updatedAt,
      deleted: m.deleted,
      payload: m.payload,
    },
  };
}

/**
 * Applies a batch of mutations for one user, in one transaction. The user's row is locked first
 * and a seq reserved for every mutation, so pushes for one user are serialised and `seq` strictly
 * increases (a conflict or duplicate leaves a gap, which pulls never notice). A mutation seen
 * before returns its first result and changes nothing; one made on an old version is a conflict.
 * Reads and writes are in bulk: a batch costs the same few statements whatever its size.
 */
export function pushMutations(
  db: Kysely<Database>,
  userId: string,
  mutations: Mutation[],
  now: string,
): Promise<PushResult[]> {
  return db.transaction().execute((trx) => applyPush(trx, userId, mutations, now));
}

async function applyPush(
  trx: Transaction<Database>,
  userId: string,
  mutations: Mutation[],
  now: string,
): Promise<PushResult[]> {
  {
    const locked = await trx
      .updateTable('users')
      .set({ seq: sql<number>`seq + ${mutations.length}` })
      .where('id', '=', userId)
      .returning('seq')
      .executeTakeFirst();
    if (!locked) throw new Error('No such user');
    let seq = Number(locked.seq) - mutations.length;

    const seen = new Map<string, PushResult>();
    const seenRows = await trx
      .selectFrom('mutations')
      .select(['mutation_id', 'result'])
      .where('user_id', '=', userId)
      .where('mutation_id', 'in', [...new Set(mutations.map((m) => m.mutationId))])
      .execute();
    const replays = new Map(seenRows.map((row) => [row.mutation_id, row.result]));
    const current = new Map<string, RecordRow>();
    const currentRows = await trx
      .selectFrom('records')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', 'in', [...new Set(mutations.map((m) => m.id))])
      .execute();
    for (const row of currentRows) current.set(row.id, row);
    const existed = new Set(current.keys());

    const results: PushResult[] = [];
    const written = new Map<string, RecordRow>();
    const mutationRows: Database['mutations'][] = [];
    for (const m of mutations) {
      const stored = replays.get(m.mutationId);
      const first = seen.get(m.mutationId) ?? (stored ? replayedAnswer(m, stored) : undefined);
      if (first) {
        results.push({
          ...first,
          status: 'duplicate',
          replayed: first.status === 'conflict' ? 'conflict' : 'applied',
        });
        continue;
      }
      const was = current.get(m.id);
      let result: PushResult;
      if (was && (Number(was.version) !== m.baseVersion || was.kind !== m.kind)) {
        result = { mutationId: m.mutationId, status: 'conflict', record: toSyncRecord(was) };
      } else {
        seq += 1;
        const row: RecordRow = {
          user_id: userId,
          id: m.id,
          kind: m.kind,
          version: (was ? Number(was.version) : 0) + 1,
          seq,
          updated_at: m.updatedAt,
          deleted: m.deleted ? 1 : 0,
          payload: m.payload,
        };
        current.set(m.id, row);
        written.set(m.id, row);
        result = { mutationId: m.mutationId, status: 'applied', record: toSyncRecord(row) };
      }
      seen.set(m.mutationId, result);
      mutationRows.push({
        user_id: userId,
        mutation_id: m.mutationId,
        result: storedAnswer(result),
        created_at: now,
      });
      results.push(result);
    }

    const inserts = [...written.values()].filter((row) => !existed.has(row.id));
    if (inserts.length > 0) await trx.insertInto('records').values(inserts).execute();
    for (const row of written.values()) {
      if (!existed.has(row.id)) continue;
      await trx
        .updateTable('records')
        .set(row)
        .where('user_id', '=', userId)
        .where('id', '=', row.id)
        .execute();
    }
    if (mutationRows.length > 0) await trx.insertInto('mutations').values(mutationRows).execute();
    return results;
  }
}

interface QueuedPush {
  userId: string;
  mutations: Mutation[];
  now: string;
  done: (err: unknown, results?: PushResult[]) => void;
}

/** How many queued pushes may share one transaction. */
const GROUP_MAX = 64;

/**
 * Pushes for an SQLite database, committed in groups: pushes that arrive while the event loop is
 * busy share one transaction (each inside its own savepoint, so one that fails is undone alone),
 * and one WAL commit then carries them all. Answers go out only after the commit. SQLite has one
 * writer at a time anyway, so this costs no concurrency and saves a commit per push.
 */
export function groupCommittingPusher(db: Kysely<Database>) {
  const queue: QueuedPush[] = [];
  let scheduled = false;

  async function runGroup(group: QueuedPush[]): Promise<void> {
    const outcomes: { err?: unknown; results?: PushResult[] }[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const push of group) {
          await sql`savepoint push`.execute(trx);
          try {
            const results = await applyPush(trx, push.userId, push.mutations, push.now);
            outcomes.push({ results });
          } catch (err) {
            await sql`rollback to savepoint push`.execute(trx);
            outcomes.push({ err });
          }
          await sql`release savepoint push`.execute(trx);
        }
      });
    } catch (err) {
      for (const push of group) push.done(err);
      return;
    }
    group.forEach((push, i) => push.done(outcomes[i]?.err, outcomes[i]?.results));
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) await runGroup(queue.splice(0, GROUP_MAX));
    scheduled = false;
  }

  return (userId: string, mutations: Mutation[], now: string): Promise<PushResult[]> =>
    new Promise((resolve, reject) => {
      queue.push({
        userId,
        mutations,
        now,
        done: (err, results) => {
          if (results && !err) resolve(results);
          else reject(err instanceof Error ? err : new Error('The push was not stored'));
        },
      });
      if (!scheduled) {
        scheduled = true;
        // After the requests already read from the network this turn have queued theirs.
        setImmediate(() => void drain());
      }
    });
}

/** The user's records changed after `since`, oldest change first, one page at a time. */
export async function pullChanges(
  db: Kysely<Database>,
  userId: string,
  since: number,
  limit: number,
): Promise<PullResponse> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('user_id', '=', userId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    changes: page.map(toSyncRecord),
    cursor: page.length > 0 ? Number(page[page.length - 1]?.seq) : since,
    more: rows.length > limit,
  };
}
