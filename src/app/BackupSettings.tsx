import { useState } from 'preact/hooks';
import { BackupProblem, exportAll, readBackup, restoreBackup } from '../storage/backup';
import { getSettings } from '../storage/settings';
import { useAppState } from './app-state';
import { downloadFile } from './download';
import { countOf } from './plural';

/** Everything on this device in one file, and restoring from such a file. */
export function BackupSettings() {
  const state = useAppState();
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);

  async function download(): Promise<void> {
    try {
      const backup = await exportAll(new Date());
      downloadFile(
        `weeknotes-backup-${backup.exportedAt.slice(0, 10)}.json`,
        JSON.stringify(backup, null, 1),
        'application/json',
      );
      setMessage({
        text: `Backup of ${countOf(backup.moments.length, 'moment')} and ${countOf(backup.drafts.length, 'draft')} downloaded.`,
        problem: false,
      });
    } catch (err) {
      setMessage({ text: `Could not make a backup: ${(err as Error).message}`, problem: true });
    }
  }

  async function restore(file: File | undefined): Promise<void> {
    if (!file) return;
    try {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch {
        throw new BackupProblem('This file is not a Weeknotes backup.');
      }
      const r = await restoreBackup(readBackup(data), new Date());
      if (r.settings > 0) state.settings.value = await getSettings();
      const also = [
        ...(r.commitments > 0 ? [countOf(r.commitments, 'commitment')] : []),
        ...(r.settings > 0 ? [countOf(r.settings, 'setting')] : []),
      ];
      const settings = also.length > 0 ? ` ${also.join(' and ')} restored too.` : '';
      setMessage({
        text: `Restored ${countOf(r.moments, 'moment')} and ${countOf(r.drafts, 'draft')}; ${r.unchanged} ${r.unchanged === 1 ? 'was' : 'were'} already here.${settings}`,
        problem: false,
      });
    } catch (err) {
      setMessage({ text: (err as Error).message, problem: true });
    }
  }

  return (
    <section class="settings-card" aria-labelledby="backup-settings">
      <h2 id="backup-settings">Backup</h2>
      <p>One file with every moment, draft and setting on this device.</p>
      <button type="button" class="secondary" onClick={() => void download()}>
        Download a backup
      </button>
      <div class="settings-field">
        <label for="restore-file">Restore from a backup file</label>
        <input
          id="restore-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget;
            void restore(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {message && (
        <p
          class={message.problem ? 'field-problem' : 'hint'}
          role={message.problem ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
