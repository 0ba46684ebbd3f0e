import { type OutgoingMutation, type WeeknotesDb } from './db';
import { read as readApp, write as writeApp } from './errors';
import type { Commitment } from './commitment-record';
import type { Draft, Moment } from './records';
import type { SettingClash, SettingRecord, SyncedSettingKey } from './settings';
import { takeBatch, type ClaimedBatch } from './sync-batch';
import { storePage } from './sync-pull';
import { outboxRow, settleAnswers, type Settled } from './sync-settle';
import { allSettingsQueued, queueUnsynced } from './sync-settings';
import { readUpload, writeUpload, type UploadProgress } from './sync-upload';

export type Kind = 'moment' | 'draft' | 'setting' | 'commitment';
export type AnyRecord = Moment | Draft | SettingRecord | Commitment;

/** Settings a sync step changed on this device, so the app can show them, and clashes kept. */
export interface SettingsTouched {
  settings: SyncedSettingKey[];
  clashes: number;
}

/**
 * A record sync could not settle or read, and why. One this device pushed stays queued; one
 * pulled is left on the server, for the device that wrote it to correct; one `held` (sealed with
 * a key this device has not been given yet) is pulled again.
 */
export interface Unsettled {
  id: string;
  kind: Kind;
  reason: string;
  direction: 'push' | 'pull' | 'held';
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
  /** Why the payload could not be opened (end-to-end encryption): stored as unreadable. */
  problem?: string;
  /** No device of the writer's can ever open it: a version of theirs may replace it. */
  replaceable?: boolean;
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
    /** Changes waiting to be pushed, the sign-up upload's remaining moments included. */
    pending: number;
    /** The sign-up upload, while it runs. */
    upload: UploadProgress | null;
  }> {
    // One read transaction, not one per value: the app reads this after every change it syncs.
    return read((d) =>
      d.transaction('r', [d.syncMeta, d.outbox], async () => {
        const walk = await readUpload(d);
        const upload = walk && {
          done: walk.done,
          total: walk.total,
          ...(walk.all ? { all: true } : {}),
        };
        const queued = await d.outbox.count();
        return {
          cursor: await meta(d, 'cursor', 0),
          account: await meta<Account | null>(d, 'account', null),
          lastSyncedAt: await meta<string | null>(d, 'lastSyncedAt', null),
          // The upload's total counts the rows it queued, so the larger of the two, not the sum.
          pending: upload ? Math.max(queued, upload.total - upload.done) : queued,
          upload,
        };
      }),
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
   * Moments are not queued one by one: the push walks them (sync-upload.ts), so this stays a
   * short transaction however many the device holds. The outbox's rows are replaced: every
   * record is sent anyway.
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
          // Only a pull sets syncVersion, and a pull that stores anything moves the cursor off 0.
          if ((await meta(d, 'cursor', 0)) > 0) {
            await d.moments
              .filter((m) => m.syncVersion !== undefined)
              .modify((m) => {
                delete m.syncVersion;
              });
          }
          await d.inflight.clear();
          await d.syncMeta.bulkPut([
            { key: 'cursor', value: 0 },
            { key: 'lastSyncedAt', value: null },
            // Clashes were with the account signed out of; this one starts with none.
            { key: 'settingClashes', value: [] },
          ]);
          await d.outbox.clear();
          const drafts = await d.drafts.toCollection().primaryKeys();
          const commitments = await d.commitments.toCollection().primaryKeys();
          const queued = [
            ...drafts.map((id) => outboxRow('draft', id, at)),
            ...commitments.map((id) => outboxRow('commitment', id, at)),
            ...(await allSettingsQueued(d, at)),
          ];
          await d.outbox.bulkAdd(queued);
          const total = (await d.moments.count()) + queued.length;
          await writeUpload(d, { after: null, ended: false, total, done: 0 });
        },
      ),
    );
  }

  /**
   * Queues every record on the device to be pushed again at the version the server has, so
   * each is sealed under the account's first data key (ADR 0015): the moments by a walk, the
   * rest through the outbox. What the server was last seen to hold is kept. `fromPlaintext`
   * when the account had no key before (not a rotation).
   */
  function startReseal(at: string, fromPlaintext = false): Promise<void> {
    return write((d) =>
      d.transaction(
        'rw',
        [d.moments, d.drafts, d.settings, d.commitments, d.outbox, d.syncMeta],
        async () => {
          const held = new Set((await d.outbox.toArray()).map((row) => row.recordId));
          const drafts = await d.drafts.toCollection().primaryKeys();
          const commitments = await d.commitments.toCollection().primaryKeys();
          const queued = [
            ...drafts.filter((id) => !held.has(id)).map((id) => outboxRow('draft', id, at)),
            ...commitments
              .filter((id) => !held.has(id))
              .map((id) => outboxRow('commitment', id, at)),
            ...(await allSettingsQueued(d, at)).filter((row) => !held.has(row.recordId)),
          ];
          await d.outbox.bulkAdd(queued);
          const total = (await d.moments.count()) + queued.length;
          await writeUpload(d, {
            after: null,
            ended: false,
            total,
            done: 0,
            all: true,
            ...(fromPlaintext ? { fromPlaintext } : {}),
          });
        },
      ),
    );
  }

  /** Whether this device is re-sealing an account from before encryption (startReseal). */
  function resealingPlaintext(): Promise<boolean> {
    return read(async (d) => (await readUpload(d))?.fromPlaintext === true);
  }

  /**
   * Queues records to be pushed again as this device holds them, at the version it last saw:
   * ones that reached it in plaintext while it re-sealed the account, so they are sealed too.
   */
  function queueAgain(records: { id: string; kind: Kind }[], at: string): Promise<void> {
    return write((d) =>
      d.transaction('rw', d.outbox, async () => {
        const ids = records.map((r) => r.id);
        const held = new Set(await d.outbox.where('recordId').anyOf(ids).keys());
        const rows = records.filter((r) => !held.has(r.id));
        await d.outbox.bulkAdd(rows.map((r) => outboxRow(r.kind, r.id, at)));
      }),
    );
  }

  /**
   * The next batch to push (takeBatch): the oldest in flight not in `claimed` (the engine is
   * sending those), resent exactly, else a new one from the outbox and the sign-up upload,
   * passing over the records in `skip`. Null when nothing waits.
   */
  async function claimBatch(
    maxRecords: number,
    maxChars: number,
    skip: ReadonlySet<string> = new Set(),
    claimed: ReadonlySet<string> = new Set(),
  ): Promise<ClaimedBatch | null> {
    // Most rounds have nothing to send, and finding that out needs no write transaction.
    const waiting = await read((d) =>
      d.transaction('r', [d.inflight, d.outbox, d.syncMeta], async () => {
        return (
          (await d.inflight.count()) > claimed.size ||
          (await d.outbox.count()) > 0 ||
          (await readUpload(d)) !== null
        );
      }),
    );
    if (!waiting) return null;
    return write((d) =>
      d.transaction('rw', [...pushTables(d), d.syncMeta], () =>
        takeBatch(d, maxRecords, maxChars, skip, claimed),
      ),
    );
  }

  /** The next batch's mutations, one batch at a time (claimBatch with nothing claimed). */
  async function nextBatch(
    maxRecords: number,
    maxChars: number,
    skip: ReadonlySet<string> = new Set(),
  ): Promise<OutgoingMutation[] | null> {
    return (await claimBatch(maxRecords, maxChars, skip))?.mutations ?? null;
  }

  /**
   * Settles a batch in flight (the oldest, or the one `key` names) with the server's answers, in
   * one transaction (settleAnswers).
   */
  function settleBatch(
    outcomes: PushOutcome[],
    resolve: Resolver,
    at: string,
    key?: string,
  ): Promise<Settled> {
    return write((d) =>
      d.transaction('rw', [...pushTables(d), d.syncMeta], () =>
        settleAnswers(d, outcomes, resolve, at, key),
      ),
    );
  }

  /** Stores a page of pulled changes and the new cursor in one transaction (storePage). */
  function storePulled(
    changes: IncomingRecord[],
    cursor: number,
  ): Promise<{ settings: SyncedSettingKey[]; unreadable: Unsettled[] }> {
    return write((d) =>
      d.transaction('rw', [...pushTables(d), d.syncMeta], () => storePage(d, changes, cursor)),
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
    startReseal,
    queueAgain,
    resealingPlaintext,
    claimBatch,
    nextBatch,
    settleBatch,
    storePulled,
  };
}

/** What the sync engine needs from the device. */
export type SyncStore = ReturnType<typeof syncStore>;
