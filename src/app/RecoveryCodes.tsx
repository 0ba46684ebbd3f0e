import { useState } from 'preact/hooks';
import { downloadFile } from './download';

interface Props {
  codes: string[];
  onDone: () => void;
}

/** The recovery codes, shown once: one per line, to copy or download before they go. */
export function RecoveryCodes({ codes, onDone }: Props) {
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const text = codes.join('\n');

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setSaid({ text: 'Codes copied.', problem: false });
    } catch {
      setSaid({
        text: 'Could not copy the codes here: download them, or write them down.',
        problem: true,
      });
    }
  }

  function download(): void {
    downloadFile(
      'weeknotes-recovery-codes.txt',
      `Weeknotes recovery codes. Each works once.\n\n${text}\n`,
      'text/plain;charset=utf-8',
    );
    setSaid({ text: 'Codes downloaded.', problem: false });
  }

  return (
    <div class="panel recovery" role="region" aria-label="Recovery codes">
      <h3>Your recovery codes</h3>
      <p>
        If you lose every device with your passkey, one of these lets you back in. Each works once.
        Keep them somewhere safe: they are not shown again.
      </p>
      <ol class="recovery-codes" role="list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          Copy codes
        </button>
        <button type="button" class="secondary" onClick={download}>
          Download codes
        </button>
      </div>
      {said && (
        <p class={said.problem ? 'field-problem' : 'hint'} role={said.problem ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
      <p>
        <button type="button" onClick={onDone}>
          I have saved them
        </button>
      </p>
    </div>
  );
}
