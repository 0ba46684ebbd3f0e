import { z } from '../validation/zod.js';

/**
 * The server's key store (ADR 0015): what the /api/keys routes take and give, shared by the
 * server and the app. Everything in it is opaque to the server: public keys, copies of the data
 * key wrapped for a box (`wnk.…`, data-key.ts), box private keys sealed with a passkey's PRF or
 * the recovery key (`wnb.…`, box.ts), and a link's commitment. Sizes are those the crypto
 * module makes, with room to spare.
 */

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

/** An uncompressed P-256 public key (65 bytes), base64url. */
export const publicKeyField = base64url(87, 87);
/** A data key's id: 16 hex digits. */
export const keyIdField = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits');
/** A copy of a data key, wrapped (data-key.ts). */
export const wrappedKeyField = z
  .string()
  .max(200)
  .regex(/^wnk\.[A-Za-z0-9_-]+$/, 'must be a wrapped key (wnk.…)');
/** A box's private key, sealed (box.ts). */
const sealedBoxField = z
  .string()
  .max(1000)
  .regex(/^wnb\.[A-Za-z0-9_-]+$/, 'must be a sealed box (wnb.…)');

/** POST /api/keys/boxes: a device's own box, or a passkey's or the recovery key's, sealed. */
export const newBoxSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('device'), publicKey: publicKeyField }),
  z.strictObject({
    kind: z.literal('prf'),
    publicKey: publicKeyField,
    sealed: sealedBoxField,
    /** The passkey whose PRF output opens it (its credential id, base64url). */
    credentialId: base64url(1, 1024),
  }),
  z.strictObject({
    kind: z.literal('recovery'),
    publicKey: publicKeyField,
    sealed: sealedBoxField,
  }),
]);
export type NewBox = z.infer<typeof newBoxSchema>;

/** One copy of a data key, wrapped for a box with a KEK from ECDH with `sender`. */
export const copySchema = z.strictObject({
  boxId: z.uuid(),
  sender: publicKeyField,
  wrapped: wrappedKeyField,
});

/**
 * POST /api/keys/data-keys: a new data key (the first, or a rotation), with its copies. Refused
 * with 409 unless `replaces` is the account's current key (null for the first), so two devices
 * making one at once cannot both win.
 */
export const newDataKeySchema = z.strictObject({
  keyId: keyIdField,
  replaces: keyIdField.nullable(),
  copies: z.array(copySchema).min(1).max(100),
});

/** POST /api/keys/copies: more copies of an existing data key (a new device, a new passkey). */
export const addCopiesSchema = z.strictObject({
  keyId: keyIdField,
  copies: z.array(copySchema).min(1).max(100),
});

/** GET /api/keys: the account's data keys (newest last), boxes and copies. */
export const keyStoreSchema = z.strictObject({
  currentKeyId: keyIdField.nullable(),
  keys: z.array(z.strictObject({ keyId: keyIdField, createdAt: z.string() })),
  boxes: z.array(
    z.strictObject({
      id: z.uuid(),
      kind: z.enum(['device', 'prf', 'recovery']),
      publicKey: publicKeyField,
      sealed: sealedBoxField.nullable(),
      deviceId: z.uuid().nullable(),
      credentialId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  copies: z.array(copySchema.extend({ keyId: keyIdField })),
});
export type KeyStore = z.infer<typeof keyStoreSchema>;

/** A link code as the writer typed it (normalised by the server). */
const linkCode = z.string().min(1).max(64);

/** POST /api/keys/links: the old device opens the relay for the link code it just made. */
export const openLinkSchema = z.strictObject({ code: linkCode });
/** POST /api/keys/links/join: the new device, signed in with that code, commits to its key. */
export const joinLinkSchema = z.strictObject({ code: linkCode, commitment: base64url(43, 43) });
/** PUT /api/keys/links/:id/old-key and /new-key. */
export const linkKeySchema = z.strictObject({ publicKey: publicKeyField });
/** PUT /api/keys/links/:id/wrapped: the data key wrapped for the new device. */
export const linkWrappedSchema = z.strictObject({ wrapped: wrappedKeyField });

/** GET /api/keys/links/:id: the relay's state, each step null until written. */
export const linkStateSchema = z.strictObject({
  id: z.uuid(),
  role: z.enum(['old', 'new']),
  commitment: z.string().nullable(),
  oldPublicKey: publicKeyField.nullable(),
  newPublicKey: publicKeyField.nullable(),
  wrapped: wrappedKeyField.nullable(),
  expiresAt: z.string(),
});
export type LinkState = z.infer<typeof linkStateSchema>;
