import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { clearKeyring } from '../storage/keyring-store';
import { syncStore } from '../storage/sync-store';
import { httpKeysApi } from './keyring';
import { rotateDataKey } from './rotate';
import { z } from '../validation/zod';
import { requestJson } from './remote';
import { askPrf, evaluatePrf, takePrf, type PrfResult } from './prf';

const deviceIdOnly = z.object({ deviceId: z.string() });
const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;
const registrationOptions = z.object({
  challengeId: z.string(),
  options: z.custom<PublicKeyCredentialCreationOptionsJSON>(isObject),
});
const authenticationOptions = z.object({
  challengeId: z.string(),
  options: z.custom<PublicKeyCredentialRequestOptionsJSON>(isObject),
});
const signUpAnswer = z.object({ deviceId: z.string(), recoveryCodes: z.array(z.string()) });
const meAnswer = z.object({ userId: z.string(), deviceId: z.string(), deviceName: z.string() });
const linkCodeAnswer = z.object({ code: z.string(), expiresAt: z.string() });
const devicesAnswer = z.object({
  devices: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      current: z.boolean(),
    }),
  ),
});

/** Who this device is signed in as. */
export type Me = z.infer<typeof meAnswer>;
/** One of the account's devices. */
export type DeviceInfo = z.infer<typeof devicesAnswer>['devices'][number];

/** A name for this device that the writer will recognise in the device list. */
export function guessDeviceName(): string {
  const ua = navigator.userAgent;
  if (/iPhone/.test(ua)) return 'iPhone';
  if (/iPad/.test(ua)) return 'iPad';
  if (/Android/.test(ua)) return /Mobile/.test(ua) ? 'Android phone' : 'Android tablet';
  if (/Mac OS X/.test(ua)) return 'Mac';
  if (/Windows/.test(ua)) return 'Windows computer';
  if (/Linux/.test(ua)) return 'Linux computer';
  return 'This device';
}

const me = (): Promise<Me> => requestJson('/api/me', meAnswer);

/**
 * Creates an account with a passkey on this device; returns the recovery codes to show once and,
 * when the passkey has the PRF extension, its output (which unlocks the data key, ADR 0015).
 */
export async function signUp(
  deviceName: string,
): Promise<{ me: Me; recoveryCodes: string[]; prf: PrfResult | null }> {
  await clearKeyring();
  const { challengeId, options } = await requestJson(
    '/api/auth/register/options',
    registrationOptions,
    {
      method: 'POST',
      body: {},
    },
  );
  const response = await startRegistration({ optionsJSON: askPrf(options) });
  let prf = takePrf(response);
  const answer = await requestJson('/api/auth/register/verify', signUpAnswer, {
    method: 'POST',
    body: { challengeId, response, deviceName },
  });
  // Some authenticators give PRF results only when signing in: one more touch, checked here.
  // The account exists now, so a cancelled touch only leaves the passkey out (the recovery key
  // still unlocks), rather than failing a sign-up that has happened.
  if (!prf.result && prf.enabled) {
    prf = { ...prf, result: await evaluatePrf([response.id]).catch(() => null) };
  }
  return { me: await me(), recoveryCodes: answer.recoveryCodes, prf: prf.result };
}

/** Signs in with a passkey the writer already has; with PRF, its output unlocks the data key. */
export async function signIn(deviceName: string): Promise<{ me: Me; prf: PrfResult | null }> {
  await clearKeyring();
  const { challengeId, options } = await requestJson(
    '/api/auth/login/options',
    authenticationOptions,
    {
      method: 'POST',
      body: {},
    },
  );
  const response = await startAuthentication({ optionsJSON: askPrf(options) });
  const prf = takePrf(response);
  await requestJson('/api/auth/login/verify', deviceIdOnly, {
    method: 'POST',
    body: { challengeId, response, deviceName },
  });
  return { me: await me(), prf: prf.result };
}

/** Signs in with a code: a link code from a signed-in device, or a recovery code. */
export async function signInWithCode(
  kind: 'link' | 'recover',
  code: string,
  deviceName: string,
): Promise<Me> {
  await clearKeyring();
  await requestJson(`/api/auth/${kind}`, deviceIdOnly, {
    method: 'POST',
    body: { code, deviceName },
  });
  return me();
}

/** A one-time code another device can use to join this account. */
export function createLinkCode(): Promise<{ code: string; expiresAt: string }> {
  return requestJson('/api/auth/link-code', linkCodeAnswer, { method: 'POST', body: {} });
}

/** The account's devices. */
export async function listDevices(): Promise<DeviceInfo[]> {
  return (await requestJson('/api/devices', devicesAnswer)).devices;
}

/**
 * Signs a device out for good: its next request is refused. Then, if this device holds the
 * account's key, makes a new one that the revoked device never had and re-seals every record
 * with it (ADR 0015), so what is written from now on is closed to that device's copy of the key.
 */
export async function revokeDevice(id: string): Promise<void> {
  await revokeOnServer(id);
  if (await rotateDataKey(httpKeysApi, id)) await syncStore().startReseal(new Date().toISOString());
}

async function revokeOnServer(id: string): Promise<void> {
  await requestJson(
    `/api/devices/${encodeURIComponent(id)}/revoke`,
    z.object({ revoked: z.string() }),
    {
      method: 'POST',
      body: {},
    },
  );
}

/** Ends this device's session. */
export async function signOut(): Promise<void> {
  await requestJson('/api/auth/sign-out', z.object({ signedOut: z.boolean() }), {
    method: 'POST',
    body: {},
  });
}
