import type { WeeknotesDb } from './db';

/**
 * The upload of everything a device holds when it signs in (ADR 0009). Moments are not queued
 * one outbox row each (tens of thousands of writes in one long transaction, which would hold up
 * the writer's next save): the push walks the moments table in id order instead, a batch at a
 * time, and this marker says how far it has gone. Drafts, commitments and settings are few and
 * go through the outbox as usual.
 */
export interface UploadWalk {
  /** The last moment id taken into a batch; null before the first. */
  after: string | null;
  /** The walk has passed the last moment: the upload ends when its last batch is settled. */
  ended: boolean;
  /** How many records the upload started with, and how many are settled: shown as progress. */
  total: number;
  done: number;
  /**
   * Every moment goes, those the server already has included, each at the version this device
   * last saw: re-sealing an account's records under its first data key (ADR 0015).
   */
  all?: boolean;
  /**
   * Re-sealing an account from before encryption (not a rotation's sweep): plaintext another
   * device pushed just before the key was made is read meanwhile, and sealed too.
   */
  fromPlaintext?: boolean;
}

/** Where the upload stands, as the writer is shown it. */
export interface UploadProgress {
  done: number;
  total: number;
  /** Re-sealing what the server has rather than uploading what it has not. */
  all?: boolean;
}

export const UPLOAD_KEY = 'upload';

export async function readUpload(d: WeeknotesDb): Promise<UploadWalk | null> {
  const row = await d.syncMeta.get(UPLOAD_KEY);
  return (row?.value as UploadWalk | undefined) ?? null;
}

export async function writeUpload(d: WeeknotesDb, walk: UploadWalk | null): Promise<void> {
  if (walk) await d.syncMeta.put({ key: UPLOAD_KEY, value: walk });
  else await d.syncMeta.delete(UPLOAD_KEY);
}

/** Whether a moment still waits for the walk (so a pull must not replace it). */
export function awaitsWalk(walk: UploadWalk | null, id: string): boolean {
  return walk !== null && !walk.ended && (walk.after === null || id > walk.after);
}
