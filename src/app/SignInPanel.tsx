import { useState } from 'preact/hooks';
import { guessDeviceName, signIn, signInWithCode, signUp, type Me } from '../sync/account';
import { addPasskeyWayIn, keysAtSignIn, keysAtSignUp } from '../sync/key-setup';
import { useAppState } from './app-state';
import { problemText } from './problem-text';

/** What signing in gave: who, and for a new account what to show once. */
export interface SignedIn {
  me: Me;
  codes?: string[];
  /** The recovery key made with a new account (null if making the keys failed: made later). */
  recoveryKey?: string | null;
  /** The link code this device joined with: the key to the notes is handed over next. */
  linkCode?: string;
}

interface Props {
  onSignedIn: (signed: SignedIn) => void;
}

async function createAccount(name: string): Promise<SignedIn> {
  const { me, recoveryCodes, prf } = await signUp(name);
  // The account exists now: if its keys cannot be made here, the first sync makes them and
  // Settings asks for a recovery key.
  const recoveryKey = await keysAtSignUp(me.deviceId, prf).catch(() => null);
  return { me, codes: recoveryCodes, recoveryKey };
}

async function signInWithPasskey(name: string): Promise<SignedIn> {
  const { me, prf } = await signIn(name);
  // Without a PRF passkey the device stays locked until the recovery key unlocks it.
  const state = await keysAtSignIn(me.deviceId, prf).catch(() => null);
  if (state?.state === 'open' && prf) await addPasskeyWayIn(prf).catch(() => undefined);
  return { me };
}

/** Sign up or in with a passkey, or join with a code from another device or a recovery code. */
export function SignInPanel({ onSignedIn }: Props) {
  const state = useAppState();
  const [name, setName] = useState(guessDeviceName);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function attempt(work: () => Promise<SignedIn>): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await work());
    } catch (err) {
      setProblem(problemText(err));
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
          onClick={() => void attempt(() => createAccount(name))}
        >
          Create an account with a passkey
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => void attempt(() => signInWithPasskey(name))}
        >
          Sign in with a passkey
        </button>
      </div>
      <form
        class="settings-field"
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(async () => ({
            me: await signInWithCode('link', code, name),
            linkCode: code,
          }));
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
