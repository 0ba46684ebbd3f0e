import { kekFromBox } from '../crypto/box';
import { isCryptoProblem } from '../crypto/crypto-problem';
import { rewrapDataKey, unwrapDataKey } from '../crypto/data-key';
import type { LinkState } from '../crypto/key-store-protocol';
import {
  keepsCommitment,
  linkCommitment,
  linkKek,
  newLinkKeys,
  safetyNumber,
  type LinkKeys,
} from '../crypto/link';
import { readKeyring } from '../storage/keyring-store';
import {
  deviceBox,
  httpKeysApi,
  refreshKeys,
  sendCopies,
  wrapHeldKeysFor,
  type KeysApi,
} from './keyring';
import { httpLinkApi, type LinkApi } from './link-api';
import { LinkTampered, newDeviceStep, oldDeviceStep } from './link-steps';
import { SyncError } from './remote';

/**
 * Handing the account's data key to a device that joins with a link code (ADR 0015, "Link
 * code"), through the server's relay, which never sees the key. The new device uses its box
 * (the key pair copies of the data key are wrapped for) as its link key and commits to it; the
 * old device answers with a fresh key pair; both show a safety number from the two public keys,
 * and only when the writer says they match does the old device wrap the key for the new box.
 */

/** Something that stopped the hand-over, in words for the writer. */
export class LinkProblem extends Error {
  override name = 'LinkProblem';
}

export interface Deps {
  links: LinkApi;
  keys: KeysApi;
  /** How long to wait between looks at the relay. */
  interval: number;
  signal: AbortSignal;
}

const STOPPED =
  'The link was stopped on your other device, or it expired. This device is signed in but locked: unlock it in Settings with your passkey or recovery key, or sign out and link it again.';
const EXPIRED =
  'The code expired, or the link was stopped on the other device. Nothing was handed over: show a new code to try again.';
const TAMPERED =
  'The server changed what the two devices sent each other, so the link was stopped. Nothing was handed over.';

export const defaultDeps = (signal: AbortSignal): Deps => ({
  links: httpLinkApi,
  keys: httpKeysApi,
  // A link lasts seconds while the writer holds both devices: polled often, for a short while.
  interval: 400,
  signal,
});

const isStatus = (err: unknown, status: number): boolean =>
  err instanceof SyncError && err.status === status;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/**
 * Looks at the relay until `pick` finds what it waits for. A link that is gone (stopped on the
 * other device, or expired) is a LinkProblem; a lost connection is waited out.
 */
export async function waitForLink<T>(
  deps: Deps,
  id: string,
  pick: (link: LinkState) => T | null,
  gone = STOPPED,
): Promise<T> {
  for (;;) {
    deps.signal.throwIfAborted();
    let link: LinkState | null = null;
    try {
      link = await deps.links.readLink(id);
    } catch (err) {
      if (isStatus(err, 404)) throw new LinkProblem(gone);
      if (!(err instanceof SyncError && err.kind === 'offline')) throw err;
    }
    const found = link && pick(link);
    if (found) return found;
    await sleep(deps.interval, deps.signal);
  }
}

/** Whether this device holds the account's current key, so it can hand it to a new device. */
export async function holdsKey(): Promise<boolean> {
  return (await readKeyring()).current !== null;
}

/** What the old device's screen shows while it waits. */
export type OldProgress = 'waiting' | 'joined' | 'handing-over';

/**
 * The old device: opens the relay for the link code it just made, answers the new device's
 * commitment with a fresh public key, checks the new device's key against the commitment, asks
 * the writer whether the safety numbers match (`ask`), and only then wraps every key it holds
 * for the new device's box. Answers 'stopped' when the writer said they do not match.
 */
