import { uuidv7 } from 'uuidv7';
import { type InflightBatch, type OutgoingMutation, type SyncBase, type WeeknotesDb } from './db';
import { read as readApp, write as writeApp } from './errors';
import { encodeRecord } from './record-codec';
import type { Commitment } from './commitment-record';
import type { Draft, Moment } from './records';
import type { SettingClash, SettingRecord, SyncedSettingKey } from './settings';
import { pulledMoment, visibleMoment } from './stored-moment';
import { decode, outboxRow, reasonOf, settleAnswers, type Settled } from './sync-settle';
import { allSettingsQueued, queueUnsynced, settingKeyOf, settingRecord } from './sync-settings';

export type Kind = 'moment' | 'draft' | 'setting' | 'commitment';
export type AnyRecord = Moment | Draft | SettingRecord | Commitment;

/** Settings a sync step changed on this device, so the app can show them, and clashes kept. */
export interface SettingsTouched {
  settings: SyncedSettingKey[];
  clashes: number;
}

/**
 * A record sync could not settle or read, and why. One this device pushed stays queued; one
 * pulled is left on the server, for the device that wrote it to correct.
 */
export interface Unsettled {
  id: string;
  kind: Kind;
  reason: string;
  direction: 'push' | 'pull';
}

/** The account this device syncs with. */
export interface Account {
  userId: string;
  deviceId: string;
  deviceName: string;
}

/** A record as the server sent it. */
export interface IncomingRecord {
  id: string;
  kind: Kind;
  version: number;
  seq: number;
  updatedAt: string;
  deleted: boolean;
  payload: string;
}

/** What the server said about one mutation. */
export interface PushOutcome {
  mutationId: string;
  status: 'applied' | 'duplicate' | 'conflict';
  replayed?: 'applied' | 'conflict' | undefined;
  record: IncomingRecord;
}

/** How a conflict came out: the record to keep, copies to add, and whether to push it again. */
export interface Resolution {
  record: AnyRecord;
  copies: Moment[];
  pushAgain: boolean;
  /** A setting both devices changed: the server's value was kept, this device's is told here. */
  clash?: SettingClash;
}

/** Merges this device's version of a record with the server's, against the version both began from. */
export type Resolver = (
  kind: Kind,
  base: AnyRecord | null,
  mine: AnyRecord | undefined,
  theirs: AnyRecord,
) => Resolution;

/** The tables a push reads and settles. */
const pushTables = (d: WeeknotesDb) => [
  d.outbox,
  d.inflight,
  d.moments,
  d.drafts,
  d.settings,
  d.syncBase,
  d.commitments,
];

