import type { PushSubscriptionJson } from '../sync/push-protocol';

/** Why this device cannot get reminders, in words for the writer. */
export class PushProblem extends Error {
  constructor(
    readonly kind: 'unsupported' | 'denied' | 'dismissed' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'PushProblem';
  }
}

/** Whether this browser can receive Web Push at all (iOS only once the app is installed). */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** Whether the writer has blocked Weeknotes' notifications (asking again would do nothing). */
export function notificationsBlocked(): boolean {
  return 'Notification' in window && Notification.permission === 'denied';
}

const READY_WAIT_MS = 10_000;

/** The service worker's registration, once it is active (or a PushProblem if it never is). */
async function registration(): Promise<ServiceWorkerRegistration> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () =>
        fail(
          new PushProblem(
            'failed',
            'Weeknotes’ service worker is not running, so reminders cannot reach this device. Reload and try again.',
          ),
        ),
      READY_WAIT_MS,
    );
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks for notification permission (only ever when the writer turns reminders on: Firefox allows
 * the question only straight after a click, so it comes first), then subscribes this device to
 * push with the server's key.
 */
export async function subscribeThisDevice(
  serverKey: () => Promise<string>,
): Promise<PushSubscriptionJson> {
  if (!pushSupported())
    throw new PushProblem(
      'unsupported',
      'This browser cannot receive reminders. On an iPhone or iPad, add Weeknotes to your Home Screen first.',
    );
  const permission = await Notification.requestPermission();
  if (permission === 'denied')
    throw new PushProblem(
      'denied',
      'Notifications are blocked for Weeknotes. Allow them in your browser’s site settings, then turn reminders on again.',
    );
  if (permission !== 'granted')
    throw new PushProblem(
      'dismissed',
      'Reminders stay off: Weeknotes needs your permission to show notifications.',
    );
  const publicKey = await serverKey();
  const reg = await registration();
  let subscription: PushSubscription;
  try {
    subscription =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey }));
  } catch (err) {
    throw new PushProblem(
      'failed',
      `This browser could not set up reminders (${(err as Error).message || 'no reason given'}).`,
    );
  }
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth)
    throw new PushProblem('failed', 'This browser gave an incomplete push subscription.');
  return {
    endpoint: json.endpoint,
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh: json.keys.p256dh, auth: json.keys.auth },
  };
}

/** This device's push endpoint, if it has one. */
export async function currentEndpoint(): Promise<string | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration();
  const subscription = await reg?.pushManager.getSubscription();
  return subscription?.endpoint ?? null;
}

/** Ends this device's push subscription; resolves to its endpoint, for the server to forget. */
export async function unsubscribeThisDevice(): Promise<string | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration();
  const subscription = await reg?.pushManager.getSubscription();
  if (!subscription) return null;
  await subscription.unsubscribe();
  return subscription.endpoint;
}
