/** How the service worker reaches the server's subscription route (with the session cookie). */
export type SendSubscription = (method: 'PUT' | 'DELETE', body: unknown) => Promise<Response>;

/** The part of a push subscription this needs. */
interface Subscription {
  endpoint: string;
  options: PushSubscriptionOptions;
  toJSON(): unknown;
}

/**
 * The browser replaced this device's push subscription (Firefox does when a push service
 * rotates it; Chromium never fires the event): the new one goes to the server, so reminders keep
 * arriving, and the old one is forgotten there. With no new one given, it subscribes again with
 * the old one's options (the same server key).
 */
export async function keepSubscription(
  pushManager: { subscribe(options: PushSubscriptionOptionsInit): Promise<Subscription> },
  old: Subscription | null,
  replacement: Subscription | null,
  send: SendSubscription,
): Promise<void> {
  const next = replacement ?? (old ? await pushManager.subscribe(old.options) : null);
  if (!next) return;
  const saved = await send('PUT', next.toJSON());
  if (!saved.ok) throw new Error(`The server did not keep the new subscription (${saved.status})`);
  if (old && old.endpoint !== next.endpoint) {
    // Best effort: an endpoint the push service dropped is also removed on its first 404/410.
    await send('DELETE', { endpoint: old.endpoint }).catch(() => undefined);
  }
}
