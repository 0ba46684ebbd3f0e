import type { SettingRow, WeeknotesDb } from './db';
import type { OutboxEntry } from './records';
import {
  isSyncedSetting,
  settingRecordId,
  type SettingClash,
  type SettingRecord,
  type SyncedSettingKey,
} from './settings';

/** The updatedAt of a setting saved before settings synced, which recorded no time. */
const LONG_AGO = '1970-01-01T00:00:00.000Z';

/** A settings row as a sync record, if it is a setting that syncs. */
export function settingRecord(row: SettingRow | undefined): SettingRecord | undefined {
  if (!row || !isSyncedSetting(row.key)) return undefined;
  return {
    id: settingRecordId(row.key),
    key: row.key,
    value: row.value,
    updatedAt: row.updatedAt ?? LONG_AGO,
    deletedAt: null,
  };
}

/** The settings key a setting record id stands for, if it is one. */
export function settingKeyOf(id: string): SyncedSettingKey | undefined {
  const key = id.replace(/^setting-/, '');
  return id.startsWith('setting-') && isSyncedSetting(key) ? key : undefined;
}

/** The setting a record id names, as a sync record. */
export async function localSetting(d: WeeknotesDb, id: string): Promise<SettingRecord | undefined> {
  const key = settingKeyOf(id);
  return key ? settingRecord(await d.settings.get(key)) : undefined;
}

/** Stores a synced setting as this device's value. */
export async function putSetting(d: WeeknotesDb, record: SettingRecord): Promise<void> {
  await d.settings.put({ key: record.key, value: record.value, updatedAt: record.updatedAt });
}

/** Outbox rows for every synced setting this device holds. */
export async function allSettingsQueued(d: WeeknotesDb, at: string): Promise<OutboxEntry[]> {
  const keys = (await d.settings.toCollection().primaryKeys()).filter(isSyncedSetting);
  return keys.map((key) => ({
    kind: 'setting',
    recordId: settingRecordId(key),
    op: 'put',
    queuedAt: at,
  }));
}

/** Keeps a clash for the writer to see, replacing any earlier one over the same setting. */
export async function keepClash(d: WeeknotesDb, clash: SettingClash): Promise<void> {
  const row = await d.syncMeta.get('settingClashes');
  const earlier = ((row?.value ?? []) as SettingClash[]).filter((c) => c.key !== clash.key);
  await d.syncMeta.put({ key: 'settingClashes', value: [...earlier, clash] });
}

/**
 * Queues settings saved before settings synced: ones the server has never seen (no merge base)
 * and that wait for no push.
 */
export function queueUnsynced(d: WeeknotesDb, at: string): Promise<void> {
  return d.transaction('rw', [d.settings, d.outbox, d.syncBase, d.inflight], async () => {
    const rows = await allSettingsQueued(d, at);
    const ids = rows.map((r) => r.recordId);
    const known = new Set([
      ...(await d.syncBase.where('id').anyOf(ids).primaryKeys()),
      ...((await d.outbox.where('recordId').anyOf(ids).keys()) as string[]),
      ...(await d.inflight.toArray()).flatMap((batch) => batch.mutations.map((m) => m.id)),
    ]);
    await d.outbox.bulkAdd(rows.filter((r) => !known.has(r.recordId)));
  });
}
