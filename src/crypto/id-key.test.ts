import { describe, expect, it } from 'vitest';
import { commitmentIdText, keyedCommitmentId } from '../commitments/commitment-id';
import { createDataKey, rewrapDataKey, unwrapDataKey } from './data-key';
import { idKeyFrom, keyedDigest } from './id-key';
import { kekFromRecoveryKey } from './keks';

const random32 = () => crypto.getRandomValues(new Uint8Array(32));

describe('keyed ids', () => {
  it('are the same on two devices holding one data key, and differ under another key', async () => {
    const kek = await kekFromRecoveryKey(random32());
    const other = await kekFromRecoveryKey(random32());
    const { dataKey, wrapped } = await createDataKey([{ kek, kind: 'recovery' }]);
    // The second device's copy: unwrapped from a rewrapped copy, a separate CryptoKey object.
    const copy = await rewrapDataKey(wrapped[0]!.text, kek, other, 'device');
    const laptopKey = await unwrapDataKey(copy.text, other);
    const text = commitmentIdText('2026-11-16', '1. Fix the *boiler*!');
    const phone = await keyedDigest(await idKeyFrom(dataKey), text);
    const laptop = await keyedDigest(await idKeyFrom(laptopKey), text);
    expect(phone).toMatch(/^[0-9a-f]{16}$/);
    expect(laptop).toBe(phone);
    // The same item written differently is the same commitment.
    expect(
      await keyedDigest(await idKeyFrom(dataKey), commitmentIdText('2026-11-16', 'fix the boiler')),
    ).toBe(phone);

    const stranger = await createDataKey([{ kek, kind: 'recovery' }]);
    expect(await keyedDigest(await idKeyFrom(stranger.dataKey), text)).not.toBe(phone);
    expect(keyedCommitmentId('2026-11-16', phone)).toMatch(/^commitment-2026-11-16-k[0-9a-f]{16}$/);
  });

  it('say nothing of the words without the key: another week, another id', async () => {
    const { dataKey } = await createDataKey([
      { kek: await kekFromRecoveryKey(random32()), kind: 'recovery' },
    ]);
    const key = await idKeyFrom(dataKey);
    expect(await keyedDigest(key, commitmentIdText('2026-11-16', 'Fix the boiler'))).not.toBe(
      await keyedDigest(key, commitmentIdText('2026-11-23', 'Fix the boiler')),
    );
  });
});
