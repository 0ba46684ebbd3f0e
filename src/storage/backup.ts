import { z } from '../validation/zod';
import type { Commitment } from './commitment-record';
import { commitmentSchema, draftSchema, ISO_TIME, momentSchema } from './record-codec';
import { syncedSettingsSchema } from './record-settings';
import type { Draft, Moment, OutboxEntry } from './records';
import { isSyncedSetting, settingRecordId } from './settings';
import { searchTerms } from './search-terms';
import { keepMergeBases, visibleMoment } from './stored-moment';
import type { StoredMoment } from './db';
import { read, write } from './errors';

const FORMAT = 'weeknotes-backup';

const backupSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  moments: z.array(momentSchema).max(1_000_000),
  drafts: z.array(draftSchema).max(100_000),
  // Files from before commitments have none.
  commitments: z.array(commitmentSchema).max(100_000).default([]),
  // The writer's preferences, checked as the app checks them. Keys that are not synced settings
  // (this device's own, such as whether storage is persistent) are dropped.
  settings: syncedSettingsSchema.partial(),
});

/** Everything Weeknotes keeps on this device, as one JSON-ready object. */
export type Backup = z.infer<typeof backupSchema>;

/** A backup file that cannot be restored, with a reason the writer can act on. */
export class BackupProblem extends Error {
  override name = 'BackupProblem';
}

/** Every moment (deleted ones too, so a restore keeps tombstones), draft and synced setting. */
export function exportAll(now: Date): Promise<Backup> {
  return read(async (db) => {
    const moments = (await db.moments.toArray()).map(visibleMoment);
    const drafts = await db.drafts.toArray();
    const commitments = await db.commitments.toArray();
    const rows = await db.settings.toArray();
    return {
      format: FORMAT,
      version: 1,
      exportedAt: now.toISOString(),
      moments,
      drafts,
      commitments,
      settings: Object.fromEntries(
        rows.filter((r) => isSyncedSetting(r.key)).map((r) => [r.key, r.value]),
      ),
    };
  });
}

/** Checks a parsed file is a Weeknotes backup, or says why not. Writes nothing. */
export function readBackup(data: unknown): Backup {
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== FORMAT
  ) {
    throw new BackupProblem('This file is not a Weeknotes backup.');
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [list, index, field] = issue?.path ?? [];
    if (
      (list === 'moments' || list === 'drafts') &&
      typeof index === 'number' &&
      typeof field === 'string' &&
      issue?.message.endsWith(ISO_TIME)
    ) {
      const record = (data as Record<string, Record<string, unknown>[] | undefined>)[list]?.[index];
      const id = typeof record?.id === 'string' ? ` (${record.id})` : '';
      throw new BackupProblem(
        `This backup was not restored: ${list === 'moments' ? 'moment' : 'draft'} ${index + 1}${id} has ${field} “${String(record?.[field])}”, which is not ${ISO_TIME} (such as 2026-11-16T09:30:00.000Z). Nothing was changed.`,
      );
    }
    if (issue?.path[0] === 'settings' && issue.path.length > 1) {
      throw new BackupProblem(
        `This backup was not restored: its setting “${String(issue.path[1])}” is not one Weeknotes can use (${issue.message}). Nothing was changed.`,
      );
    }
    throw new BackupProblem(
      `This backup is damaged and was not restored (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}). Nothing was changed.`,
    );
  }
  return parsed.data;
}

const newer = (incoming: { updatedAt: string }, existing?: { updatedAt: string }): boolean =>
  !existing || Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt);

/**
 * Restores a backup in one transaction: records the device does not have, or has an older
 * version of, are written and queued for sync; the rest are left alone, so restoring the same
 * file twice changes nothing the second time.
 */
export function restoreBackup(
  backup: Backup,
  now: Date,
): Promise<{
  moments: number;
  drafts: number;
  commitments: number;
  settings: number;
  unchanged: number;
}> {
  return write((db) =>
    db.transaction(
      'rw',
      [db.moments, db.drafts, db.commitments, db.settings, db.outbox, db.syncBase],
      async () => {
        const at = now.toISOString();
        const haveMoments = await db.moments.bulkGet(backup.moments.map((m) => m.id));
        const haveDrafts = await db.drafts.bulkGet(backup.drafts.map((d) => d.id));
        const moments = backup.moments.filter((m, i) => newer(m, haveMoments[i])) as Moment[];
        const drafts = backup.drafts.filter((d, i) => newer(d, haveDrafts[i])) as Draft[];
        const haveCommitments = await db.commitments.bulkGet(backup.commitments.map((c) => c.id));
        const commitments = backup.commitments.filter((c, i) =>
          newer(c, haveCommitments[i]),
        ) as Commitment[];
        // Pulled moments about to be overwritten keep their merge base first.
        const restored = new Set(moments.map((m) => m.id));
        await keepMergeBases(
          db,
          haveMoments.filter((m): m is StoredMoment => m !== undefined && restored.has(m.id)),
        );
        await db.moments.bulkPut(moments.map((m) => ({ ...m, terms: searchTerms(m.text) })));
        await db.drafts.bulkPut(drafts);
        await db.commitments.bulkPut(commitments);
        const queued: OutboxEntry[] = [
          ...moments.map((m): OutboxEntry => ({
            kind: 'moment',
            recordId: m.id,
            op: 'put',
            queuedAt: at,
          })),
          ...drafts.map((d): OutboxEntry => ({
            kind: 'draft',
            recordId: d.id,
            op: 'put',
            queuedAt: at,
          })),
          ...commitments.map((c): OutboxEntry => ({
            kind: 'commitment',
            recordId: c.id,
            op: 'put',
            queuedAt: at,
          })),
        ];
        // Settings the device has never set come from the backup (and sync on); the writer's own stay.
        const have = new Set(await db.settings.toCollection().primaryKeys());
        const settings = Object.entries(backup.settings).filter(
          ([key, value]) => value !== undefined && isSyncedSetting(key) && !have.has(key),
        );
        await db.settings.bulkPut(settings.map(([key, value]) => ({ key, value, updatedAt: at })));
        for (const [key] of settings) {
          if (!isSyncedSetting(key)) continue;
          queued.push({ kind: 'setting', recordId: settingRecordId(key), op: 'put', queuedAt: at });
        }
        await db.outbox.bulkAdd(queued);
        const unchanged =
          backup.moments.length +
          backup.drafts.length +
          backup.commitments.length -
          moments.length -
          drafts.length -
          commitments.length;
        return {
          moments: moments.length,
          drafts: drafts.length,
          commitments: commitments.length,
          settings: settings.length,
          unchanged,
        };
      },
    ),
  );
}
