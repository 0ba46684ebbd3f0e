import { z } from '../validation/zod';
import {
  framed,
  fromBase64Url,
  fromUtf8,
  randomBytes,
  sameBytes,
  toBase64Url,
  utf8,
  type Bytes,
} from './bytes';

/**
 * A backup file encrypted with a passphrase. The key comes from PBKDF2-SHA-256 (600,000
 * iterations, OWASP's 2023 figure, through Web Crypto: no dependency, and no WebAssembly, which
 * Argon2id would need and our CSP forbids; ADR 0015). HKDF splits that into the AES-GCM key and
 * a 16-byte check value, so a wrong passphrase is told apart from a file changed after it was
 * made. The header (format, version, KDF and its parameters) is the associated data: changing
 * any of it, or any byte of the data, is refused.
 */

export const SEALED_BACKUP_FORMAT = 'weeknotes-backup-encrypted';
/** What a new file uses; files with more are read too, up to MAX_ITERATIONS. */
export const PBKDF2_ITERATIONS = 600_000;
/** Files asking for more are refused rather than freezing the page. */
const MAX_ITERATIONS = 10_000_000;

const b64 = (bytes: number) =>
  z.string().refine((s) => fromBase64Url(s)?.length === bytes, `must be ${bytes} bytes, base64url`);

const envelopeSchema = z.strictObject({
  format: z.literal(SEALED_BACKUP_FORMAT),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(PBKDF2_ITERATIONS).max(MAX_ITERATIONS),
    salt: b64(16),
  }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: b64(12) }),
  check: b64(16),
  data: z.string().regex(/^[A-Za-z0-9_-]+$/),
});
type Envelope = z.infer<typeof envelopeSchema>;

/** Why a sealed backup did not open. */
export type SealedBackupReason = 'damaged' | 'unknown-version' | 'wrong-passphrase' | 'changed';

const MESSAGES: Record<SealedBackupReason, string> = {
  damaged:
    'This encrypted backup is damaged and cannot be read. Nothing on this device was changed.',
  'unknown-version':
    'This encrypted backup was made by a newer version of Weeknotes. Update the app, then try again. Nothing on this device was changed.',
  'wrong-passphrase':
    'That passphrase does not open this backup. Check it and try again. Nothing on this device was changed.',
  changed:
    'This backup has been altered or damaged since it was made, so it was not restored. Nothing on this device was changed.',
};

/** A sealed backup that did not open, with a message for the writer. Never holds plaintext. */
export class SealedBackupProblem extends Error {
  override name = 'SealedBackupProblem';

  constructor(readonly reason: SealedBackupReason) {
    super(MESSAGES[reason]);
  }
}

/** Whether parsed JSON claims to be a passphrase-encrypted backup. */
export const isSealedBackup = (data: unknown): boolean =>
  typeof data === 'object' &&
  data !== null &&
  (data as { format?: unknown }).format === SEALED_BACKUP_FORMAT;

const headerAad = (e: Omit<Envelope, 'check' | 'data'>): Bytes =>
  framed(
    'weeknotes/backup',
    e.format,
    String(e.version),
    e.kdf.name,
    e.kdf.hash,
    String(e.kdf.iterations),
    e.kdf.salt,
    e.cipher.name,
    e.cipher.iv,
  );

async function keys(passphrase: string, salt: Bytes, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    utf8(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const master = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    256,
  );
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, [
    'deriveKey',
    'deriveBits',
  ]);
  const params = (purpose: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(32),
    info: framed('weeknotes/backup', purpose),
  });
  const key = await crypto.subtle.deriveKey(
    params('key'),
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const check = new Uint8Array(await crypto.subtle.deriveBits(params('check'), hkdf, 128));
  return { key, check };
}

/** Seals a backup's JSON with a passphrase; returns the file's text (JSON). */
export async function sealBackup(plaintext: string, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = {
    format: SEALED_BACKUP_FORMAT,
    version: 1,
    kdf: {
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: PBKDF2_ITERATIONS,
      salt: toBase64Url(salt),
    },
    cipher: { name: 'AES-GCM', iv: toBase64Url(iv) },
  } as const;
  const { key, check } = await keys(passphrase, salt, PBKDF2_ITERATIONS);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: headerAad(header) },
    key,
    utf8(plaintext),
  );
  const envelope: Envelope = {
    ...header,
    check: toBase64Url(check),
    data: toBase64Url(new Uint8Array(data)),
  };
  return JSON.stringify(envelope, null, 1);
}

/**
 * The backup JSON inside a sealed backup (already parsed from the file), opened with the
 * passphrase. Throws a SealedBackupProblem: wrong passphrase, changed file, damaged, newer.
 */
export async function openBackup(file: unknown, passphrase: string): Promise<string> {
  const version = (file as { version?: unknown }).version;
  if (typeof version === 'number' && version > 1) throw new SealedBackupProblem('unknown-version');
  const parsed = envelopeSchema.safeParse(file);
  if (!parsed.success) throw new SealedBackupProblem('damaged');
  const envelope = parsed.data;
  const data = fromBase64Url(envelope.data);
  if (!data) throw new SealedBackupProblem('damaged');
  const { key, check } = await keys(
    passphrase,
    fromBase64Url(envelope.kdf.salt)!,
    envelope.kdf.iterations,
  );
  if (!sameBytes(check, fromBase64Url(envelope.check)!))
    throw new SealedBackupProblem('wrong-passphrase');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64Url(envelope.cipher.iv)!,
        additionalData: headerAad(envelope),
      },
      key,
      data,
    );
  } catch {
    throw new SealedBackupProblem('changed');
  }
  try {
    return fromUtf8(plain);
  } catch {
    throw new SealedBackupProblem('damaged');
  }
}
