import { sql, type Kysely, type Selectable } from 'kysely';
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

/**
 * Applies a batch of mutations for one user, in one transaction. The user's row is locked first,
 * so pushes for one user are serialised and `seq` strictly increases. A mutation seen before
 * returns its first result and changes nothing; one made on an old version is a conflict.
 */
export function pushMutations(
  db: Kysely<Database>,
  userId: string,
  mutations: Mutation[],
  now: string,
): Promise<PushResult[]> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .updateTable('users')
      .set({ seq: sql<number>`seq` })
      .where('id', '=', userId)
      .returning('seq')
      .executeTakeFirst();
    if (!locked) throw new Error('No such user');
    let seq = Number(locked.seq);
    const results: PushResult[] = [];

    for (const m of mutations) {
      const seen = await trx
        .selectFrom('mutations')
        .select('result')
        .where('user_id', '=', userId)
        .where('mutation_id', '=', m.mutationId)
        .executeTakeFirst();
      if (seen) {
        const first = JSON.parse(seen.result) as PushResult;
        results.push({
          ...first,
          status: 'duplicate',
          replayed: first.status === 'conflict' ? 'conflict' : 'applied',
        });
        continue;
      }
      const current = await trx
        .selectFrom('records')
        .selectAll()
        .where('user_id', '=', userId)
        .where('id', '=', m.id)
        .executeTakeFirst();

      let result: PushResult;
      if (current && (Number(current.version) !== m.baseVersion || current.kind !== m.kind)) {
        result = { mutationId: m.mutationId, status: 'conflict', record: toSyncRecord(current) };
      } else {
        seq += 1;
        const row = {
          user_id: userId,
          id: m.id,
          kind: m.kind,
          version: (current ? Number(current.version) : 0) + 1,
          seq,
          updated_at: m.updatedAt,
          deleted: m.deleted ? 1 : 0,
          payload: m.payload,
        };
        if (current) {
          await trx
            .updateTable('records')
            .set(row)
            .where('user_id', '=', userId)
            .where('id', '=', m.id)
            .execute();
        } else {
          await trx.insertInto('records').values(row).execute();
        }
        result = { mutationId: m.mutationId, status: 'applied', record: toSyncRecord(row) };
      }
      await trx
        .insertInto('mutations')
        .values({
          user_id: userId,
          mutation_id: m.mutationId,
          result: JSON.stringify(result),
          created_at: now,
        })
        .execute();
      results.push(result);
    }

    await trx.updateTable('users').set({ seq }).where('id', '=', userId).execute();
    return results;
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
