import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { emptyBody, HttpError, parse, requestOrigin } from '../http.js';
import { addDevice, createUser, deviceName, redeemCode, UNSAFE_IN_NAMES } from './accounts.js';
import { saveChallenge, takeChallenge } from './challenges.js';
import { clearSessionCookie, requireCaller, sessionToken, setSessionCookie } from './guard.js';
import { createSession, endSession, type Caller } from './sessions.js';
import { hashSecret, newCode, normaliseCode } from './tokens.js';

const LINK_CODE_TTL_MS = 10 * 60 * 1000;

const credentialResponse = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().max(8192) }),
});
/** A device's name as the writer typed it: refused if it holds controls or direction marks. */
const deviceNameField = z
  .string()
  .max(200)
  .refine((s) => !UNSAFE_IN_NAMES.test(s), 'must not contain control or text-direction characters')
  .optional();
const verifyBody = z.strictObject({
  challengeId: z.uuid(),
  response: credentialResponse,
  deviceName: deviceNameField,
});
const codeBody = z.strictObject({
  code: z.string().min(1).max(64),
  deviceName: deviceNameField,
});

/** Where WebAuthn must have happened: PUBLIC_ORIGIN if set, else the origin the request came to. */
function relyingParty(request: FastifyRequest, publicOrigin: string | undefined) {
  const origin = publicOrigin ?? requestOrigin(request);
  return { origin, rpID: new URL(origin).hostname };
}

async function verifyOrRefuse<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new HttpError(400, `The passkey could not be checked: ${(err as Error).message}`);
  }
}

/** Passkey sign-up and sign-in, recovery codes, linking a device with a code, and sign-out. */
export function registerAuthRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  options: { publicOrigin?: string; rateLimit: { max: number; timeWindow: string } },
): void {
  const limited = { config: { rateLimit: options.rateLimit } };

  async function startSession(
    request: FastifyRequest,
    reply: Parameters<typeof setSessionCookie>[1],
    caller: Caller,
  ) {
    setSessionCookie(request, reply, await createSession(db, caller, new Date()));
  }

  app.post('/api/auth/register/options', limited, async (request) => {
    parse(emptyBody, request.body);
    const { rpID } = relyingParty(request, options.publicOrigin);
    const userId = randomUUID();
    const opts = await generateRegistrationOptions({
      rpName: 'Weeknotes',
      rpID,
      userName: 'Weeknotes',
      userDisplayName: 'Weeknotes writer',
      userID: new TextEncoder().encode(userId),
      attestationType: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    const challengeId = await saveChallenge(db, 'register', opts.challenge, userId, new Date());
    return { challengeId, options: opts };
  });

  app.post('/api/auth/register/verify', limited, async (request, reply) => {
    const body = parse(verifyBody, request.body);
    const now = new Date();
    const { challenge, userId } = await takeChallenge(db, body.challengeId, 'register', now);
    const rp = relyingParty(request, options.publicOrigin);
    const result = await verifyOrRefuse(() =>
      verifyRegistrationResponse({
        response: body.response as unknown as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: true,
      }),
    );
    if (!result.verified || !userId) throw new HttpError(400, 'The passkey was not accepted.');
    const { credential } = result.registrationInfo;
    const { caller, codes } = await db.transaction().execute(async (trx) => {
      const codes = await createUser(trx, userId, now);
      await trx
        .insertInto('credentials')
        .values({
          id: credential.id,
          user_id: userId,
          public_key: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports: JSON.stringify(credential.transports ?? []),
          created_at: now.toISOString(),
          last_used_at: null,
        })
        .execute();
      return { caller: await addDevice(trx, userId, deviceName(body.deviceName), now), codes };
    });
    await startSession(request, reply, caller);
    return { deviceId: caller.deviceId, recoveryCodes: codes };
  });

  app.post('/api/auth/login/options', limited, async (request) => {
    parse(emptyBody, request.body);
    const { rpID } = relyingParty(request, options.publicOrigin);
    const opts = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
    const challengeId = await saveChallenge(db, 'login', opts.challenge, null, new Date());
    return { challengeId, options: opts };
  });

  app.post('/api/auth/login/verify', limited, async (request, reply) => {
    const body = parse(verifyBody, request.body);
    const now = new Date();
    const { challenge } = await takeChallenge(db, body.challengeId, 'login', now);
    const stored = await db
      .selectFrom('credentials')
      .selectAll()
      .where('id', '=', body.response.id)
      .executeTakeFirst();
    if (!stored)
      throw new HttpError(400, 'This passkey is not known here. Sign up, or use a recovery code.');
    const rp = relyingParty(request, options.publicOrigin);
    const result = await verifyOrRefuse(() =>
      verifyAuthenticationResponse({
        response: body.response as unknown as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: true,
        credential: {
          id: stored.id,
          publicKey: new Uint8Array(Buffer.from(stored.public_key, 'base64url')),
          counter: Number(stored.counter),
          transports: JSON.parse(stored.transports) as string[],
        },
      }),
    );
    if (!result.verified) throw new HttpError(400, 'The passkey was not accepted.');
    await db
      .updateTable('credentials')
      .set({ counter: result.authenticationInfo.newCounter, last_used_at: now.toISOString() })
      .where('id', '=', stored.id)
      .execute();
    const caller = await addDevice(db, stored.user_id, deviceName(body.deviceName), now);
    await startSession(request, reply, caller);
    return { deviceId: caller.deviceId };
  });

  async function signInWithCode(
    table: 'recovery_codes' | 'link_codes',
    request: FastifyRequest,
    reply: Parameters<typeof setSessionCookie>[1],
  ) {
    const body = parse(codeBody, request.body);
    const now = new Date();
    const userId = await redeemCode(db, table, normaliseCode(body.code), now);
    if (!userId)
      throw new HttpError(400, 'That code is not valid, or has been used or has expired.');
    const caller = await addDevice(db, userId, deviceName(body.deviceName), now);
    await startSession(request, reply, caller);
    return { deviceId: caller.deviceId };
  }

  app.post('/api/auth/recover', limited, (request, reply) =>
    signInWithCode('recovery_codes', request, reply),
  );
  app.post('/api/auth/link', limited, (request, reply) =>
    signInWithCode('link_codes', request, reply),
  );

  app.post('/api/auth/link-code', limited, async (request) => {
    parse(emptyBody, request.body);
    const caller = requireCaller(request);
    const code = newCode(2);
    const now = new Date();
    await db
      .insertInto('link_codes')
      .values({
        code_hash: hashSecret(code),
        user_id: caller.userId,
        expires_at: new Date(now.getTime() + LINK_CODE_TTL_MS).toISOString(),
        used_at: null,
      })
      .execute();
    return { code, expiresAt: new Date(now.getTime() + LINK_CODE_TTL_MS).toISOString() };
  });

  app.post('/api/auth/sign-out', async (request, reply) => {
    parse(emptyBody, request.body);
    const token = sessionToken(request);
    if (token) await endSession(db, token);
    // The session's live stream closes, in whichever process holds it.
    if (request.caller) app.syncSignals.publish({ kind: 'access', userId: request.caller.userId });
    clearSessionCookie(request, reply);
    return { signedOut: true };
  });
}
