import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultDeps, holdsKey, offerKey, receiveKey, type OldProgress } from '../sync/link-keys';
import { problemText } from './problem-text';
import './link-hand-over.css';

/**
 * Handing the key to your notes to a device being linked (ADR 0015, "Link code"): the old
 * device shows the code, then the safety number with "The numbers match" / "They don't
 * match"; the new device shows the same number and waits for the writer to confirm there.
 */

const isAbort = (err: unknown): boolean => (err as Error).name === 'AbortError';

type OldPhase =
  | OldProgress
  | 'starting'
  | 'locked'
  | { confirm: string }
  | 'linked'
  | 'stopped'
  | { problem: string };

/** The device that made the link code: the code, then the check before the key is handed over. */
export function OldDeviceHandOver({ code, onFinished }: { code: string; onFinished: () => void }) {
  const [phase, setPhase] = useState<OldPhase>('starting');
  const answer = useRef<((match: boolean) => void) | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    const settle = (next: OldPhase) => {
      if (stop.signal.aborted) return;
      setPhase(next);
      onFinished();
    };
    const ask = (number: string) =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setPhase({ confirm: number });
      });
    void (async () => {
      if (!(await holdsKey().catch(() => false))) return settle('locked');
      try {
        settle(await offerKey(code, ask, (now) => setPhase(now), defaultDeps(stop.signal)));
      } catch (err) {
        if (!isAbort(err)) settle({ problem: problemText(err) });
      }
    })();
    return () => stop.abort(new DOMException('Left the page', 'AbortError'));
    // A new code starts a new hand-over; the callback may change without that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  const decide = (match: boolean) => {
    answer.current?.(match);
    answer.current = null;
    setPhase(match ? 'handing-over' : 'stopped');
  };

  const showCode = phase === 'starting' || phase === 'waiting' || phase === 'locked';
  return (
    <div class="link-hand-over" role="region" aria-label="Link another device">
      {showCode && (
        <p>
          On the other device, open Settings and enter <span class="link-code">{code}</span> under
          “Code from your other device”. It works once, for 10 minutes.
        </p>
      )}
      <div aria-live="polite">
        {phase === 'locked' && (
          <p class="hint">
            This device has not been given the key to your notes itself, so it cannot hand it over.
            The other device will need your passkey or recovery key to unlock.
          </p>
        )}
        {phase === 'waiting' && <p class="hint">Waiting for the other device to join…</p>}
        {phase === 'joined' && <p class="hint">The other device joined. Waiting for its key…</p>}
        {typeof phase === 'object' && 'confirm' in phase && (
          <>
            <p>Check that your other device shows the same number:</p>
            <p class="safety-number">{phase.confirm}</p>
          </>
        )}
        {phase === 'handing-over' && <p class="hint">Handing over the key…</p>}
        {phase === 'linked' && (
          <p class="link-done">Linked. Your other device can now read and sync your notes.</p>
        )}
        {phase === 'stopped' && (
          <p>
            The link was stopped and nothing was handed over. The other device stays locked. Show a
            new code to try again.
          </p>
        )}
      </div>
      {typeof phase === 'object' && 'confirm' in phase && (
        <div class="row">
          <button type="button" onClick={() => decide(true)}>
            The numbers match
          </button>
          <button type="button" class="secondary" onClick={() => decide(false)}>
            They don’t match
          </button>
        </div>
      )}
      {typeof phase === 'object' && 'problem' in phase && (
        <p class="field-problem" role="alert">
          {phase.problem}
        </p>
      )}
    </div>
  );
}

type NewPhase = 'asking' | { number: string } | 'open' | 'none' | { problem: string };

/** The device that joined with a link code: the safety number, until the key arrives. */
export function NewDeviceHandOver({
  code,
  deviceId,
  onUnlocked,
}: {
  code: string;
  deviceId: string;
  onUnlocked: () => void;
}) {
  const [phase, setPhase] = useState<NewPhase>('asking');

  useEffect(() => {
    const stop = new AbortController();
    void receiveKey(code, deviceId, (number) => setPhase({ number }), defaultDeps(stop.signal))
      .then((state) => {
        if (stop.signal.aborted) return;
        setPhase(state);
        onUnlocked();
      })
      .catch((err: unknown) => {
        if (!stop.signal.aborted && !isAbort(err)) setPhase({ problem: problemText(err) });
      });
    return () => stop.abort(new DOMException('Left the page', 'AbortError'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, deviceId]);

  return (
    <div class="panel link-hand-over" role="region" aria-label="Unlocking this device">
      <h3>Key to your notes</h3>
      <div aria-live="polite">
        {phase === 'asking' && (
          <p class="hint">Asking your other device for the key to your notes…</p>
        )}
        {typeof phase === 'object' && 'number' in phase && (
          <>
            <p>Check that your other device shows the same number, and confirm there:</p>
            <p class="safety-number">{phase.number}</p>
            <p class="hint">Waiting for you to confirm on your other device…</p>
          </>
        )}
        {phase === 'open' && (
          <p class="link-done">Unlocked. This device can now read and sync your notes.</p>
        )}
        {phase === 'none' && (
          <p class="hint">Your notes have no key yet: this device makes one when it syncs.</p>
        )}
      </div>
      {typeof phase === 'object' && 'problem' in phase && (
        <p class="field-problem" role="alert">
          {phase.problem}
        </p>
      )}
    </div>
  );
}
