import webpush from 'web-push';
import type { VapidKeys } from './vapid.js';

/** A subscription as stored: where to send, and the browser's keys. */
export interface StoredSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** How long a push service keeps a reminder for a device that is offline: four hours. */
export const PUSH_TTL_SECONDS = 4 * 60 * 60;
/** How long to wait for a push service to answer. */
const SEND_TIMEOUT_MS = 10_000;

/** What to send: the payload (JSON), and a topic so a newer push replaces an undelivered one. */
export interface PushMessage {
  payload: string;
  topic: string;
}

/** Sends one push; resolves with the push service's status, rejects if it cannot be reached. */
export type PushSender = (to: StoredSubscription, message: PushMessage) => Promise<number>;

/**
 * Sends pushes with VAPID and RFC 8291 (aes128gcm) encryption. web-push builds the request
 * (its headers, the JWT and the encrypted body) and fetch sends it, with a timeout and without
 * following redirects. web-push's own sender only speaks https, while fetch also reaches the
 * http push service a test runs on 127.0.0.1; which endpoints are allowed at all is decided
 * when a subscription is saved (subscriptions.ts).
 */
export function webPushSender(keys: VapidKeys, subject: string): PushSender {
  return async (to, message) => {
    const request = webpush.generateRequestDetails(
      { endpoint: to.endpoint, keys: { p256dh: to.p256dh, auth: to.auth } },
      message.payload,
      {
        vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        contentEncoding: 'aes128gcm',
        TTL: PUSH_TTL_SECONDS,
        urgency: 'normal',
        topic: message.topic,
      },
    );
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      // fetch works out the length itself.
      if (name.toLowerCase() !== 'content-length') headers.set(name, String(value));
    }
    const response = await fetch(request.endpoint, {
      method: 'POST',
      headers,
      body: request.body && new Uint8Array(request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status;
  };
}
