import type { LinkState } from '../crypto/key-store-protocol';

/**
 * What each device does next in a link's key hand-over (ADR 0015, "Link code"), read from the
 * relay's state alone. The relay (server/auth/key-links.ts) takes each step once, in order:
 * the new device's commitment (when it joins), the old device's public key, the new device's
 * public key, and the data key wrapped for the new device. Pure, so each case is tested.
 */

/** A relay that shows something other than what this device wrote there: refuse to carry on. */
export class LinkTampered extends Error {
  override name = 'LinkTampered';
}

export type OldDeviceStep =
  /** No device has joined with the code yet. */
  | { step: 'wait-for-join' }
  /** The new device committed to its key: send this device's public key. */
  | { step: 'send-key' }
  /** Sent; the new device has not shown its key yet. */
  | { step: 'wait-for-key' }
  /** The new device's key is there: check it against the commitment, then ask the writer. */
  | { step: 'check'; commitment: string; newPublicKey: string }
  /** The wrapped key is written: the link is done. */
  | { step: 'done' };

/**
 * The old device's next step. `sent` is the public key it wrote, or null before it wrote one.
 */
export function oldDeviceStep(link: LinkState, sent: string | null): OldDeviceStep {
  if (link.role !== 'old') throw new LinkTampered('This link was opened by another device.');
  if (!link.commitment) {
    if (link.oldPublicKey || link.newPublicKey || link.wrapped) {
      throw new LinkTampered('The link has keys but no device joined it.');
    }
    return { step: 'wait-for-join' };
  }
  if (!link.oldPublicKey) {
    if (sent || link.newPublicKey || link.wrapped) {
      throw new LinkTampered('The key this device sent is missing from the link.');
    }
    return { step: 'send-key' };
  }
  if (link.oldPublicKey !== sent) {
    throw new LinkTampered('The link carries a key this device did not send.');
  }
  if (!link.newPublicKey) return { step: 'wait-for-key' };
  if (link.wrapped) return { step: 'done' };
  return { step: 'check', commitment: link.commitment, newPublicKey: link.newPublicKey };
}

export type NewDeviceStep =
  /** The other device has not sent its public key yet. */
  | { step: 'wait-for-key' }
  /** Its key is there: send this device's own. */
  | { step: 'send-key'; oldPublicKey: string }
  /** Both keys are there: show the safety number and wait for the writer to confirm. */
  | { step: 'wait-for-confirmation'; oldPublicKey: string }
  /** The other device wrapped the key for this one. */
  | { step: 'take-key'; oldPublicKey: string; wrapped: string };

/**
 * The new device's next step. `own` is the public key it committed to (its box's); `sent`
 * whether it has written it to the relay yet.
 */
export function newDeviceStep(link: LinkState, own: string, sent: boolean): NewDeviceStep {
  if (link.role !== 'new') throw new LinkTampered('This device did not join this link.');
  if (!link.commitment) throw new LinkTampered('The link lost this device’s commitment.');
  if (!link.oldPublicKey) {
    if (sent || link.newPublicKey || link.wrapped) {
      throw new LinkTampered('The other device’s key is missing from the link.');
    }
    return { step: 'wait-for-key' };
  }
  const oldPublicKey = link.oldPublicKey;
  if (!link.newPublicKey) {
    if (sent || link.wrapped) throw new LinkTampered('The key this device sent is missing.');
    return { step: 'send-key', oldPublicKey };
  }
  if (link.newPublicKey !== own) {
    throw new LinkTampered('The link carries a key this device did not send.');
  }
  if (!link.wrapped) return { step: 'wait-for-confirmation', oldPublicKey };
  return { step: 'take-key', oldPublicKey, wrapped: link.wrapped };
}
