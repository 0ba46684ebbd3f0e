import type { Selectable } from 'kysely';
import type { Mutation, PushResult, RecordKind, SyncRecord } from '../../src/sync/protocol.js';
import type { Database, RecordsTable } from '../db/schema.js';

export type RecordRow = Selectable<RecordsTable>;
type MutationRow = Database['mutations'];

export function toSyncRecord(row: RecordRow): SyncRecord {
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
 * One user's side of a group of pushes, read under the lock on their row: the last seq given,
 * their records as they stand (this group's writes included) and the answers already given to
 * mutations (stored ones from earlier requests, whole ones from this group).
 */
export interface UserState {
  seq: number;
  records: Map<string, RecordRow>;
  answers: Map<string, string | PushResult>;
}

/** What a group writes: the final row of each record changed, and the mutations answered. */
export interface GroupWrites {
  /** Keyed by user and record id, so a record changed twice in a group is written once. */
  records: Map<string, RecordRow>;
  mutations: MutationRow[];
  /** Users whose seq moved. */
  users: Set<string>;
}

export const emptyWrites = (): GroupWrites => ({
  records: new Map(),
  mutations: [],
  users: new Set(),
});

/**
 * Works out one push against its user's state (pure: no database). A mutation seen before
 * answers `duplicate` with its first result and changes nothing; one made on another version (or
 * another kind) is a conflict; anything else is applied with `version + 1` and the user's next
 * seq. The state and `writes` change only once the whole push has been worked out, so a push that
 * throws leaves both as they were.
 */
export function planPush(
  state: UserState,
  userId: string,
  mutations: Mutation[],
  now: string,
  writes: GroupWrites,
): PushResult[] {
  let seq = state.seq;
  const records = new Map<string, RecordRow>();
  const answers = new Map<string, PushResult>();
  const mutationRows: MutationRow[] = [];
  const results: PushResult[] = [];
  for (const m of mutations) {
    const known = answers.get(m.mutationId) ?? state.answers.get(m.mutationId);
    const first = typeof known === 'string' ? replayedAnswer(m, known) : known;
    if (first) {
      results.push({
        ...first,
        status: 'duplicate',
        replayed: first.status === 'conflict' ? 'conflict' : 'applied',
      });
      continue;
    }
    const was = records.get(m.id) ?? state.records.get(m.id);
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
      records.set(m.id, row);
      result = { mutationId: m.mutationId, status: 'applied', record: toSyncRecord(row) };
    }
    answers.set(m.mutationId, result);
    mutationRows.push({
      user_id: userId,
      mutation_id: m.mutationId,
      result: storedAnswer(result),
      created_at: now,
    });
    results.push(result);
  }
  if (seq !== state.seq) writes.users.add(userId);
  state.seq = seq;
  for (const [id, row] of records) {
    state.records.set(id, row);
    writes.records.set(`${userId}\n${id}`, row);
  }
  for (const [id, answer] of answers) state.answers.set(id, answer);
  writes.mutations.push(...mutationRows);
  return results;
}
