import { describe, expect, it } from 'vitest';
import { isCryptoProblem } from './crypto-problem';
import { createDataKey, unwrapDataKey } from './data-key';
import { kekFromPrf, kekFromRecoveryKey, PRF_INPUT } from './keks';

const bytes = (fill: number) => new Uint8Array(32).fill(fill);

describe('key-encryption keys', () => {
  it.each([
    ['a PRF output', kekFromPrf],
    ['a recovery key', kekFromRecoveryKey],
  ])(
    'derive the same KEK from the same %s, and a different one from other bytes',
    async (_, derive) => {
      const { wrapped } = await createDataKey([{ kek: await derive(bytes(7)), kind: 'prf' }]);
      const again = await unwrapDataKey(wrapped[0]!.text, await derive(bytes(7)));
      expect(again.id).toBe(wrapped[0]!.keyId);
      await expect(unwrapDataKey(wrapped[0]!.text, await derive(bytes(8)))).rejects.toSatisfy(
        (err) => isCryptoProblem(err, 'refused'),
      );
    },
  );

  it('keeps the PRF and recovery KEKs apart even from the same bytes', async () => {
    const { wrapped } = await createDataKey([{ kek: await kekFromPrf(bytes(1)), kind: 'prf' }]);
    await expect(
      unwrapDataKey(wrapped[0]!.text, await kekFromRecoveryKey(bytes(1))),
    ).rejects.toSatisfy((err) => isCryptoProblem(err, 'refused'));
  });

  it('makes KEKs that can only wrap and unwrap, and cannot be exported', async () => {
    const kek = await kekFromPrf(bytes(3));
    expect(kek.extractable).toBe(false);
    expect([...kek.usages].sort()).toEqual(['unwrapKey', 'wrapKey']);
    await expect(crypto.subtle.exportKey('raw', kek)).rejects.toThrow();
  });

  it('refuses inputs of the wrong size', async () => {
    await expect(kekFromPrf(new Uint8Array(16))).rejects.toThrow(TypeError);
    await expect(kekFromRecoveryKey(new Uint8Array(31))).rejects.toThrow(TypeError);
  });

  it('asks the passkey for a fixed, versioned PRF input', () => {
    expect(new TextDecoder().decode(PRF_INPUT)).toBe('weeknotes/prf/data-key/v1');
  });
});
