import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './bytes';
import { isCryptoProblem, type CryptoProblemReason } from './crypto-problem';
import { kekForBox, kekFromBox, newSealedBox, openSealedBox } from './box';
import { createDataKey, unwrapDataKey, type DataKey, type WrapKind } from './data-key';
import { kekFromPrf, kekFromRecoveryKey } from './keks';
import { newLinkKeys, type LinkKeys } from './link';
import { openPayload, sealPayload } from './payload';
import { newRecoveryKey, parseRecoveryKey } from './recovery-key';

const at = { id: 'moment-1', kind: 'moment' };

/** What the server would hold for one copy of the data key: opaque to it. */
interface Copy {
  box: string;
  keyId: string;
  kind: WrapKind;
  sender: string;
  wrapped: string;
}

/** Makes a data key and wraps a copy for every box, needing only their public keys. */
async function keyForBoxes(boxes: { publicKey: string; kind: WrapKind }[]) {
  const keks = await Promise.all(boxes.map((b) => kekForBox(b.publicKey)));
  const { dataKey, wrapped } = await createDataKey(
    keks.map(({ kek }, i) => ({ kek, kind: boxes[i]!.kind })),
  );
  const copies = wrapped.map((w, i): Copy => ({
    box: boxes[i]!.publicKey,
    keyId: w.keyId,
    kind: w.kind,
    sender: keks[i]!.sender,
    wrapped: w.text,
  }));
  return { dataKey, copies };
}

/** The data key `keyId` as the holder of `box` opens it from the server's copies. */
async function openFor(box: LinkKeys, copies: Copy[], keyId: string): Promise<DataKey> {
  const copy = copies.find((c) => c.box === box.publicKey && c.keyId === keyId);
  if (!copy) throw new Error('no copy for this box');
  return unwrapDataKey(copy.wrapped, await kekFromBox(box, copy.sender));
}

describe('boxes and rotating the data key when a device is revoked', () => {
  it('gives every remaining way in the new key, and the revoked device nothing', async () => {
    const [laptop, phone, lost] = await Promise.all([newLinkKeys(), newLinkKeys(), newLinkKeys()]);
    const prfOutput = crypto.getRandomValues(new Uint8Array(32));
    const recovery = newRecoveryKey();
    const passkeyBox = await newSealedBox(await kekFromPrf(prfOutput), 'prf');
    const recoveryBox = await newSealedBox(await kekFromRecoveryKey(recovery.bytes), 'recovery');
    const ways = [
      { publicKey: laptop.publicKey, kind: 'device' as const },
      { publicKey: phone.publicKey, kind: 'device' as const },
      { publicKey: passkeyBox.publicKey, kind: 'prf' as const },
      { publicKey: recoveryBox.publicKey, kind: 'recovery' as const },
    ];
    const first = await keyForBoxes([...ways, { publicKey: lost.publicKey, kind: 'device' }]);
    const before = await sealPayload(first.dataKey, at, '{"text":"before the phone was lost"}');
    expect(await openPayload(await openFor(lost, first.copies, first.dataKey.id), at, before)).toBe(
      '{"text":"before the phone was lost"}',
    );

    // The laptop revokes the lost device: a new key, for every box but the lost one's.
    const second = await keyForBoxes(ways);
    expect(second.dataKey.id).not.toBe(first.dataKey.id);
    const after = await sealPayload(second.dataKey, at, '{"text":"after"}');
    const copies = [...first.copies.filter((c) => c.box !== lost.publicKey), ...second.copies];

    const phoneKey = await openFor(phone, copies, second.dataKey.id);
    expect(await openPayload(phoneKey, at, after)).toBe('{"text":"after"}');
    const passkey = await openSealedBox(passkeyBox.sealed, await kekFromPrf(prfOutput));
    expect(passkey.pair.privateKey.extractable).toBe(false);
    const typed = recovery.text.toLowerCase().replace(/-/g, ' ');
    const recovered = await openSealedBox(
      recoveryBox.sealed,
      await kekFromRecoveryKey(parseRecoveryKey(typed)),
    );
    for (const box of [passkey, recovered]) {
      const key = await openFor(box, copies, second.dataKey.id);
      expect(await openPayload(key, at, after)).toBe('{"text":"after"}');
      // Until everything is sealed again, the old key still opens what it sealed.
      const old = await openFor(box, copies, first.dataKey.id);
      expect(await openPayload([key, old], at, before)).toBe(
        '{"text":"before the phone was lost"}',
      );
    }

    // The lost device's box has no copy of the new key, and other copies are not for it.
    await expect(openFor(lost, copies, second.dataKey.id)).rejects.toThrow('no copy');
    const phoneCopy = second.copies.find((c) => c.box === phone.publicKey)!;
    await expect(
      unwrapDataKey(phoneCopy.wrapped, await kekFromBox(lost, phoneCopy.sender)),
    ).rejects.toSatisfy((e) => isCryptoProblem(e, 'refused'));
  });

  it('opens a sealed box only with its own KEK', async () => {
    const kek = await kekFromPrf(new Uint8Array(32).fill(5));
    const { sealed, publicKey } = await newSealedBox(kek, 'prf');
    expect((await openSealedBox(sealed, kek)).publicKey).toBe(publicKey);
    for (const other of [
      await kekFromPrf(new Uint8Array(32).fill(6)),
      await kekFromRecoveryKey(new Uint8Array(32).fill(5)),
    ]) {
      await expect(openSealedBox(sealed, other)).rejects.toSatisfy((e) =>
        isCryptoProblem(e, 'refused'),
      );
    }
  });

  it.each<[string, (sealed: string) => string, CryptoProblemReason]>([
    ['relabelled', (s) => change(s, 1, () => 1), 'refused'],
    ['given another public key', (s) => change(s, 10, (b) => b ^ 1), 'refused'],
    ['with a changed wrapped byte', (s) => change(s, -1, (b) => b ^ 1), 'refused'],
    ['of a newer format', (s) => change(s, 0, () => 2), 'unknown-version'],
    ['cut short', (s) => s.slice(0, 60), 'damaged'],
    ['not a box', () => 'wnk.AAAA', 'not-sealed'],
  ])('refuses a sealed box %s', async (_, alter, reason) => {
    const kek = await kekFromPrf(new Uint8Array(32).fill(9));
    const { sealed } = await newSealedBox(kek, 'prf');
    await expect(openSealedBox(alter(sealed), kek)).rejects.toSatisfy((e) =>
      isCryptoProblem(e, reason),
    );
  });
});

function change(sealed: string, index: number, to: (byte: number) => number): string {
  const bytes = fromBase64Url(sealed.slice(4))!;
  const i = index < 0 ? bytes.length + index : index;
  bytes[i] = to(bytes[i]!);
  return sealed.slice(0, 4) + toBase64Url(bytes);
}
