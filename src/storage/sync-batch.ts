import { uuidv7 } from 'uuidv7';
import type { InflightBatch, OutgoingMutation, StoredMoment, WeeknotesDb } from './db';
import { encodeRecord } from './record-codec';
import { visibleMoment } from './stored-moment';
import { settingKeyOf, settingRecord } from './sync-settings';
import type { AnyRecord, Kind } from './sync-store';
import { readUpload, writeUpload, type UploadWalk } from './sync-upload';

/**
 * The oldest changes in the outbox, one record each, up to `maxRecords`, passing over `skip`.
 * Several rows for one record (a draft saved again and again) leave room: it reads further.
 */
async function fromOutbox(
  d: WeeknotesDb,
  maxRecords: number,
  skip: ReadonlySet<string>,
): Promise<Map<string, Kind>> {
  const queue = (rows: number) => {
    const all = d.outbox.orderBy('seq');
    return (skip.size > 0 ? all.filter((row) => !skip.has(row.recordId)) : all)
      .limit(rows)
      .toArray();
  };
  let head = await queue(maxRecords);
  if (head.length === maxRecords && new Set(head.map((r) => r.recordId)).size < maxRecords)
    head = await queue(maxRecords * 4);
  const chosen = new Map<string, Kind>();
  for (const row of head) {
    if (chosen.size >= maxRecords) break;
    if (!chosen.has(row.recordId)) chosen.set(row.recordId, row.kind);
  }
  return chosen;
}

/**
 * The next moments of the sign-up upload, in id order, up to `room`: those not already queued
 * in the outbox (they go from there), nor pulled or pushed since (their version is known). Says
 * how far it read, and whether it reached the end.
 */
async function fromWalk(
  d: WeeknotesDb,
  walk: UploadWalk,
  room: number,
  taken: ReadonlyMap<string, Kind>,
  skip: ReadonlySet<string>,
): Promise<{ moments: StoredMoment[]; read: string[]; ended: boolean }> {
  const moments: StoredMoment[] = [];
  const read: string[] = [];
  let after = walk.after;
  for (;;) {
    const want = room - moments.length;
    const rows = await (
      after === null ? d.moments.orderBy('id') : d.moments.where('id').above(after)
    )
      .limit(want)
      .toArray();
    const ids = rows.map((m) => m.id);
    const queued = new Set(await d.outbox.where('recordId').anyOf(ids).keys());
    const based = new Set(await d.syncBase.where('id').anyOf(ids).primaryKeys());
    for (const m of rows) {
      read.push(m.id);
      const known = m.syncVersion !== undefined || based.has(m.id) || queued.has(m.id);
      const goes = walk.all ? !queued.has(m.id) : !known;
      if (goes && !taken.has(m.id) && !skip.has(m.id)) moments.push(m);
    }
    if (rows.length < want) return { moments, read, ended: true };
    after = ids[ids.length - 1] ?? after;
    if (moments.length >= room) return { moments, read, ended: false };
  }
}

/** A batch handed to the engine: its key (to settle it by) and its mutations. */
export interface ClaimedBatch {
  key: string;
  mutations: OutgoingMutation[];
}

/**
 * Takes the next batch to push inside the caller's transaction. First the oldest batch in flight
 * that is not in `claimed` (those the engine is already sending): an interrupted send is resent
 * exactly, so the server can recognise it. Else a new one from the outbox and then the sign-up
 * upload, passing over `skip` and every record in a batch in flight (one change at a time per
 * record), stored in flight after the others. Null when nothing waits.
 */