async function meta<T>(d: WeeknotesDb, key: string, fallback: T): Promise<T> {
  const row = await d.syncMeta.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** The sync store over one database: everything the sync engine reads and writes on the device. */
export function syncStore(db?: WeeknotesDb) {
  // A given database (a simulated device in tests), or the app's own.
  const read = <T>(work: (d: WeeknotesDb) => Promise<T>): Promise<T> =>
    db ? readApp(() => work(db)) : readApp(work);
  const write = <T>(work: (d: WeeknotesDb) => Promise<T>): Promise<T> =>
    db ? writeApp(() => work(db)) : writeApp(work);
  /** Where this device's sync stands. */
  function syncState(): Promise<{
    cursor: number;
    account: Account | null;
    lastSyncedAt: string | null;
    pending: number;
  }> {
    // One read transaction, not one per value: the app reads this after every change it syncs.
    return read((d) =>
      d.transaction('r', [d.syncMeta, d.outbox], async () => ({
        cursor: await meta(d, 'cursor', 0),
        account: await meta<Account | null>(d, 'account', null),
        lastSyncedAt: await meta<string | null>(d, 'lastSyncedAt', null),
        pending: await d.outbox.count(),
      })),
    );
  }

  /** Records the account this device signed in to (null when it signs out). */
  function setAccount(account: Account | null): Promise<void> {
    return write(async (d) => {
      await d.syncMeta.put({ key: 'account', value: account });
    });
  }

  /** Records when the last full sync finished. */
  function setLastSynced(at: string): Promise<void> {
    return write(async (d) => {
      await d.syncMeta.put({ key: 'lastSyncedAt', value: at });
    });
  }

  /**
   * Queues every record on the device for upload, and forgets what the server was last seen to
   * hold: signing in uploads everything the writer already has, and nothing is assumed synced.
   */
  function startFreshSync(at: string): Promise<void> {
    return write((d) =>
      d.transaction(
        'rw',
        [
          d.moments,
          d.drafts,
          d.settings,
          d.commitments,
          d.outbox,
          d.syncBase,
          d.syncMeta,
          d.inflight,
        ],
        async () => {
          await d.syncBase.clear();
          await d.moments
            .filter((m) => m.syncVersion !== undefined)
            .modify((m) => {
              delete m.syncVersion;
            });
          await d.inflight.clear();
          await d.syncMeta.bulkPut([
            { key: 'cursor', value: 0 },
            { key: 'lastSyncedAt', value: null },
            // Clashes were with the account signed out of; this one starts with none.
            { key: 'settingClashes', value: [] },
          ]);
          const moments = await d.moments.toCollection().primaryKeys();
          const drafts = await d.drafts.toCollection().primaryKeys();
          const commitments = await d.commitments.toCollection().primaryKeys();
          await d.outbox.bulkAdd([
            ...moments.map((id) => outboxRow('moment', id, at)),
            ...drafts.map((id) => outboxRow('draft', id, at)),
            ...commitments.map((id) => outboxRow('commitment', id, at)),
            ...(await allSettingsQueued(d, at)),
          ]);
        },
      ),
    );
  }

  /**
   * The next batch to push: the batch already in flight if a send was interrupted (resent exactly,
   * so the server can recognise it), else a new one from the outbox, passing over the records in
   * `skip`. Null when nothing waits.
   */
  async function nextBatch(
    maxRecords: number,
    maxChars: number,
    skip: ReadonlySet<string> = new Set(),
  ): Promise<OutgoingMutation[] | null> {
    // Most rounds have nothing to send, and finding that out needs no write transaction.
    const waiting = await read((d) =>
      d.transaction('r', [d.inflight, d.outbox], async () => {
        return (await d.inflight.count()) > 0 || (await d.outbox.count()) > 0;
      }),
    );
    if (!waiting) return null;
    return write((d) =>
      d.transaction('rw', pushTables(d), async () => {
        const inflight = await d.inflight.get('batch');
        if (inflight) return inflight.mutations;
        // The oldest changes first, reading only as much of the outbox as one batch needs, and
        // passing over records whose answers failed to settle this round.
        const queue = (rows: number) => {
          const all = d.outbox.orderBy('seq');
          return (skip.size > 0 ? all.filter((row) => !skip.has(row.recordId)) : all)
            .limit(rows)
            .toArray();
        };
        let head = await queue(maxRecords);
        // Several rows for one record (a draft saved again and again) leave room: read further.
        if (head.length === maxRecords && new Set(head.map((r) => r.recordId)).size < maxRecords)
          head = await queue(maxRecords * 4);
        const chosen = new Map<string, Kind>();
        for (const row of head) {
          if (chosen.size >= maxRecords) break;
          if (!chosen.has(row.recordId)) chosen.set(row.recordId, row.kind);
        }
        if (chosen.size === 0) return null;
        const ids = [...chosen.keys()];
        const momentIds = ids.filter((id) => chosen.get(id) === 'moment');
        const draftIds = ids.filter((id) => chosen.get(id) === 'draft');
        const records = new Map<string, AnyRecord>();
        // The version each change was made on: a syncBase row if there is one, else the version a
        // pulled moment's row carries.
        const bases = new Map<string, number>();
        // One cursor over the keys (anyOf) rather than a request per id (bulkGet).
        for (const m of await d.moments.where('id').anyOf(momentIds).toArray()) {
          records.set(m.id, visibleMoment(m));
          if (m.syncVersion !== undefined) bases.set(m.id, m.syncVersion);
        }
        for (const dr of await d.drafts.bulkGet(draftIds)) if (dr) records.set(dr.id, dr);
        const commitmentIds = ids.filter((id) => chosen.get(id) === 'commitment');
        for (const c of await d.commitments.bulkGet(commitmentIds)) if (c) records.set(c.id, c);
        const settingKeys = ids.flatMap((id) => settingKeyOf(id) ?? []);
        for (const row of await d.settings.bulkGet(settingKeys)) {
          const setting = settingRecord(row);
          if (setting) records.set(setting.id, setting);
        }
        for (const b of await d.syncBase.where('id').anyOf(ids).toArray())
          bases.set(b.id, b.version);

        const mutations: OutgoingMutation[] = [];
        const settled = new Set<string>();
        let chars = 0;
        for (const id of ids) {
          const record = records.get(id);
          const payload = record ? encodeRecord(record) : '';
          if (record && mutations.length > 0 && chars + payload.length > maxChars) break;
          settled.add(id);
          if (!record) continue;
          chars += payload.length;
          mutations.push({
            mutationId: uuidv7(),
            id,
            kind: chosen.get(id) ?? 'moment',
            baseVersion: bases.get(id) ?? 0,
            updatedAt: record.updatedAt,
            deleted: record.deletedAt !== null,
            payload,
          });
        }
        const outboxSeqs = (
          await d.outbox
            .where('recordId')
            .anyOf([...settled])
            .primaryKeys()
        ).map(Number);
        const batch: InflightBatch = { key: 'batch', mutations, outboxSeqs };
        await d.inflight.put(batch);
        return mutations;
      }),
    );
  }

  /** Settles the batch in flight with the server's answers, in one transaction (settleAnswers). */
  function settleBatch(outcomes: PushOutcome[], resolve: Resolver, at: string): Promise<Settled> {
    return write((d) =>
      d.transaction('rw', [...pushTables(d), d.syncMeta], () =>
        settleAnswers(d, outcomes, resolve, at),
      ),
    );
  }

  /**
   * Stores a page of pulled changes and the new cursor in one transaction. A record this device
   * has unsent changes to is left alone: its next push meets the new version and merges. A record
   * this device cannot read fails alone: it is not stored, and is told in `unreadable`.
   */
  function storePulled(
    changes: IncomingRecord[],
    cursor: number,
  ): Promise<{ settings: SyncedSettingKey[]; unreadable: Unsettled[] }> {
    return write((d) =>
      d.transaction('rw', [...pushTables(d), d.syncMeta], async () => {
        // Bulk reads and writes: a first sync brings thousands of records.
        const ids = changes.map((c) => c.id);
        const inflight = await d.inflight.get('batch');
        const pending = new Set<string>(inflight?.mutations.map((m) => m.id) ?? []);
        for (const key of await d.outbox.where('recordId').anyOf(ids).keys())
          pending.add(key as string);
        // The version this device last saw of each: its syncBase row, else a pulled moment's row.
        const bases = new Map<string, number>();
        const momentIds = changes.filter((c) => c.kind === 'moment').map((c) => c.id);
        // anyOf walks one cursor over the keys present (none, on a first sync); bulkGet would
        // make a request per id.
        for (const m of await d.moments.where('id').anyOf(momentIds).toArray())
          if (m.syncVersion !== undefined) bases.set(m.id, m.syncVersion);
        const baseRows = await d.syncBase.where('id').anyOf(ids).toArray();
        for (const b of baseRows) bases.set(b.id, b.version);
        const unreadable: Unsettled[] = [];
        const fresh = changes.flatMap((c) => {
          if (pending.has(c.id) || (bases.get(c.id) ?? 0) >= c.version) return [];
          try {
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
        await d.moments.bulkPut(
          freshMoments.map((c) => pulledMoment(c.record as Moment, c.version)),
        );
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
      }),
    );
  }

  /** Queues settings saved before settings synced (see queueUnsynced). Run as sync starts. */
  function queueUnsyncedSettings(at: string): Promise<void> {
    return write((d) => queueUnsynced(d, at));
  }

  return {
    syncState,
    queueUnsyncedSettings,
    setAccount,
    setLastSynced,
    startFreshSync,
    nextBatch,
    settleBatch,
    storePulled,
  };
}

/** What the sync engine needs from the device. */
export type SyncStore = ReturnType<typeof syncStore>;
