/**
 * A software passkey authenticator (ES256, "none" attestation) that makes real WebAuthn responses
 * in Node, so the server's passkey checks can be tested without a browser, and attacked.
 */
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();
const b64 = (data: Uint8Array): string => isoBase64URL.fromBuffer(new Uint8Array(data));

/** Flags in authenticator data: user present, user verified, attested credential data. */
export const FLAG_UP = 0x01;
export const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface Ceremony {
  challenge: string;
  origin: string;
  rpId: string;
  /** Flags to claim; user present and verified unless a test says otherwise. */
  flags?: number;
  /** Sign with this key instead of the credential's own (a forgery). */
  signWith?: KeyObject;
}

function counterBytes(counter: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(counter);
  return b;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private counter = 0;
  userHandle: Uint8Array | null = null;

  private coseKey(): Uint8Array {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    const coordinate = (v: string | undefined) => new Uint8Array(Buffer.from(v ?? '', 'base64url'));
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, coordinate(jwk.x)],
        [-3, coordinate(jwk.y)],
      ]),
    );
  }

  private clientData(type: string, c: Ceremony): Buffer {
    return Buffer.from(
      JSON.stringify({ type, challenge: c.challenge, origin: c.origin, crossOrigin: false }),
    );
  }

  /** A registration response (navigator.credentials.create) for the given options. */
  register(c: Ceremony & { userId: string }) {
    this.userHandle = isoBase64URL.toBuffer(c.userId);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha256(Buffer.from(c.rpId)),
      Buffer.from([(c.flags ?? FLAG_UP | FLAG_UV) | FLAG_AT]),
      counterBytes(this.counter),
      Buffer.alloc(16), // AAGUID
      idLength,
      this.credentialId,
      this.coseKey(),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    return {
      id: b64(this.credentialId),
      rawId: b64(this.credentialId),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64(this.clientData('webauthn.create', c)),
        attestationObject: b64(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    };
  }

  /** An authentication response (navigator.credentials.get) for the given options. */
  authenticate(c: Ceremony) {
    this.counter += 1;
    const authData = Buffer.concat([
      sha256(Buffer.from(c.rpId)),
      Buffer.from([c.flags ?? FLAG_UP | FLAG_UV]),
      counterBytes(this.counter),
    ]);
    const clientDataJSON = this.clientData('webauthn.get', c);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      c.signWith ?? this.keys.privateKey,
    );
    return {
      id: b64(this.credentialId),
      rawId: b64(this.credentialId),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64(clientDataJSON),
        authenticatorData: b64(authData),
        signature: b64(signature),
        ...(this.userHandle ? { userHandle: b64(this.userHandle) } : {}),
      },
      clientExtensionResults: {},
    };
  }
}
