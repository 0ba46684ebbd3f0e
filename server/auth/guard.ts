import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { HttpError, isSecureContext, requestOrigin } from '../http.js';
import { sessionLookup } from './session-lookup.js';
import type { Caller } from './sessions.js';

const SECURE_COOKIE = '__Host-weeknotes';
const PLAIN_COOKIE = 'weeknotes';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, and Secure with `__Host-` where it can be. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const secure = isSecureContext(request);
  void reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: 365 * 24 * 60 * 60,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isSecureContext(request);
  void reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, {
    path: '/',
    secure,
    httpOnly: true,
    sameSite: 'strict',
  });
}

/** The session token the request carries, if any. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

/**
 * Guards /api: every state-changing request must come from our own origin (a cross-site
 * request is refused even with a cookie), and the caller is found from the session cookie.
 */
export function registerGuard(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('caller', null);
  // Requests read in the same turn share one session query.
  const authenticate = sessionLookup(db);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const origin = request.headers.origin;
      if (!origin || origin !== requestOrigin(request)) {
        throw new HttpError(403, 'Refused: this request did not come from the Weeknotes app.');
      }
    }
    const token = sessionToken(request);
    if (token) request.caller = await authenticate(token, new Date());
  });
}

/** The signed-in caller, or a 401 that tells the device to sign in again. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) {
    throw new HttpError(
      401,
      'Not signed in, or this device was signed out. Sign in again to sync.',
      {
        reason: 'signed-out',
      },
    );
  }
  return request.caller;
}
