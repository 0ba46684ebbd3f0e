import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  addCopiesSchema,
  keyIdField,
  newBoxSchema,
  newDataKeySchema,
  type KeyStore,
} from '../../src/crypto/key-store-protocol.js';
import type { Database } from '../db/schema.js';
import { emptyBody, HttpError, parse } from '../http.js';
import { requireCaller } from './guard.js';
import { checkBoxes, insertCopies, readKeyStore } from './key-store-db.js';

/** More than any writer needs (devices, passkeys and a recovery key), fewer than abuse wants. */
const MAX_BOXES = 50;

const boxParams = z.strictObject({ id: z.uuid() });
const keyParams = z.strictObject({ keyId: keyIdField });

const conflict = (message: string, currentKeyId: string | null) =>
  new HttpError(409, message, currentKeyId ? { currentKeyId } : {});

/**
 * The account's end-to-end encryption keys (ADR 0015): data keys by id, the boxes they are
 * wrapped for, and the wrapped copies. All of it is opaque here; the server checks shapes and
 * ownership only. Which boxes to trust is decided on the devices, from a sealed list.
 */
export function registerKeyStoreRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/api/keys', (request): Promise<KeyStore> =>
    readKeyStore(db, requireCaller(request).userId),
  );

  app.post('/api/keys/boxes', async (request, reply) => {
    const caller = requireCaller(request);
    const box = parse(newBoxSchema, request.body);
    const id = randomUUID();
    const inserted = await db.transaction().execute(async (trx) => {
      const { count } = await trx
        .selectFrom('key_boxes')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('user_id', '=', caller.userId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= MAX_BOXES) {
        throw new HttpError(409, `An account may have at most ${MAX_BOXES} boxes.`);
      }
      const taken = await trx
        .selectFrom('key_boxes')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('user_id', '=', caller.userId), eb('public_key', '=', box.publicKey)]),
            ...(box.kind === 'device' ? [eb('device_id', '=', caller.deviceId)] : []),
          ]),
        )
        .executeTakeFirst();
      if (taken) return false;
      await trx
        .insertInto('key_boxes')
        .values({
          id,
          user_id: caller.userId,
          kind: box.kind,
          public_key: box.publicKey,
          sealed: box.kind === 'device' ? null : box.sealed,
          // A device registers its own box only: a box for another device arrives with it.
          device_id: box.kind === 'device' ? caller.deviceId : null,
          credential_id: box.kind === 'prf' ? box.credentialId : null,
          created_at: new Date().toISOString(),
        })
        .execute();
      return true;
    });
    if (!inserted) {
      throw new HttpError(409, 'This device already has a box, or that public key is taken.');
    }
    return reply.code(201).send({ id });
  });

  app.delete('/api/keys/boxes/:id', async (request) => {
    const { userId } = requireCaller(request);
    const { id } = parse(boxParams, request.params);
    parse(emptyBody, request.body);
    const removed = await db.transaction().execute(async (trx) => {
      const box = await trx
        .selectFrom('key_boxes')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!box) return false;
      await trx.deleteFrom('wrapped_keys').where('box_id', '=', id).execute();
      await trx.deleteFrom('key_boxes').where('id', '=', id).execute();
      return true;
    });
    if (!removed) throw new HttpError(404, 'No such box on this account.');
    return { removed: id };
  });

  app.post('/api/keys/data-keys', async (request, reply) => {
    const { userId } = requireCaller(request);
    const body = parse(newDataKeySchema, request.body);
    const at = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const current = async () =>
        (
          await trx
            .selectFrom('data_keys')
            .select('key_id')
            .where('user_id', '=', userId)
            .where('replaced_at', 'is', null)
            .executeTakeFirst()
        )?.key_id ?? null;
      const known = await trx
        .selectFrom('data_keys')
        .select('key_id')
        .where('user_id', '=', userId)
        .where('key_id', '=', body.keyId)
        .executeTakeFirst();
      if (known) throw conflict('This data key is already stored.', await current());
      await checkBoxes(trx, userId, body.copies);
      if (body.replaces !== null) {
        // Compare and set: only the device that saw the current key may replace it.
        const replaced = await trx
          .updateTable('data_keys')
          .set({ replaced_at: at })
          .where('user_id', '=', userId)
          .where('key_id', '=', body.replaces)
          .where('replaced_at', 'is', null)
          .executeTakeFirst();
        if (Number(replaced.numUpdatedRows) !== 1) {
          throw conflict(
            'The account’s data key has changed: fetch the keys again.',
            await current(),
          );
        }
      }
      // The unique index on the current key turns a second first key into nothing inserted.
      const inserted = await trx
        .insertInto('data_keys')
        .values({ user_id: userId, key_id: body.keyId, created_at: at, replaced_at: null })
        .onConflict((oc) => oc.column('user_id').where('replaced_at', 'is', null).doNothing())
        .returning('key_id')
        .executeTakeFirst();
      if (!inserted) {
        throw conflict(
          'This account already has a data key: fetch the keys again.',
          await current(),
        );
      }
      await insertCopies(trx, userId, body.keyId, body.copies, at);
      // The first key: stored push answers hold plaintext records, and a plaintext push is
      // refused from now on, so none will be replayed. The records are re-sealed by the device.
      if (body.replaces === null) {
        await trx.deleteFrom('mutations').where('user_id', '=', userId).execute();
      }
    });
    return reply.code(201).send({ keyId: body.keyId });
  });

  app.post('/api/keys/copies', async (request) => {
    const { userId } = requireCaller(request);
    const body = parse(addCopiesSchema, request.body);
    const added = await db.transaction().execute(async (trx) => {
      const key = await trx
        .selectFrom('data_keys')
        .select('key_id')
        .where('user_id', '=', userId)
        .where('key_id', '=', body.keyId)
        .executeTakeFirst();
      if (!key) throw new HttpError(404, 'No such data key on this account.');
      await checkBoxes(trx, userId, body.copies);
      return insertCopies(trx, userId, body.keyId, body.copies, new Date().toISOString());
    });
    return { added };
  });

  app.delete('/api/keys/data-keys/:keyId', async (request) => {
    const { userId } = requireCaller(request);
    const { keyId } = parse(keyParams, request.params);
    parse(emptyBody, request.body);
    await db.transaction().execute(async (trx) => {
      const key = await trx
        .selectFrom('data_keys')
        .select(['key_id', 'replaced_at'])
        .where('user_id', '=', userId)
        .where('key_id', '=', keyId)
        .executeTakeFirst();
      if (!key) throw new HttpError(404, 'No such data key on this account.');
      if (key.replaced_at === null)
        throw conflict('The current data key cannot be deleted.', keyId);
      await trx
        .deleteFrom('wrapped_keys')
        .where('user_id', '=', userId)
        .where('key_id', '=', keyId)
        .execute();
      await trx
        .deleteFrom('data_keys')
        .where('user_id', '=', userId)
        .where('key_id', '=', keyId)
        .execute();
    });
    return { removed: keyId };
  });
}
