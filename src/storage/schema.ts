import Dexie, { type EntityTable } from 'dexie';
import type { Commitment } from './commitment-record';
import type { KeyringRow } from './keyring-store';
import type { Draft, Moment, OutboxEntry } from './records';
import type { Destination, DeviceKey, PublishJob, SealedSecret } from './publish-records';

/** A moment as stored, with the words the search index is built from. */
export interface StoredMoment extends Moment {
  terms: string[];
  /**
   * 1 while `terms` has not been worked out yet: moments arriving by sync are stored at once and
   * indexed for search in the background (see search-index.ts). Search reads these directly.
   */
  unindexed?: 1;
  /**
   * The server's version of this moment when it was pulled, for a moment pulled and not changed
   * here since. A first sync stores thousands; keeping the version in the row saves writing a
   * syncBase row for each. A local change first turns it into a syncBase row (the merge base).
   */
  syncVersion?: number;
}

/** The server's version of a record, as last seen. */
export interface SyncBase {
  id: string;
  kind: 'moment' | 'draft' | 'setting' | 'commitment';
  version: number;
  payload: string;
}

/** A mutation as this device sends it. */
export interface OutgoingMutation {
  mutationId: string;
  id: string;
  kind: 'moment' | 'draft' | 'setting' | 'commitment';
  baseVersion: number;
  updatedAt: string;
  deleted: boolean;
  payload: string;
}

/**
 * A push batch: its mutations and the outbox rows it settles. Keys sort in the order batches were
 * made ('batch', then 'batch:<uuidv7>'), so batches are resent and settled in that order.
 */
export interface InflightBatch {
  key: string;
  mutations: OutgoingMutation[];
  outboxSeqs: number[];
}

/** A settings row: one key, one JSON value. */
export interface SettingRow {
  key: string;
  value: unknown;
  /** When a synced setting was last changed on this device or pulled. */
  updatedAt?: string;
}

/** The Weeknotes IndexedDB database. Never edit a past version(): add the next one. */
export class WeeknotesDb extends Dexie {
  moments!: EntityTable<StoredMoment, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  drafts!: EntityTable<Draft, 'id'>;
  /** The last version of each record this device saw from the server: the base for merges. */
  syncBase!: EntityTable<SyncBase, 'id'>;
  syncMeta!: EntityTable<SettingRow, 'key'>;
  /** Push batches in flight, kept so a retry resends exactly the same mutations. */
  inflight!: EntityTable<InflightBatch, 'key'>;
  /** Blogs connected on this device (never synced or backed up). */
  destinations!: EntityTable<Destination, 'id'>;
  /** Their credentials, sealed with `deviceKeys` (never synced or backed up). */
  secrets!: EntityTable<SealedSecret, 'id'>;
  deviceKeys!: EntityTable<DeviceKey, 'id'>;
  /** Weeknotes waiting to go to a blog, one per draft. */
  publishJobs!: EntityTable<PublishJob, 'draftId'>;
  /** What the writer said they would do, open until done or dropped (synced). */
  commitments!: EntityTable<Commitment, 'id'>;
  /** End-to-end encryption: the account's data keys and this device's box (never synced). */
  keyring!: EntityTable<KeyringRow, 'id'>;

  constructor(name = 'weeknotes') {
    super(name);
    this.version(1).stores({
      moments: 'id, localDate, createdAt, *tags, *people, *terms',
      settings: 'key',
      outbox: '++seq, recordId',
    });
    this.version(2).stores({
      drafts: 'id, weekStart, updatedAt',
    });
    this.version(3).stores({
      syncBase: 'id',
      syncMeta: 'key',
      inflight: 'key',
    });
    this.version(4).stores({
      moments: 'id, localDate, createdAt, *tags, *people, *terms, unindexed',
    });
    // No query used the createdAt, tags or people indexes, and every index is paid for on each
    // save and each pulled moment (ADR 0009).
    this.version(5).stores({
      moments: 'id, localDate, *terms, unindexed',
    });
    this.version(6).stores({
      destinations: 'id',
      secrets: 'id',
      deviceKeys: 'id',
      publishJobs: 'draftId',
    });
    this.version(7).stores({
      commitments: 'id, state, weekStart',
    });
    this.version(8).stores({
      keyring: 'id',
    });
  }
}
