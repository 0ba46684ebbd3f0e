import type { SettingRow, StoredMoment, WeeknotesDb } from './db';
import type { Commitment } from './commitment-record';
import { decodeCommitment, decodeDraft, decodeMoment } from './record-codec';
import { decodeSetting } from './record-settings';
import type { Draft, Moment, OutboxEntry } from './records';
import type { SettingClash, SettingRecord } from './settings';
import { storedMoment, visibleMoment } from './stored-moment';
import { keepClash, settingKeyOf, settingRecord } from './sync-settings';
import { UPLOAD_KEY, type UploadWalk } from './sync-upload';
import type {
  AnyRecord,
  Kind,
  PushOutcome,
  Resolution,
  Resolver,
  SettingsTouched,
  Unsettled,
} from './sync-store';

/** What settling a batch did: settings changed here, clashes kept, and records left queued. */
export interface Settled extends SettingsTouched {
  /** Records whose answer could not be merged: they stay queued, as they were. */
  failed: Unsettled[];
}

/** Reads a record from a payload, or throws if it is not one of its kind. */
export function decode(kind: Kind, payload: string): AnyRecord {
  if (kind === 'setting') return decodeSetting(payload);
  if (kind === 'commitment') return decodeCommitment(payload);
  return kind === 'moment' ? decodeMoment(payload) : decodeDraft(payload);
}

/** Why a record could not be read or merged, in words for the writer. */
export function reasonOf(err: unknown): string {
  const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  const issue = issues?.[0];
  if (issue) return `${issue.path.map(String).join('.') || 'record'}: ${issue.message}`;
  return err instanceof Error ? err.message : String(err);
}

/** An outbox row queueing a record to be pushed. */
export function outboxRow(kind: Kind, recordId: string, at: string): OutboxEntry {
  return { kind, recordId, op: 'put', queuedAt: at };
}

/** Deletes outbox rows: each run of consecutive seqs as one range, not a request per row. */
async function deleteOutboxRows(d: WeeknotesDb, seqs: number[]): Promise<void> {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const single: number[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === (sorted[i - 1] ?? 0) + 1) continue;
    const [from, to] = [sorted[start] ?? 0, sorted[i - 1] ?? 0];
    if (to > from) await d.outbox.where('seq').between(from, to, true, true).delete();
    else single.push(from);
    start = i;
  }
  await d.outbox.bulkDelete(single);
}

/**
 * Settles the batch in flight with the server's answers. Call inside one transaction over the
 * push tables and syncMeta. Bases move to the server's versions in one bulk write, conflicts are
 * merged by `resolve` (and queued again where the merge differs from the server), conflict
 * copies are added, and only then are the batch's outbox rows deleted. A conflict whose answer
 * cannot be read or merged fails alone: nothing of it is stored and its outbox rows stay.
 */
