import { useEffect, useState } from 'preact/hooks';
import { createLinkCode, listDevices, revokeDevice, type DeviceInfo } from '../sync/account';
import { OldDeviceHandOver } from './LinkHandOver';
import { dateFormat } from '../text/dates';

const when = dateFormat({ day: 'numeric', month: 'long', year: 'numeric' });

/** The account's devices, revoking one, and a code to link another. */
export function DevicesPanel() {
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [link, setLink] = useState<{ code: string; expiresAt: string } | null>(null);
  /** The hand-over for the code shown has ended (linked, stopped or failed). */
  const [ended, setEnded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function load(): Promise<void> {
    try {
      setDevices(await listDevices());
    } catch (err) {
      setProblem((err as Error).message);
    }
  }

  useEffect(() => void load(), []);

  async function act(work: () => Promise<void>): Promise<void> {
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem((err as Error).message);
    }
  }

  return (
    <>
      <h3>Link another device</h3>
      {link && (
        <OldDeviceHandOver
          code={link.code}
          onFinished={() => {
            setEnded(true);
            void load();
          }}
        />
      )}
      {(!link || ended) && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void act(async () => {
              const next = await createLinkCode();
              setEnded(false);
              setLink(next);
            })
          }
        >
          {link ? 'Show a new code' : 'Show a code to link another device'}
        </button>
      )}
      <h3>Your devices</h3>
      {problem && (
        <p class="field-problem" role="alert">
          {problem}
        </p>
      )}
      <ul class="devices">
        {devices?.map((d) => (
          <li key={d.id}>
            <span>
              {d.name} {d.current && <strong>(this device)</strong>}
              <br />
              <span class="hint">Added {when.format(new Date(d.createdAt))}</span>
            </span>
            {!d.current && (
              <button
                type="button"
                class="secondary"
                aria-label={`Revoke ${d.name}`}
                onClick={() =>
                  void act(async () => {
                    await revokeDevice(d.id);
                    await load();
                  })
                }
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
