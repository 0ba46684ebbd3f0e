import type { Commitment } from './commitment-record';
import type { Draft, Moment } from './records';
import type { SettingRecord } from './settings';

/**
 * A synced record's payload: the record itself, as JSON, without what storage keeps beside a
 * moment (search words, the indexing flag, the version last pulled). No zod here: capture
 * writes use it and must not load the validators.
 */
export function encodeRecord(record: Moment | Draft | SettingRecord | Commitment): string {
  const {
    terms: _terms,
    unindexed: _unindexed,
    syncVersion: _syncVersion,
    ...rest
  } = record as Moment & { terms?: unknown; unindexed?: unknown; syncVersion?: unknown };
  return JSON.stringify(rest);
}