export async function settleAnswers(
  d: WeeknotesDb,
  outcomes: PushOutcome[],
  resolve: Resolver,
  at: string,
  key?: string,
): Promise<Settled> {
  const settled: Settled = { settings: [], clashes: 0, failed: [] };
  // The batch these answers are for; without a key, the oldest in flight.
  const batch = await (key === undefined ? d.inflight.orderBy('key').first() : d.inflight.get(key));
  if (!batch) return settled;
  const conflicts = outcomes
    .filter((o) => o.status === 'conflict' || o.replayed === 'conflict')
    .map((o) => o.record);
  const ids = (kind: Kind) => conflicts.filter((r) => r.kind === kind).map((r) => r.id);
  // Everything a merge needs, read in one go before the answers replace the bases: the version
  // this device last saw of each, and its own.
  const baseRows = await d.syncBase.bulkGet(conflicts.map((r) => r.id));
  const mine = new Map<string, AnyRecord>();
  for (const m of await d.moments.bulkGet(ids('moment'))) if (m) mine.set(m.id, visibleMoment(m));
  for (const dr of await d.drafts.bulkGet(ids('draft'))) if (dr) mine.set(dr.id, dr);
  for (const c of await d.commitments.bulkGet(ids('commitment'))) if (c) mine.set(c.id, c);
  const settingKeys = ids('setting').flatMap((id) => settingKeyOf(id) ?? []);
  for (const row of await d.settings.bulkGet(settingKeys)) {
    const setting = settingRecord(row);
    if (setting) mine.set(setting.id, setting);
  }

  const failed = new Set<string>();
  const moments: StoredMoment[] = [];
  const drafts: Draft[] = [];
  const commitments: Commitment[] = [];
  const settings: SettingRecord[] = [];
  const clashes: SettingClash[] = [];
  const requeue: OutboxEntry[] = [];
  for (const [i, record] of conflicts.entries()) {
    const baseRow = baseRows[i];
    let base: AnyRecord | null = null;
    try {
      base = baseRow ? decode(baseRow.kind, baseRow.payload) : null;
    } catch {
      // A base this device can no longer read: merged as if from nothing, which keeps both texts.
    }
    if (record.problem !== undefined && record.replaceable && mine.has(record.id)) {
      // No device of the writer's wrote the server's version (it does not open for anyone):
      // this device's own is pushed again on top of it, and the writer is told once.
      settled.failed.push({
        id: record.id,
        kind: record.kind,
        reason: `${record.problem}; this device’s version replaces it`,
        direction: 'push',
      });
      requeue.push(outboxRow(record.kind, record.id, at));
      continue;
    }
    let theirs: AnyRecord;
    let resolution: Resolution;
    try {
      if (record.problem !== undefined) throw new Error(record.problem);
      theirs = decode(record.kind, record.payload);
      resolution = resolve(record.kind, base, mine.get(record.id), theirs);
    } catch (err) {
      failed.add(record.id);
      settled.failed.push({
        id: record.id,
        kind: record.kind,
        reason: reasonOf(err),
        direction: 'push',
      });
      continue;
    }
    if (record.kind === 'moment') moments.push(storedMoment(resolution.record as Moment));
    else if (record.kind === 'draft') drafts.push(resolution.record as Draft);
    else if (record.kind === 'commitment') commitments.push(resolution.record as Commitment);
    else {
      settings.push(resolution.record as SettingRecord);
      settled.settings.push((theirs as SettingRecord).key);
    }
    if (resolution.clash) clashes.push(resolution.clash);
    if (resolution.pushAgain) requeue.push(outboxRow(record.kind, record.id, at));
    for (const copy of resolution.copies) {
      moments.push(storedMoment(copy));
      requeue.push(outboxRow('moment', copy.id, at));
    }
  }
  await d.moments.bulkPut(moments);
  await d.drafts.bulkPut(drafts);
  await d.commitments.bulkPut(commitments);
  await d.settings.bulkPut(
    settings.map((r) => ({ key: r.key, value: r.value, updatedAt: r.updatedAt })),
  );
  for (const clash of clashes) await keepClash(d, clash);
  settled.clashes = clashes.length;
  await d.syncBase.bulkPut(
    outcomes
      .filter((o) => !failed.has(o.record.id))
      .map(({ record }) => ({
        id: record.id,
        kind: record.kind,
        version: record.version,
        payload: record.payload,
      })),
  );
  const kept = new Set<number>();
  if (failed.size > 0) {
    const rows = await d.outbox
      .where('recordId')
      .anyOf([...failed])
      .toArray();
    for (const row of rows) if (row.seq !== undefined) kept.add(row.seq);
    // A record the sign-up upload sent has no outbox row: it is queued to be tried again.
    const queued = new Set(rows.map((row) => row.recordId));
    for (const o of outcomes)
      if (failed.has(o.record.id) && !queued.has(o.record.id))
        requeue.push(outboxRow(o.record.kind, o.record.id, at));
  }
  await deleteOutboxRows(
    d,
    batch.outboxSeqs.filter((seq) => !kept.has(seq)),
  );
  await d.inflight.delete(batch.key);
  await d.outbox.bulkAdd(requeue);
  await moveOn(d, batch.mutations.length, outcomes);
  return settled;
}

/**
 * After a batch: counts it towards the sign-up upload (ending the upload after the walk's last
 * batch), and moves the pull cursor over this device's own new versions when they follow it
 * without a gap. Seqs are unique per account, so no other device's change lies between them, and
 * this device already holds each at that version: pulling them back (a whole sign-up's worth)
 * is saved. One read and one write, so the transaction's zone is never lost between them.
 */
async function moveOn(d: WeeknotesDb, count: number, outcomes: PushOutcome[]): Promise<void> {
  const [uploadRow, cursorRow] = await d.syncMeta.bulkGet([UPLOAD_KEY, 'cursor']);
  const cursor = (cursorRow?.value as number | undefined) ?? 0;
  const seqs = outcomes
    .filter((o) => o.status === 'applied' || o.replayed === 'applied')
    .map((o) => o.record.seq)
    .sort((a, b) => a - b);
  let next = cursor;
  for (const seq of seqs) {
    if (seq === next + 1) next = seq;
    else if (seq > next) break;
  }
  const rows: SettingRow[] = next > cursor ? [{ key: 'cursor', value: next }] : [];
  const upload = uploadRow?.value as UploadWalk | undefined;
  if (upload && !upload.ended) {
    const done = Math.min(upload.total, upload.done + count);
    rows.push({ key: UPLOAD_KEY, value: { ...upload, done } });
  }
  await d.syncMeta.bulkPut(rows);
  if (upload?.ended) await d.syncMeta.delete(UPLOAD_KEY);
}
