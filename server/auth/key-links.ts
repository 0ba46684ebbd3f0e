import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  joinLinkSchema,
  linkKeySchema,
  linkWrappedSchema,
  openLinkSchema,
  type LinkState,
} from '../../src/crypto/key-store-protocol.js';
import type { Database, KeyLinksTable } from '../db/schema.js';
import { emptyBody, HttpError, parse } from '../http.js';
import { requireCaller } from './guard.js';
import type { Caller } from './sessions.js';
import { hashSecret, normaliseCode } from './tokens.js';

const linkParams = z.strictObject({ id: z.uuid() });
const NOT_FOUND = 'No such link on this account, or it has expired.';

/**
 * Each step of a link's relay (ADR 0015, src/crypto/link.ts): which device writes it, the column,
 * and the step that must come before. The new device's commitment is written when it joins.
 */
const STEPS = {
  'old-key': { by: 'old', column: 'old_public_key', after: 'commitment' },
  'new-key': { by: 'new', column: 'new_public_key', after: 'old_public_key' },
  wrapped: { by: 'old', column: 'wrapped', after: 'new_public_key' },
} as const;
const stepParams = z.strictObject({
  id: z.uuid(),
  step: z.enum(['old-key', 'new-key', 'wrapped']),
});

function roleOf(row: KeyLinksTable, caller: Caller): 'old' | 'new' | null {
  if (row.old_device_id === caller.deviceId) return 'old';
  if (row.new_device_id === caller.deviceId) return 'new';
  return null;
}

/**
 * The relay between a signed-in device and the one it links, for handing over the data key: it
 * carries a commitment, two public keys and a wrapped key, each written once by the device whose
 * step it is, in order, and seen only by those two devices. It lives as long as the link code.
 */
export function registerKeyLinkRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  /** The link, if it is the caller's, one of its two devices, and not expired. */
  async function linkFor(id: string, caller: Caller, now: Date) {
    const row = await db
      .selectFrom('key_links')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', caller.userId)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    const role = row ? roleOf(row, caller) : null;
    if (!row || !role) throw new HttpError(404, NOT_FOUND);
    return { row, role };
  }

  const state = (row: KeyLinksTable, role: 'old' | 'new'): LinkState => ({
    id: row.id,
    role,
    commitment: row.commitment,
    oldPublicKey: row.old_public_key,
    newPublicKey: row.new_public_key,
    wrapped: row.wrapped,
    expiresAt: row.expires_at,
  });

  app.post('/api/keys/links', async (request, reply) => {
    const caller = requireCaller(request);
    const { code } = parse(openLinkSchema, request.body);
    const now = new Date().toISOString();
    const codeHash = hashSecret(normaliseCode(code));
    await db.deleteFrom('key_links').where('expires_at', '<=', now).execute();
    const linkCode = await db
      .selectFrom('link_codes')
      .select('expires_at')
      .where('code_hash', '=', codeHash)
      .where('user_id', '=', caller.userId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!linkCode)
      throw new HttpError(404, 'No such link code on this account, or it has expired.');
    const id = randomUUID();
    const opened = await db
      .insertInto('key_links')
      .values({
        id,
        user_id: caller.userId,
        code_hash: codeHash,
        old_device_id: caller.deviceId,
        new_device_id: null,
        commitment: null,
        old_public_key: null,
        new_public_key: null,
        wrapped: null,
        expires_at: linkCode.expires_at,
      })
      .onConflict((oc) => oc.column('code_hash').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!opened) throw new HttpError(409, 'This link code already has a link open.');
    return reply.code(201).send({ id, expiresAt: linkCode.expires_at });
  });

  app.post('/api/keys/links/join', async (request) => {
    const caller = requireCaller(request);
    const { code, commitment } = parse(joinLinkSchema, request.body);
    const joined = await db
      .updateTable('key_links')
      .set({ new_device_id: caller.deviceId, commitment })
      .where('code_hash', '=', hashSecret(normaliseCode(code)))
      .where('user_id', '=', caller.userId)
      .where('old_device_id', '!=', caller.deviceId)
      .where('new_device_id', 'is', null)
      .where('expires_at', '>', new Date().toISOString())
      .returning(['id', 'expires_at'])
      .executeTakeFirst();
    if (!joined) throw new HttpError(404, 'No open link for this code on this account.');
    return { id: joined.id, expiresAt: joined.expires_at };
  });

  app.get('/api/keys/links/:id', async (request) => {
    const caller = requireCaller(request);
    const { id } = parse(linkParams, request.params);
    const { row, role } = await linkFor(id, caller, new Date());
    return state(row, role);
  });

  app.put('/api/keys/links/:id/:step', async (request) => {
    const caller = requireCaller(request);
    const { id, step } = parse(stepParams, request.params);
    const value =
      step === 'wrapped'
        ? parse(linkWrappedSchema, request.body).wrapped
        : parse(linkKeySchema, request.body).publicKey;
    const { by, column, after } = STEPS[step];
    const { role } = await linkFor(id, caller, new Date());
    if (role !== by) throw new HttpError(403, `Only the ${by} device writes this step.`);
    const written = await db
      .updateTable('key_links')
      .set({ [column]: value })
      .where('id', '=', id)
      .where(column, 'is', null)
      .where(after, 'is not', null)
      .returningAll()
      .executeTakeFirst();
    if (!written) throw new HttpError(409, 'This step was written already, or comes later.');
    return state(written, role);
  });

  app.delete('/api/keys/links/:id', async (request) => {
    const caller = requireCaller(request);
    const { id } = parse(linkParams, request.params);
    parse(emptyBody, request.body);
    await linkFor(id, caller, new Date());
    await db.deleteFrom('key_links').where('id', '=', id).execute();
    return { removed: id };
  });
}
