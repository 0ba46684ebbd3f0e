import { PRF_INPUT } from '../crypto/keks';
import { toBase64Url } from '../crypto/bytes';

/**
 * The WebAuthn PRF extension (ADR 0015): a passkey that has it answers 32 secret bytes for our
 * fixed input, the same every time for that passkey, which unlock the account's data key. The
 * output never leaves the device: it is taken out of the response before the response is sent.
 */

/** A passkey's PRF output and the passkey it came from. */
export interface PrfResult {
  output: ArrayBuffer;
  /** The credential id, base64url. */
  credentialId: string;
}

interface PrfOutputs {
  enabled?: boolean;
  results?: { first?: ArrayBuffer | ArrayBufferView };
}

/** Options for creating or using a passkey, asking it to evaluate our PRF input as well. */
export function askPrf<T extends { extensions?: object }>(options: T): T {
  const prf = { eval: { first: PRF_INPUT } };
  return { ...options, extensions: { ...(options.extensions ?? {}), prf } };
}

const buffer = (b: ArrayBuffer | ArrayBufferView): ArrayBuffer =>
  b instanceof ArrayBuffer
    ? b
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength).slice().buffer;

/**
 * Takes the PRF output out of a WebAuthn response (it must not reach the server) and says
 * whether the passkey has PRF at all.
 */
export function takePrf(response: { id: string; clientExtensionResults: object }): {
  enabled: boolean;
  result: PrfResult | null;
} {
  const results = response.clientExtensionResults as { prf?: PrfOutputs };
  const outputs = results.prf;
  delete results.prf;
  const first = outputs?.results?.first;
  return {
    enabled: outputs?.enabled === true || first !== undefined,
    result: first ? { output: buffer(first), credentialId: response.id } : null,
  };
}

/**
 * Asks one of these passkeys for its PRF output, on this device only: nothing is sent to the
 * server, so the challenge is random and unchecked (the output proves itself by unlocking).
 * Null when the passkey used has no PRF.
 */
export async function evaluatePrf(credentialIds: string[]): Promise<PrfResult | null> {
  const fromBase64Url = (id: string) =>
    Uint8Array.from(atob(id.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const credential = (await navigator.credentials.get({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      allowCredentials: credentialIds.map((id) => ({ type: 'public-key', id: fromBase64Url(id) })),
      userVerification: 'preferred',
      extensions: { prf: { eval: { first: PRF_INPUT } } },
    },
  })) as PublicKeyCredential | null;
  if (!credential) return null;
  const first = (credential.getClientExtensionResults() as { prf?: PrfOutputs }).prf?.results
    ?.first;
  return first
    ? { output: buffer(first), credentialId: toBase64Url(new Uint8Array(credential.rawId)) }
    : null;
}
