import { read, write } from './errors';
import type { OutboxEntry, Settings } from './records';

/** What a writer who has changed nothing gets. */
export const DEFAULT_SETTINGS: Settings = {
  weekStartsOn: 1,
  titleTemplate: 'Weeknote v{series}.{week}',
  series: 1,
  grouping: 'day',
  themeHeadings: false,
  tagNames: {},
  wordTarget: 0,
  targets: [],
  persistence: 'not-asked',
};

/**
 * The writer's preferences, which sync to their other devices. The rest (whether persistent
 * storage was granted) belongs to this device alone.
 */
export const SYNCED_SETTING_KEYS = [
  'weekStartsOn',
  'titleTemplate',
  'series',
  'grouping',
  'themeHeadings',
  'tagNames',
  'wordTarget',
  'targets',
] as const satisfies readonly (keyof Settings)[];

export type SyncedSettingKey = (typeof SYNCED_SETTING_KEYS)[number];

/** One synced setting as a sync record: one record per key, so different keys never clash. */
export interface SettingRecord {
  /** `setting-<key>`. */
  id: string;
  key: SyncedSettingKey;
  value: unknown;
  updatedAt: string;
  deletedAt: null;
}

/** A setting changed on two devices at once: the other device's value was kept, this one's is here. */
export interface SettingClash {
  key: SyncedSettingKey;
  /** The value kept (the one the server had). */
  kept: unknown;
  /** This device's value, which was replaced. */
  mine: unknown;
  at: string;
}

/** The sync record id of a setting. */
export const settingRecordId = (key: SyncedSettingKey): string => `setting-${key}`;

/** Whether a setting key syncs. */
export function isSyncedSetting(key: string): key is SyncedSettingKey {
  return (SYNCED_SETTING_KEYS as readonly string[]).includes(key);
}

/** The writer's settings, with defaults for anything never set. */
export function getSettings(): Promise<Settings> {
  return read(async (db) => {
    const rows = await db.settings.toArray();
    const saved = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>;
    return { ...DEFAULT_SETTINGS, ...saved };
  });
}

/**
 * Saves some settings, leaving the others as they are, after checking them with the schema sync
 * and backups use. Synced ones are queued for sync in the same transaction.
 */
export async function updateSettings(
  changes: Partial<Settings>,
  at = new Date().toISOString(),
): Promise<void> {
  await write(async (db) => {
    // The validators load with the first change, not with the page.
    const { checkSettingChanges } = await import('./record-settings');
    const checked = Object.entries(checkSettingChanges(changes));
    const queued = checked
      .map(([key]) => key)
      .filter(isSyncedSetting)
      .map((key): OutboxEntry => ({
        kind: 'setting',
        recordId: settingRecordId(key),
        op: 'put',
        queuedAt: at,
      }));
    await db.transaction('rw', db.settings, db.outbox, async () => {
      await db.settings.bulkPut(checked.map(([key, value]) => ({ key, value, updatedAt: at })));
      await db.outbox.bulkAdd(queued);
    });
  });
}

/** Settings changed on two devices at once, for the writer to see (newest last). */
export function settingClashes(): Promise<SettingClash[]> {
  return read(
    async (db) => ((await db.syncMeta.get('settingClashes'))?.value ?? []) as SettingClash[],
  );
}

/** Forgets the clash over one setting, once the writer has chosen. */
export async function dismissSettingClash(key: SyncedSettingKey): Promise<void> {
  await write((db) =>
    db.transaction('rw', db.syncMeta, async () => {
      const row = await db.syncMeta.get('settingClashes');
      const clashes = ((row?.value ?? []) as SettingClash[]).filter((c) => c.key !== key);
      await db.syncMeta.put({ key: 'settingClashes', value: clashes });
    }),
  );
}
