import type { Kysely } from 'kysely';
import type { PullResponse } from '../../src/sync/protocol.js';
import type { Database } from '../db/schema.js';
import { toSyncRecord } from './push-plan.js';

/**
 * The user's records changed after `since`, oldest change first, one page at a time. Pushes give
 * a user's seqs under the lock on their row and commit in that order (`applyPushes`), so a page
 * never holds a seq while a lower one is still to be committed: the cursor never skips one.
 */
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
