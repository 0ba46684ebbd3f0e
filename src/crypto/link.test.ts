import { describe, expect, it } from 'vitest';
import { isCryptoProblem } from './crypto-problem';
import { createDataKey, rewrapDataKey, unwrapDataKey } from './data-key';
import { kekFromPrf } from './keks';
import { keepsCommitment, linkCommitment, linkKek, newLinkKeys, safetyNumber } from './link';
import { openPayload, sealPayload } from './payload';
import { toBase64Url } from './bytes';

const at = { id: 'draft-2026-11-16', kind: 'draft' };

/** The old device: signed in, holding the data key and its PRF-wrapped copy. */
async function oldDevice() {
  const prf = await kekFromPrf(crypto.getRandomValues(new Uint8Array(32)));
  const { dataKey, wrapped } = await createDataKey([{ kek: prf, kind: 'prf' }]);
  return { prf, dataKey, prfCopy: wrapped[0]!.text };
}

describe('linking a new device', () => {
  it('hands the data key over with a relay that sees public keys and a wrapped key only', async () => {
    const old = await oldDevice();
    const sealed = await sealPayload(old.dataKey, at, '{"body":"Week beginning 16 November"}');

    const newKeys = await newLinkKeys();
    const commitment = await linkCommitment(newKeys.publicKey); // new → relay → old
    const oldKeys = await newLinkKeys(); // old → relay → new: oldKeys.publicKey
    // new → relay → old: newKeys.publicKey, which the old device checks.
    expect(await keepsCommitment(newKeys.publicKey, commitment)).toBe(true);
    const shownOnOld = await safetyNumber(oldKeys.publicKey, newKeys.publicKey);
    const shownOnNew = await safetyNumber(oldKeys.publicKey, newKeys.publicKey);
    expect(shownOnOld).toMatch(/^\d{3} \d{3}$/);
    expect(shownOnNew).toBe(shownOnOld);

    // The writer confirms the numbers match; the old device wraps the key for the new one.
    const forNew = await rewrapDataKey(
      old.prfCopy,
      old.prf,
      await linkKek(oldKeys, newKeys.publicKey, 'old'),
      'device',
    );
    expect(forNew.kind).toBe('device');
    const relayed = [commitment, oldKeys.publicKey, newKeys.publicKey, forNew.text].join(' ');

    const received = await unwrapDataKey(
      forNew.text,
      await linkKek(newKeys, oldKeys.publicKey, 'new'),
    );
    expect(received.key.extractable).toBe(false);
    expect(await openPayload(received, at, sealed)).toBe('{"body":"Week beginning 16 November"}');
    expect(relayed).not.toContain('Week beginning');
  });

  it('does not let a relay that swaps in its own key go unnoticed', async () => {
    const newKeys = await newLinkKeys();
    const commitment = await linkCommitment(newKeys.publicKey);
    const oldKeys = await newLinkKeys();
    const relayKeys = await newLinkKeys();
    // Passing its own key to the old device breaks the commitment...
    expect(await keepsCommitment(relayKeys.publicKey, commitment)).toBe(false);
    // ...and a relay that committed to its own key from the start shows other safety numbers
    // on each side (a one-in-a-million chance of matching).
    const onOld = await safetyNumber(oldKeys.publicKey, relayKeys.publicKey);
    const onNew = await safetyNumber(relayKeys.publicKey, newKeys.publicKey);
    expect(onOld).not.toBe(onNew);
  });

  it('gives an onlooker with keys of its own nothing it can open', async () => {
    const old = await oldDevice();
    const newKeys = await newLinkKeys();
    const oldKeys = await newLinkKeys();
    const forNew = await rewrapDataKey(
      old.prfCopy,
      old.prf,
      await linkKek(oldKeys, newKeys.publicKey, 'old'),
      'device',
    );
    const onlooker = await newLinkKeys();
    for (const kek of [
      await linkKek(onlooker, oldKeys.publicKey, 'new'),
      await linkKek(onlooker, newKeys.publicKey, 'old'),
      // The right keys in the wrong roles bind the KEK to the public keys the other way round.
      await linkKek(newKeys, oldKeys.publicKey, 'old'),
    ]) {
      await expect(unwrapDataKey(forNew.text, kek)).rejects.toSatisfy((e) =>
        isCryptoProblem(e, 'refused'),
      );
    }
  });

  it('keeps the private half of link keys unexportable', async () => {
    const { pair } = await newLinkKeys();
    expect(pair.privateKey.extractable).toBe(false);
  });

  it.each([
    ['not base64url', 'not a key!'],
    ['too short', toBase64Url(new Uint8Array(33).fill(4))],
    ['compressed', toBase64Url(Uint8Array.of(2, ...new Uint8Array(32).fill(1)))],
    ['not on the curve', toBase64Url(Uint8Array.of(4, ...new Uint8Array(64).fill(1)))],
  ])('refuses a public key that is %s', async (_, publicKey) => {
    const own = await newLinkKeys();
    await expect(linkKek(own, publicKey, 'old')).rejects.toSatisfy((e) =>
      isCryptoProblem(e, 'damaged'),
    );
    await expect(safetyNumber(own.publicKey, publicKey)).rejects.toSatisfy((e) =>
      isCryptoProblem(e, 'damaged'),
    );
  });
});
