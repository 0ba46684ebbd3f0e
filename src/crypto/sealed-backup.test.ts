import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './bytes';
import {
  isSealedBackup,
  openBackup,
  PBKDF2_ITERATIONS,
  sealBackup,
  SealedBackupProblem,
  type SealedBackupReason,
} from './sealed-backup';

const backup = JSON.stringify({
  format: 'weeknotes-backup',
  version: 1,
  moments: [{ text: 'A tenant’s case at the service centre, not for publishing' }],
});
const passphrase = 'granite kettle orchard sparrow';
// One sealed file for every case below: each open runs PBKDF2's 600,000 iterations.
const sealed = JSON.parse(await sealBackup(backup, passphrase)) as Record<string, unknown>;

async function reasonOf(file: unknown, typed: string): Promise<SealedBackupReason | 'opened'> {
  try {
    await openBackup(file, typed);
    return 'opened';
  } catch (err) {
    if (err instanceof SealedBackupProblem) return err.reason;
    throw err;
  }
}

/** The base64url field with the lowest bit of one byte flipped. */
const flipped = (field: unknown, index = 0): string => {
  const bytes = fromBase64Url(field as string)!;
  bytes[index] = bytes[index]! ^ 1;
  return toBase64Url(bytes);
};

describe('backups sealed with a passphrase', () => {
  it('is a JSON envelope that says how it was sealed and holds none of the text', () => {
    expect(sealed).toMatchObject({
      format: 'weeknotes-backup-encrypted',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
      cipher: { name: 'AES-GCM' },
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(sealed)).not.toMatch(/tenant|service centre|moments/);
    expect(isSealedBackup(sealed)).toBe(true);
    expect(isSealedBackup(JSON.parse(backup))).toBe(false);
  });

  it('opens with the passphrase, written in either Unicode form', async () => {
    expect(await openBackup(sealed, passphrase)).toBe(backup);
    const composed = JSON.parse(await sealBackup(backup, 'caf\u00e9 kettle orchard')) as unknown;
    expect(await openBackup(composed, 'cafe\u0301 kettle orchard')).toBe(backup);
  });

  it('uses a fresh salt and IV each time', async () => {
    const again = JSON.parse(await sealBackup(backup, passphrase)) as typeof sealed;
    expect(again.kdf).not.toEqual(sealed.kdf);
    expect(again.cipher).not.toEqual(sealed.cipher);
  });

  it.each<[string, (file: typeof sealed) => unknown, string, SealedBackupReason]>([
    ['a wrong passphrase', (f) => f, 'granite kettle orchard sparrows', 'wrong-passphrase'],
    ['an empty passphrase', (f) => f, '', 'wrong-passphrase'],
    ['a changed byte of data', (f) => ({ ...f, data: flipped(f.data, 10) }), passphrase, 'changed'],
    [
      'a changed IV',
      (f) => ({ ...f, cipher: { name: 'AES-GCM', iv: flipped((f.cipher as { iv: string }).iv) } }),
      passphrase,
      'changed',
    ],
    [
      'data cut short',
      (f) => ({ ...f, data: (f.data as string).slice(0, 40) }),
      passphrase,
      'changed',
    ],
    [
      'a changed salt',
      (f) => ({
        ...f,
        kdf: { ...(f.kdf as object), salt: flipped((f.kdf as { salt: string }).salt) },
      }),
      passphrase,
      'wrong-passphrase',
    ],
    [
      'a changed check value',
      (f) => ({ ...f, check: flipped(f.check) }),
      passphrase,
      'wrong-passphrase',
    ],
    [
      'too few iterations',
      (f) => ({ ...f, kdf: { ...(f.kdf as object), iterations: 1000 } }),
      passphrase,
      'damaged',
    ],
    [
      'iterations that would freeze the page',
      (f) => ({ ...f, kdf: { ...(f.kdf as object), iterations: 1e9 } }),
      passphrase,
      'damaged',
    ],
    ['a missing field', ({ check: _, ...f }) => f, passphrase, 'damaged'],
    ['an extra field', (f) => ({ ...f, note: 'hi' }), passphrase, 'damaged'],
    ['data that is not base64url', (f) => ({ ...f, data: 'not base64!' }), passphrase, 'damaged'],
    ['a newer version', (f) => ({ ...f, version: 2 }), passphrase, 'unknown-version'],
  ])('refuses %s, saying why', async (_, change, typed, reason) => {
    expect(await reasonOf(change(sealed), typed)).toBe(reason);
  });

  it('tells the writer in words, and nothing from inside the file', async () => {
    const problem = await openBackup(sealed, 'wrong passphrase here').catch((e: unknown) => e);
    expect((problem as Error).message).toBe(
      'That passphrase does not open this backup. Check it and try again. Nothing on this device was changed.',
    );
  });
});