export async function takeBatch(
  d: WeeknotesDb,
  maxRecords: number,
  maxChars: number,
  passOver: ReadonlySet<string>,
  claimed: ReadonlySet<string> = new Set(),
): Promise<ClaimedBatch | null> {
  const inflight = await d.inflight.orderBy('key').toArray();
  const unsent = inflight.find((b) => !claimed.has(b.key));
  if (unsent) return { key: unsent.key, mutations: unsent.mutations };
  const skip = new Set(passOver);
  for (const b of inflight) for (const m of b.mutations) skip.add(m.id);
  const chosen = await fromOutbox(d, maxRecords, skip);
  const walk = await readUpload(d);
  const walked =
    walk && !walk.ended && chosen.size < maxRecords
      ? await fromWalk(d, walk, maxRecords - chosen.size, chosen, skip)
      : null;
  if (chosen.size === 0 && !walked?.moments.length) {
    // Nothing left to send: the walk, if any, has passed every moment. The upload is over once
    // the batches in flight are settled.
    if (walk) await writeUpload(d, inflight.length > 0 ? { ...walk, ended: true } : null);
    return null;
  }

  const ids = [...chosen.keys()];
  const records = new Map<string, AnyRecord>();
  // The version each change was made on: a syncBase row if there is one, else the version a
  // pulled moment's row carries.
  const bases = new Map<string, number>();
  // One cursor over the keys (anyOf) rather than a request per id (bulkGet).
  const momentIds = ids.filter((id) => chosen.get(id) === 'moment');
  const moments = await d.moments.where('id').anyOf(momentIds).toArray();
  for (const m of [...moments, ...(walked?.moments ?? [])]) {
    records.set(m.id, visibleMoment(m));
    if (m.syncVersion !== undefined) bases.set(m.id, m.syncVersion);
  }
  const draftIds = ids.filter((id) => chosen.get(id) === 'draft');
  for (const dr of await d.drafts.bulkGet(draftIds)) if (dr) records.set(dr.id, dr);
  const commitmentIds = ids.filter((id) => chosen.get(id) === 'commitment');
  for (const c of await d.commitments.bulkGet(commitmentIds)) if (c) records.set(c.id, c);
  const settingKeys = ids.flatMap((id) => settingKeyOf(id) ?? []);
  for (const row of await d.settings.bulkGet(settingKeys)) {
    const setting = settingRecord(row);
    if (setting) records.set(setting.id, setting);
  }
  // A walked moment may have a base too, when the walk re-seals what the server holds.
  const walkedIds = walk?.all ? (walked?.moments ?? []).map((m) => m.id) : [];
  for (const b of await d.syncBase
    .where('id')
    .anyOf([...ids, ...walkedIds])
    .toArray())
    bases.set(b.id, b.version);

  // The outbox's records first, then the walk's, as far as the batch's size allows.
  const order: [string, Kind][] = [
    ...chosen,
    ...(walked?.moments ?? []).map((m): [string, Kind] => [m.id, 'moment']),
  ];
  const mutations: OutgoingMutation[] = [];
  const settled = new Set<string>();
  let chars = 0;
  for (const [id, kind] of order) {
    const record = records.get(id);
    const payload = record ? encodeRecord(record) : '';
    if (record && mutations.length > 0 && chars + payload.length > maxChars) break;
    settled.add(id);
    if (!record) continue;
    chars += payload.length;
    mutations.push({
      mutationId: uuidv7(),
      id,
      kind,
      baseVersion: bases.get(id) ?? 0,
      updatedAt: record.updatedAt,
      deleted: record.deletedAt !== null,
      payload,
    });
  }
  if (walk && walked) {
    // The walk moves on over what it read, up to the last moment this batch holds.
    const mine = new Set(walked.moments.map((m) => m.id));
    const last = [...settled].filter((id) => mine.has(id)).at(-1);
    const cut = walked.moments.length > 0 && last !== walked.moments.at(-1)?.id;
    const after = cut ? (last ?? walk.after) : (walked.read.at(-1) ?? walk.after);
    await writeUpload(d, { ...walk, after, ended: walked.ended && !cut });
  }
  const outboxSeqs = (
    await d.outbox
      .where('recordId')
      .anyOf([...settled])
      .primaryKeys()
  ).map(Number);
  const key = `batch:${uuidv7()}`;
  const batch: InflightBatch = { key, mutations, outboxSeqs };
  await d.inflight.put(batch);
  return { key, mutations };
}
