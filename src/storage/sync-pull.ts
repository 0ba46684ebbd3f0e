import type { SyncBase, WeeknotesDb } from './db';
import type { Commitment } from './commitment-record';
import type { Draft, Moment } from './records';
import type { SettingRecord, SyncedSettingKey } from './settings';
import { pulledMoment } from './stored-moment';
import { decode, reasonOf } from './sync-settle';
import type { IncomingRecord, Unsettled } from './sync-store';
import { awaitsWalk, readUpload } from './sync-upload';

/**
 * Stores a page of pulled changes and the new cursor, inside the caller's transaction over the
 * push tables and syncMeta. A record this device has unsent changes to is left alone: its next
 * push meets the new version and merges. A record this device cannot read fails alone: it is
 * not stored, and is told in `unreadable`.
 */
export async function storePage(
  d: WeeknotesDb,
  changes: IncomingRecord[],
  cursor: number,
): Promise<{ settings: SyncedSettingKey[]; unreadable: Unsettled[] }> {
  // Bulk reads and writes: a first sync brings thousands of records.
  const ids = changes.map((c) => c.id);
  const inflight = await d.inflight.toArray();
  const pending = new Set(inflight.flatMap((b) => b.mutations.map((m) => m.id)));
  const walk = await readUpload(d);
  for (const key of await d.outbox.where('recordId').anyOf(ids).keys()) pending.add(key as string);
  // The version this device last saw of each: its syncBase row, else a pulled moment's row.
  const bases = new Map<string, number>();
  const momentIds = changes.filter((c) => c.kind === 'moment').map((c) => c.id);
  // anyOf walks one cursor over the keys present (none, on a first sync); bulkGet would
  // make a request per id.
  const held = await d.moments.where('id').anyOf(momentIds).toArray();
  for (const m of held) if (m.syncVersion !== undefined) bases.set(m.id, m.syncVersion);
  const baseRows = await d.syncBase.where('id').anyOf(ids).toArray();
  for (const b of baseRows) bases.set(b.id, b.version);
  // A moment the sign-up upload has yet to push is a change waiting, like an outbox row.
  for (const m of held) if (!bases.has(m.id) && awaitsWalk(walk, m.id)) pending.add(m.id);
  const unreadable: Unsettled[] = [];
  const fresh = changes.flatMap((c) => {
    if (pending.has(c.id) || (bases.get(c.id) ?? 0) >= c.version) return [];
    try {
      if (c.problem !== undefined) throw new Error(c.problem);
      return [{ ...c, record: decode(c.kind, c.payload) }];
    } catch (err) {
      unreadable.push({ id: c.id, kind: c.kind, reason: reasonOf(err), direction: 'pull' });
      return [];
    }
  });
  // A pulled moment carries its version in its row (no syncBase row: a first sync brings
  // thousands) and is indexed for search in the background, which halves its cost here.
  const freshMoments = fresh.filter((c) => c.kind === 'moment');
  const freshDrafts = fresh.filter((c) => c.kind === 'draft');
  const freshSettings = fresh.filter((c) => c.kind === 'setting');
  const freshCommitments = fresh.filter((c) => c.kind === 'commitment');
  const settings = freshSettings.map((c) => c.record as SettingRecord);
  await d.moments.bulkPut(freshMoments.map((c) => pulledMoment(c.record as Moment, c.version)));
  await d.drafts.bulkPut(freshDrafts.map((c) => c.record as Draft));
  await d.commitments.bulkPut(freshCommitments.map((c) => c.record as Commitment));
  await d.settings.bulkPut(
    settings.map((r) => ({ key: r.key, value: r.value, updatedAt: r.updatedAt })),
  );
  await d.syncBase.bulkPut(
    [...freshDrafts, ...freshSettings, ...freshCommitments].map((c): SyncBase => ({
      id: c.id,
      kind: c.kind,
      version: c.version,
      payload: c.payload,
    })),
  );
  // A syncBase row a moment had is older than the version now in its row.
  const replaced = new Set(freshMoments.map((c) => c.id));
  await d.syncBase.bulkDelete(baseRows.filter((b) => replaced.has(b.id)).map((b) => b.id));
  await d.syncMeta.put({ key: 'cursor', value: cursor });
  return { settings: settings.map((r) => r.key), unreadable };
}
