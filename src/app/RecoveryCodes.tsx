import { useState } from 'preact/hooks';
import { downloadFile } from './download';

interface Props {
  /** Recovery codes (sign in once each); none when only a new recovery key is shown. */
  codes: string[];
  /** The recovery key (unlocks the encrypted notes), when one was just made. */
  recoveryKey: string | null;
  onDone: () => void;
}

/**
 * What gets the writer back in, shown once: the recovery codes (to sign in) and the recovery key
 * (to unlock their end-to-end encrypted notes), to copy or download before they go.
 */
export function RecoveryCodes({ codes, recoveryKey, onDone }: Props) {
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const what =
    codes.length > 0 && recoveryKey ? 'codes and key' : codes.length > 0 ? 'codes' : 'key';
  const text = [
    ...(codes.length > 0 ? ['Recovery codes (each signs in once):', ...codes, ''] : []),
    ...(recoveryKey ? ['Recovery key (unlocks your encrypted notes):', recoveryKey, ''] : []),
  ].join('\n');

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setSaid({ text: `Recovery ${what} copied.`, problem: false });
    } catch {
      setSaid({
        text: `Could not copy the recovery ${what} here: download them, or write them down.`,
        problem: true,
      });
    }
  }

  function download(): void {
    downloadFile(
      codes.length > 0 ? 'weeknotes-recovery-codes.txt' : 'weeknotes-recovery-key.txt',
      `Weeknotes: keep this safe.\n\n${text}`,
      'text/plain;charset=utf-8',
    );
    setSaid({ text: `Recovery ${what} downloaded.`, problem: false });
  }

  return (
    <div class="panel recovery" role="region" aria-label={`Recovery ${what}`}>
      {codes.length > 0 && (
        <>
          <h3>Your recovery codes</h3>
          <p>
            If you lose every device with your passkey, one of these lets you back in. Each works
            once. Keep them somewhere safe: they are not shown again.
          </p>
          <ol class="recovery-codes" role="list">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
        </>
      )}
      {recoveryKey && (
        <>
          <h3>Your recovery key</h3>
          <p>
            Your notes are encrypted with a key only your devices hold. On a new device whose
            passkey cannot unlock them, this key does. We cannot recover it for you, and it is not
            shown again.
          </p>
          <p class="recovery-key">
            <code>{recoveryKey.replace(/-/g, ' ')}</code>
          </p>
        </>
      )}
      <div class="row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          Copy {what}
        </button>
        <button type="button" class="secondary" onClick={download}>
          Download {what}
        </button>
      </div>
      {said && (
        <p class={said.problem ? 'field-problem' : 'hint'} role={said.problem ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
      <p>
        <button type="button" onClick={onDone}>
          I have saved {what === 'key' ? 'it' : 'them'}
        </button>
      </p>
    </div>
  );
}
