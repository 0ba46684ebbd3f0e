import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './bytes';
import { isCryptoProblem, type CryptoProblemReason } from './crypto-problem';
import { createDataKey, type DataKey } from './data-key';
import { kekFromRecoveryKey } from './keks';
import { isSealedPayload, openPayload, payloadKeyId, sealPayload } from './payload';

const at = { id: '018f2c1e-7b3a-7def-8000-000000000001', kind: 'moment' };

async function dataKey(): Promise<DataKey> {
  const kek = await kekFromRecoveryKey(crypto.getRandomValues(new Uint8Array(32)));
  return (await createDataKey([{ kek, kind: 'recovery' }])).dataKey;
}

/**
 * The payload with one byte of its binary changed at `index` (from the end if negative): set to
 * `value`, or with its lowest bit flipped.
 */
function flip(payload: string, index: number, value?: number): string {
  const bytes = fromBase64Url(payload.slice(4))!;
  const i = index < 0 ? bytes.length + index : index;
  bytes[i] = value ?? bytes[i]! ^ 1;
  return payload.slice(0, 4) + toBase64Url(bytes);
}

async function reasonOf(work: Promise<unknown>): Promise<CryptoProblemReason | 'opened'> {
  try {
    await work;
    return 'opened';
  } catch (err) {
    if (isCryptoProblem(err)) return err.reason;
    throw err;
  }
}

describe('sealed payloads', () => {
  it.each([
    ['an empty object', '{}'],
    ['an empty string', ''],
    ['text with accents, emoji and a right-to-left name', '{"text":"Café with عمر 🎉 #BlueBadge"}'],
    ['a long draft', JSON.stringify({ body: 'Week beginning 22 November. '.repeat(4000) })],
  ])('seal and open %s unchanged', async (_, plaintext) => {
    const key = await dataKey();
    const sealed = await sealPayload(key, at, plaintext);
    expect(isSealedPayload(sealed)).toBe(true);
    expect(payloadKeyId(sealed)).toBe(key.id);
    expect(await openPayload(key, at, sealed)).toBe(plaintext);
  });

  it('never shows the plaintext and uses a fresh IV each time', async () => {
    const key = await dataKey();
    const plaintext = '{"text":"Priya is leading the work on the service centre"}';
    const one = await sealPayload(key, at, plaintext);
    const two = await sealPayload(key, at, plaintext);
    expect(one).not.toBe(two);
    expect(fromBase64Url(one.slice(4))!.subarray(9, 21)).not.toEqual(
      fromBase64Url(two.slice(4))!.subarray(9, 21),
    );
    expect(one).not.toContain('Priya');
    expect(atob(one.slice(4).replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('Priya');
  });

  it('keeps the data key non-extractable', async () => {
    const key = await dataKey();
    expect(key.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key.key)).rejects.toThrow();
  });

  it.each<[string, (sealed: string) => string, { id: string; kind: string }, CryptoProblemReason]>([
    ['moved to another record', (s) => s, { ...at, id: 'another-record' }, 'refused'],
    ['moved to another kind', (s) => s, { ...at, kind: 'draft' }, 'refused'],
    ['a flipped bit in the IV', (s) => flip(s, 12), at, 'refused'],
    ['a flipped bit in the ciphertext', (s) => flip(s, 24), at, 'refused'],
    ['a flipped bit in the tag', (s) => flip(s, -1), at, 'refused'],
    ['a changed key id', (s) => flip(s, 3), at, 'unknown-key'],
    ['a newer format version', (s) => flip(s, 0, 2), at, 'unknown-version'],
    ['cut short', (s) => s.slice(0, 30), at, 'damaged'],
    [
      'characters that are not base64url',
      (s) => `${s.slice(0, 20)}+/${s.slice(22)}`,
      at,
      'damaged',
    ],
    ['plaintext from before encryption', () => '{"text":"hello"}', at, 'not-sealed'],
  ])('refuses a payload %s', async (_, change, where, reason) => {
    const key = await dataKey();
    const sealed = await sealPayload(key, at, '{"text":"Sam started as head of operations"}');
    expect(await reasonOf(openPayload(key, where, change(sealed)))).toBe(reason);
  });

  it('refuses a payload sealed by another account, even under the same key id', async () => {
    const mine = await dataKey();
    const theirs = await dataKey();
    const sealed = await sealPayload(theirs, at, '{"text":"not yours"}');
    expect(await reasonOf(openPayload(mine, at, sealed))).toBe('unknown-key');
    const forged = await sealPayload({ id: mine.id, key: theirs.key }, at, '{"text":"not yours"}');
    expect(await reasonOf(openPayload(mine, at, forged))).toBe('refused');
  });

  it('opens payloads sealed before a rotation with the key kept from then', async () => {
    const old = await dataKey();
    const current = await dataKey();
    expect(current.id).not.toBe(old.id);
    const before = await sealPayload(old, at, '{"n":1}');
    const after = await sealPayload(current, at, '{"n":2}');
    expect(await openPayload([current, old], at, before)).toBe('{"n":1}');
    expect(await openPayload([current, old], at, after)).toBe('{"n":2}');
    expect(await reasonOf(openPayload([current], at, before))).toBe('unknown-key');
  });
});
