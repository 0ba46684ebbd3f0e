import type { Kysely } from 'kysely';
import type { PushSubscriptionJson } from '../../src/sync/push-protocol.js';
import { IDLE_EXPIRY_MS, type Caller } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { HttpError } from '../http.js';
import type { StoredSubscription } from './send.js';

/**
 * Whether the server may send pushes to an endpoint: https only, as every browser's push service
 * is, or an origin named in `insecureOrigins` (such as `http://127.0.0.1:*` for a test's local
 * push service). A port of `*` matches any port.
 */
export function endpointAllowed(endpoint: string, insecureOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return insecureOrigins.some((pattern) => {
    const m = /^(https?:)\/\/([^/:]+)(?::(\d+|\*))?$/.exec(pattern);
    if (!m) return false;
    const [, protocol, host, port] = m;
    return (
      url.protocol === protocol &&
      url.hostname === host &&
      (port === '*' || url.port === (port ?? ''))
    );
  });
}

const bytes = (base64url: string) => Buffer.from(base64url, 'base64url');

/** Checks a browser's subscription before it is kept; a 400 names what is wrong. */
function checkSubscription(sub: PushSubscriptionJson, insecureOrigins: readonly string[]): void {
  if (!endpointAllowed(sub.endpoint, insecureOrigins)) {
    throw new HttpError(400, 'endpoint: must be an https address of a push service', {
      path: 'endpoint',
    });
  }
  const key = bytes(sub.keys.p256dh);
  if (key.length !== 65 || key[0] !== 0x04) {
    throw new HttpError(400, 'keys.p256dh: must be an uncompressed P-256 public key (65 bytes)', {
      path: 'keys.p256dh',
    });
  }
  if (bytes(sub.keys.auth).length !== 16) {
    throw new HttpError(400, 'keys.auth: must be a 16-byte auth secret', { path: 'keys.auth' });
  }
}

/**
 * Keeps a device's push subscription. An endpoint belongs to one browser, so if it was saved
 * before (by this device, or by an account that was signed in on that browser before), it now
 * belongs to the caller, with the keys just given.
 */
export async function saveSubscription(
  db: Kysely<Database>,
  caller: Caller,
  sub: PushSubscriptionJson,
  insecureOrigins: readonly string[],
  now: Date,
): Promise<void> {
  checkSubscription(sub, insecureOrigins);
  const owner = {
    user_id: caller.userId,
    device_id: caller.deviceId,
    p256dh: sub.keys.p256dh,
    auth: sub.keys.auth,
  };
  await db
    .insertInto('push_subscriptions')
    .values({ endpoint: sub.endpoint, ...owner, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('endpoint').doUpdateSet(owner))
    .execute();
}

/** Forgets one of the caller's subscriptions; another account's is left alone. */
export async function deleteSubscription(
  db: Kysely<Database>,
  userId: string,
  endpoint: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('push_subscriptions')
    .where('endpoint', '=', endpoint)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Forgets a subscription its push service says is gone (404 or 410). */
export async function forgetEndpoint(db: Kysely<Database>, endpoint: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).execute();
}

/**
 * Where to send a writer's reminders: the subscriptions of their devices that are still signed
 * in (not revoked, with a session that has not lapsed). A signed-out device gets none.
 */
export async function subscriptionsOf(
  db: Kysely<Database>,
  userIds: readonly string[],
  now: Date,
): Promise<(StoredSubscription & { userId: string })[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('push_subscriptions as p')
    .innerJoin('devices as d', 'd.id', 'p.device_id')
    .select(['p.user_id', 'p.endpoint', 'p.p256dh', 'p.auth'])
    .where('p.user_id', 'in', userIds)
    .where('d.revoked_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sessions as s')
          .select('s.id_hash')
          .whereRef('s.device_id', '=', 'p.device_id')
          .where('s.expires_at', '>', now.toISOString())
          .where('s.last_seen_at', '>', new Date(now.getTime() - IDLE_EXPIRY_MS).toISOString()),
      ),
    )
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    endpoint: r.endpoint,
    p256dh: r.p256dh,
    auth: r.auth,
  }));
}
