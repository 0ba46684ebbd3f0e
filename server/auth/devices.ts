import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { emptyBody, HttpError, parse } from '../http.js';
import { deviceName } from './accounts.js';
import { requireCaller } from './guard.js';
import { dropDeviceBox } from './key-store-db.js';

const deviceParams = z.strictObject({ id: z.uuid() });

/** Who am I, the account's devices, and revoking one. */
export function registerDeviceRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/api/me', async (request) => {
    const caller = requireCaller(request);
    const device = await db
      .selectFrom('devices')
      .select('name')
      .where('id', '=', caller.deviceId)
      .executeTakeFirst();
    return {
      userId: caller.userId,
      deviceId: caller.deviceId,
      // Names stored before unsafe characters were refused are shown without them.
      deviceName: device ? deviceName(device.name) : '',
    };
  });

  app.get('/api/devices', async (request) => {
    const caller = requireCaller(request);
    const rows = await db
      .selectFrom('devices')
      .select(['id', 'name', 'created_at', 'last_seen_at'])
      .where('user_id', '=', caller.userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at')
      .execute();
    return {
      devices: rows.map((d) => ({
        id: d.id,
        name: deviceName(d.name),
        createdAt: d.created_at,
        lastSeenAt: d.last_seen_at,
        current: d.id === caller.deviceId,
      })),
    };
  });

  app.post('/api/devices/:id/revoke', async (request) => {
    const caller = requireCaller(request);
    const { id } = parse(deviceParams, request.params);
    parse(emptyBody, request.body);
    const revoked = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('devices')
        .set({ revoked_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('user_id', '=', caller.userId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (row) {
        await trx.deleteFrom('sessions').where('device_id', '=', id).execute();
        // Its box and the copies of the data key wrapped for it go too (ADR 0015).
        await dropDeviceBox(trx, id);
      }
      return row !== undefined;
    });
    // Another account's device and an unknown one look the same: nothing to enumerate.
    if (!revoked) throw new HttpError(404, 'No such device on this account.');
    // Its live streams close, in whichever process holds them.
    app.syncSignals.publish({ kind: 'access', userId: caller.userId });
    return { revoked: id };
  });
}
