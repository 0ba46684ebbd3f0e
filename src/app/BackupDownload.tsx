import { useRef, useState } from 'preact/hooks';
import { MIN_PASSPHRASE, passphraseStrength } from '../crypto/passphrase-strength';
import { exportAll } from '../storage/backup';
import { downloadFile } from './download';
import { countOf } from './plural';

type Message = { text: string; problem: boolean };

/** "Download a backup", plaintext or sealed with a passphrase typed twice. */
export function BackupDownload() {
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [invalid, setInvalid] = useState<'passphrase' | 'again' | null>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const againRef = useRef<HTMLInputElement>(null);
  const strength = passphraseStrength(passphrase);

  function refuse(field: 'passphrase' | 'again', text: string): void {
    setInvalid(field);
    setMessage({ text, problem: true });
    (field === 'passphrase' ? passphraseRef : againRef).current?.focus();
  }

  /** Typing again clears a problem shown for the fields. */
  function settle(): void {
    if (!invalid) return;
    setInvalid(null);
    setMessage(null);
  }

  async function download(event: Event): Promise<void> {
    event.preventDefault();
    if (encrypt && strength.strength === 'too-short') {
      return refuse('passphrase', `The passphrase needs at least ${MIN_PASSPHRASE} characters.`);
    }
    if (encrypt && again !== passphrase) {
      return refuse('again', 'The two passphrases are not the same. Type it again.');
    }
    setInvalid(null);
    setBusy(true);
    setMessage(encrypt ? { text: 'Encrypting the backup…', problem: false } : null);
    try {
      const backup = await exportAll(new Date());
      const day = backup.exportedAt.slice(0, 10);
      const counted = `${countOf(backup.moments.length, 'moment')} and ${countOf(backup.drafts.length, 'draft')}`;
      if (encrypt) {
        // Loaded only when asked for: the sealing code stays out of the Settings screen's load.
        const { sealBackup } = await import('../crypto/sealed-backup');
        const sealed = await sealBackup(JSON.stringify(backup), passphrase);
        downloadFile(`weeknotes-backup-${day}-encrypted.json`, sealed, 'application/json');
        setPassphrase('');
        setAgain('');
        setMessage({
          text: `Encrypted backup of ${counted} downloaded. Keep the passphrase safe: without it, no one (not even Weeknotes) can open this backup.`,
          problem: false,
        });
      } else {
        downloadFile(
          `weeknotes-backup-${day}.json`,
          JSON.stringify(backup, null, 1),
          'application/json',
        );
        setMessage({ text: `Backup of ${counted} downloaded.`, problem: false });
      }
    } catch (err) {
      setMessage({ text: `Could not make a backup: ${(err as Error).message}`, problem: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="backup-download" onSubmit={(e) => void download(e)} noValidate>
      <div class="settings-field">
        <label class="flag">
          <input
            type="checkbox"
            checked={encrypt}
            onChange={(e) => {
              setEncrypt(e.currentTarget.checked);
              setMessage(null);
              setInvalid(null);
            }}
          />
          Encrypt this backup with a passphrase
        </label>
      </div>
      {encrypt && (
        <div class="backup-passphrase">
          <div class="settings-field">
            <label for="backup-passphrase">Passphrase</label>
            <input
              id="backup-passphrase"
              ref={passphraseRef}
              type="password"
              autoComplete="new-password"
              value={passphrase}
              aria-invalid={invalid === 'passphrase'}
              aria-describedby="backup-passphrase-hint"
              onInput={(e) => {
                setPassphrase(e.currentTarget.value);
                settle();
              }}
            />
            <span
              class="strength-bar"
              data-strength={passphrase ? strength.strength : 'none'}
              aria-hidden="true"
            >
              <span />
            </span>
            <p id="backup-passphrase-hint" class="hint">
              {passphrase
                ? strength.hint
                : `At least ${MIN_PASSPHRASE} characters. Four or more unrelated words are strong and easy to remember.`}
            </p>
          </div>
          <div class="settings-field">
            <label for="backup-passphrase-again">Type the passphrase again</label>
            <input
              id="backup-passphrase-again"
              ref={againRef}
              type="password"
              autoComplete="new-password"
              value={again}
              aria-invalid={invalid === 'again'}
              onInput={(e) => {
                setAgain(e.currentTarget.value);
                settle();
              }}
            />
          </div>
          <p class="hint">
            Weeknotes does not keep this passphrase and cannot reset it: a lost passphrase means the
            backup cannot be opened.
          </p>
        </div>
      )}
      <button type="submit" class="secondary" disabled={busy}>
        {encrypt ? 'Download an encrypted backup' : 'Download a backup'}
      </button>
      {message && (
        <p
          class={message.problem ? 'field-problem' : 'hint'}
          role={message.problem ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
