import { useState } from 'preact/hooks';
import { guessDeviceName, signIn, signInWithCode, signUp, type Me } from '../sync/account';
import { useAppState } from './app-state';

interface Props {
  onSignedIn: (me: Me, recoveryCodes?: string[]) => void;
}

/** Sign up or in with a passkey, or join with a code from another device or a recovery code. */
export function SignInPanel({ onSignedIn }: Props) {
  const state = useAppState();
  const [name, setName] = useState(guessDeviceName);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function attempt(work: () => Promise<{ me: Me; codes?: string[] }>): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      const { me, codes } = await work();
      onSignedIn(me, codes);
    } catch (err) {
      const e = err as Error;
      setProblem(
        e.name === 'NotAllowedError'
          ? 'The passkey request was cancelled or timed out. Try again.'
          : e.message || 'Something went wrong.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {state.sync.value.state === 'signed-out' && (
        <p class="field-problem">
          This device was signed out. Sign in again to carry on syncing; nothing on it has been
          lost.
        </p>
      )}
      <p>
        Weeknotes works fully on this device without an account. Sync copies your moments, drafts
        and settings to your other devices through this server. Everything already here is uploaded
        when you sign in.
      </p>
      <div class="settings-field">
        <label for="device-name">Name for this device</label>
        <input
          id="device-name"
          type="text"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      {problem && (
        <p class="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void attempt(async () => {
              const { me, recoveryCodes } = await signUp(name);
              return { me, codes: recoveryCodes };
            })
          }
        >
          Create an account with a passkey
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => void attempt(async () => ({ me: await signIn(name) }))}
        >
          Sign in with a passkey
        </button>
      </div>
      <form
        class="settings-field"
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(async () => ({ me: await signInWithCode('link', code, name) }));
        }}
      >
        <label for="link-code">Code from your other device</label>
        <input
          id="link-code"
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <button type="submit" class="secondary" disabled={busy || code.trim() === ''}>
          Join with code
        </button>
      </form>
      <details class="panel">
        <summary>Lost your passkey? Use a recovery code</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(async () => ({ me: await signInWithCode('recover', recovery, name) }));
          }}
        >
          <label for="recovery-code">Recovery code</label>
          <input
            id="recovery-code"
            type="text"
            autoCapitalize="characters"
            value={recovery}
            onInput={(e) => setRecovery(e.currentTarget.value)}
          />
          <button type="submit" class="secondary" disabled={busy || recovery.trim() === ''}>
            Sign in with recovery code
          </button>
        </form>
      </details>
    </>
  );
}