export async function offerKey(
  code: string,
  ask: (safetyNumber: string) => Promise<boolean>,
  progress: (now: OldProgress) => void,
  deps: Deps,
): Promise<'linked' | 'stopped'> {
  const { id } = await deps.links.openLink(code);
  progress('waiting');
  let own: LinkKeys | null = null;
  try {
    for (;;) {
      const next = await waitForLink(
        deps,
        id,
        (link) => {
          const step = oldDeviceStep(link, own?.publicKey ?? null);
          return step.step === 'wait-for-join' || step.step === 'wait-for-key' ? null : step;
        },
        EXPIRED,
      );
      if (next.step === 'send-key') {
        progress('joined');
        own = await newLinkKeys();
        await deps.links.writeStep(id, 'old-key', own.publicKey);
        continue;
      }
      if (next.step === 'done' || !own) throw new LinkTampered('Wrapped by someone else.');
      if (!(await keepsCommitment(next.newPublicKey, next.commitment))) {
        throw new LinkTampered('The new key breaks its commitment.');
      }
      if (!(await ask(await safetyNumber(own.publicKey, next.newPublicKey)))) {
        await deps.links.closeLink(id);
        return 'stopped';
      }
      progress('handing-over');
      await handOver(deps, id, own, next.newPublicKey);
      return 'linked';
    }
  } catch (err) {
    if (err instanceof LinkTampered || isCryptoProblem(err)) {
      await deps.links.closeLink(id).catch(() => undefined);
      throw new LinkProblem(TAMPERED);
    }
    throw err;
  }
}

/** Wraps every key this device holds for the new device's box, and the current one for the link. */
async function handOver(deps: Deps, id: string, own: LinkKeys, newPublicKey: string) {
  const store = await deps.keys.fetchKeyStore();
  const box = store.boxes.find((b) => b.kind === 'device' && b.publicKey === newPublicKey);
  if (!box) {
    throw new LinkProblem(
      'The new device’s key is not on the server’s list of devices, so nothing was handed over. Make a new code and link it again.',
    );
  }
  await sendCopies(deps.keys, await wrapHeldKeysFor(box, 'device'));
  const ring = await readKeyring();
  const current = ring.current;
  if (!ring.box || !current?.copy) {
    throw new LinkProblem(
      'This device does not hold the key to your notes, so it cannot share it.',
    );
  }
  const wrapped = await rewrapDataKey(
    current.copy.wrapped,
    await kekFromBox(ring.box.keys, current.copy.sender),
    await linkKek(own, newPublicKey, 'old'),
    'device',
  );
  try {
    await deps.links.writeStep(id, 'wrapped', wrapped.text);
  } catch (err) {
    if (isStatus(err, 404)) throw new LinkProblem(EXPIRED);
    throw err;
  }
}

const NOT_OFFERED =
  'Your other device is not handing over the key to your notes (it may be locked itself). This device is signed in but locked: unlock it in Settings with your passkey or recovery key.';

/**
 * The new device, just signed in with `code`: registers its box, joins the relay with a
 * commitment to the box's public key, sends the key once the old device has sent its own,
 * shows the safety number (`show`), and waits for the old device to hand the key over.
 * Answers 'open' once this device holds the account's key, or 'none' if the account has none
 * yet (the first sync makes it).
 */
export async function receiveKey(
  code: string,
  deviceId: string,
  show: (safetyNumber: string) => void,
  deps: Deps,
): Promise<'open' | 'none'> {
  const box = await deviceBox(deps.keys, deviceId);
  const own = box.keys.publicKey;
  let id: string;
  try {
    ({ id } = await deps.links.joinLink(code, await linkCommitment(own)));
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
    const state = await refreshKeys(deps.keys);
    if (state.state === 'locked') throw new LinkProblem(NOT_OFFERED);
    return state.state;
  }
  try {
    const sendNow = await waitForLink(deps, id, (link) => {
      const step = newDeviceStep(link, own, false);
      return step.step === 'wait-for-key' ? null : step;
    });
    if (sendNow.step !== 'send-key') throw new LinkTampered('A key was sent for this device.');
    const oldPublicKey = sendNow.oldPublicKey;
    await deps.links.writeStep(id, 'new-key', own);
    show(await safetyNumber(oldPublicKey, own));
    const taken = await waitForLink(deps, id, (link) => {
      const step = newDeviceStep(link, own, true);
      return step.step === 'take-key' ? step : null;
    });
    if (taken.oldPublicKey !== oldPublicKey) throw new LinkTampered('The other key changed.');
    // The relay's copy opens only with the key agreed with the device the writer confirmed on.
    await unwrapDataKey(taken.wrapped, await linkKek(box.keys, oldPublicKey, 'new'));
  } catch (err) {
    if (err instanceof LinkTampered || isCryptoProblem(err)) throw new LinkProblem(TAMPERED);
    throw err;
  }
  const state = await refreshKeys(deps.keys);
  if (state.state === 'locked') {
    throw new LinkProblem(
      'Your other device confirmed the link, but the key for this device did not arrive. Unlock it in Settings with your passkey or recovery key.',
    );
  }
  return state.state;
}
