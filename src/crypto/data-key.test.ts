import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './bytes';
import { isCryptoProblem, type CryptoProblemReason } from './crypto-problem';
import {
  createDataKey,
  readWrappedKey,
  rewrapDataKey,
  unwrapDataKey,
  type WrapKind,
} from './data-key';
import { kekFromPrf, kekFromRecoveryKey } from './keks';
import { openPayload, sealPayload } from './payload';

const random32 = () => crypto.getRandomValues(new Uint8Array(32));
const at = { id: 'setting-weekStartsOn', kind: 'setting' };

async function reasonOf(work: Promise<unknown>): Promise<CryptoProblemReason | 'opened'> {
  try {
    await work;
    return 'opened';
  } catch (err) {
    if (isCryptoProblem(err)) return err.reason;
    throw err;
  }
}

/** The wrapped key's text with byte `index` of its binary set to `value`. */
function withByte(text: string, index: number, value: (old: number) => number): string {
  const bytes = fromBase64Url(text.slice(4))!;
  bytes[index] = value(bytes[index]!);
  return text.slice(0, 4) + toBase64Url(bytes);
}

async function account() {
  const prf = await kekFromPrf(random32());
  const recovery = await kekFromRecoveryKey(random32());
  const made = await createDataKey([
    { kek: prf, kind: 'prf' },
    { kek: recovery, kind: 'recovery' },
  ]);
  return { prf, recovery, ...made };
}

describe('the data key and its wrapped copies', () => {
  it('wraps one key under each KEK, each copy opening what the others seal', async () => {
    const { prf, recovery, dataKey, wrapped } = await account();
    expect(wrapped.map((w) => [w.keyId, w.kind])).toEqual([
      [dataKey.id, 'prf'],
      [dataKey.id, 'recovery'],
    ]);
    expect(dataKey.id).toMatch(/^[0-9a-f]{16}$/);
    const sealed = await sealPayload(dataKey, at, '{"value":1}');
    for (const [copy, kek] of [
      [wrapped[0]!, prf],
      [wrapped[1]!, recovery],
    ] as const) {
      const opened = await unwrapDataKey(copy.text, kek);
      expect(opened.id).toBe(dataKey.id);
      expect(opened.key.extractable).toBe(false);
      expect(await openPayload(opened, at, sealed)).toBe('{"value":1}');
    }
  });

  it('says which key and kind a copy is without opening it', async () => {
    const { wrapped, dataKey } = await account();
    expect(readWrappedKey(wrapped[1]!.text)).toMatchObject({ keyId: dataKey.id, kind: 'recovery' });
  });

  it('makes a new key id on every rotation', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await account()).dataKey.id);
    expect(ids.size).toBe(5);
  });

  it.each<[string, (text: string) => string, CryptoProblemReason]>([
    ['relabelled as another kind', (t) => withByte(t, 1, () => 2), 'refused'],
    ['given another key id', (t) => withByte(t, 5, (b) => b ^ 0x80), 'refused'],
    ['with a flipped bit in the wrapped key', (t) => withByte(t, 40, (b) => b ^ 1), 'refused'],
    ['of a newer format', (t) => withByte(t, 0, () => 2), 'unknown-version'],
    ['of an unknown kind', (t) => withByte(t, 1, () => 9), 'damaged'],
    ['cut short', (t) => t.slice(0, 40), 'damaged'],
    ['without its prefix', (t) => t.slice(4), 'not-sealed'],
  ])('refuses a copy %s', async (_, change, reason) => {
    const { prf, wrapped } = await account();
    expect(await reasonOf(unwrapDataKey(change(wrapped[0]!.text), prf))).toBe(reason);
  });

  it('refuses a copy opened with the wrong KEK (another passkey, another account)', async () => {
    const mine = await account();
    const theirs = await account();
    expect(await reasonOf(unwrapDataKey(mine.wrapped[0]!.text, mine.recovery))).toBe('refused');
    expect(await reasonOf(unwrapDataKey(mine.wrapped[0]!.text, theirs.prf))).toBe('refused');
    expect(await reasonOf(unwrapDataKey(mine.wrapped[0]!.text, await kekFromPrf(random32())))).toBe(
      'refused',
    );
  });

  it.each<WrapKind>(['device', 'prf', 'recovery'])(
    'rewraps the same key for a new %s KEK without handing out an extractable key',
    async (kind) => {
      const { prf, dataKey, wrapped } = await account();
      const next = await kekFromRecoveryKey(random32());
      const copy = await rewrapDataKey(wrapped[0]!.text, prf, next, kind);
      expect(copy).toMatchObject({ keyId: dataKey.id, kind });
      const opened = await unwrapDataKey(copy.text, next);
      expect(opened.key.extractable).toBe(false);
      const sealed = await sealPayload(opened, at, '"moved on"');
      expect(await openPayload(dataKey, at, sealed)).toBe('"moved on"');
      expect(await reasonOf(rewrapDataKey(wrapped[0]!.text, next, next, kind))).toBe('refused');
    },
  );

  it('needs at least one KEK', async () => {
    await expect(createDataKey([])).rejects.toThrow(TypeError);
  });
});
