import { useEffect, useRef, useState } from 'preact/hooks';
import { BackupProblem, readBackup, restoreBackup } from '../storage/backup';
import { getSettings } from '../storage/settings';
import { useAppState } from './app-state';
import { countOf } from './plural';

type Message = { text: string; problem: boolean };
type Restored = Awaited<ReturnType<typeof restoreBackup>>;

const NOT_A_BACKUP = 'This file is not a Weeknotes backup.';
// SEALED_BACKUP_FORMAT, spelled here so that reading a plain file does not load the crypto.
const SEALED_FORMAT = 'weeknotes-backup-encrypted';

function restoredText(r: Restored): string {
  const also = [
    ...(r.commitments > 0 ? [countOf(r.commitments, 'commitment')] : []),
    ...(r.settings > 0 ? [countOf(r.settings, 'setting')] : []),
  ];
  const settings = also.length > 0 ? ` ${also.join(' and ')} restored too.` : '';
  return `Restored ${countOf(r.moments, 'moment')} and ${countOf(r.drafts, 'draft')}; ${r.unchanged} ${r.unchanged === 1 ? 'was' : 'were'} already here.${settings}`;
}

/**
 * "Restore from a backup file". A file encrypted with a passphrase asks for it first; it is
 * opened and checked in full before anything on the device is written.
 */
export function BackupRestore() {
  const state = useAppState();
  const [message, setMessage] = useState<Message | null>(null);
  const [sealed, setSealed] = useState<{ name: string; data: unknown } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sealed) passphraseRef.current?.focus();
  }, [sealed]);

  async function restore(data: unknown): Promise<void> {
    const r = await restoreBackup(readBackup(data), new Date());
    if (r.settings > 0) state.settings.value = await getSettings();
    setMessage({ text: restoredText(r), problem: false });
  }

  async function choose(file: File | undefined): Promise<void> {
    if (!file) return;
    setSealed(null);
    setPassphrase('');
    try {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch {
        throw new BackupProblem(NOT_A_BACKUP);
      }
      if ((data as { format?: unknown } | null)?.format === SEALED_FORMAT) {
        setSealed({ name: file.name, data });
        setMessage(null);
        return;
      }
      await restore(data);
    } catch (err) {
      setMessage({ text: (err as Error).message, problem: true });
    }
  }

  async function unlock(event: Event): Promise<void> {
    event.preventDefault();
    if (!sealed) return;
    setBusy(true);
    setMessage({ text: 'Opening the backup…', problem: false });
    try {
      const { openBackup, SealedBackupProblem } = await import('../crypto/sealed-backup');
      let data: unknown;
      try {
        data = JSON.parse(await openBackup(sealed.data, passphrase));
      } catch (err) {
        if (err instanceof SealedBackupProblem) throw err;
        throw new BackupProblem(
          'This encrypted backup opened but is damaged. Nothing on this device was changed.',
        );
      }
      await restore(data);
      setSealed(null);
      setPassphrase('');
      // The form holding focus is gone: focus goes back to where restoring began.
      fileRef.current?.focus();
    } catch (err) {
      setMessage({ text: (err as Error).message, problem: true });
      passphraseRef.current?.select();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="backup-restore">
      <div class="settings-field">
        <label for="restore-file">Restore from a backup file</label>
        <input
          id="restore-file"
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget;
            void choose(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {sealed && (
        <form class="backup-passphrase backup-unlock" onSubmit={(e) => void unlock(e)} noValidate>
          <p class="hint" id="restore-passphrase-help">
            “{sealed.name}” is encrypted. Type the passphrase it was made with.
          </p>
          <div class="settings-field">
            <label for="restore-passphrase">Passphrase for this backup</label>
            <input
              id="restore-passphrase"
              ref={passphraseRef}
              type="password"
              autoComplete="current-password"
              value={passphrase}
              aria-describedby="restore-passphrase-help"
              aria-invalid={message?.problem === true}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </div>
          <div class="row">
            <button type="submit" disabled={busy || passphrase === ''}>
              Open and restore
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setSealed(null);
                setPassphrase('');
                setMessage(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <p
          class={message.problem ? 'field-problem' : 'hint'}
          role={message.problem ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
