/**
 * Passkeys against real WebAuthn responses from a software authenticator: the genuine ceremony
 * works, and forged, tampered and replayed responses are refused without making a session.
 */
import type { FastifyInstance } from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ORIGIN, testServer } from '../../server/test-support';
import { FLAG_UP, SoftAuthenticator, type Ceremony } from './soft-authenticator';

const RP_ID = 'localhost';

describe.each(ENGINES)('passkey responses on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, payload: unknown = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: { origin: ORIGIN } });

  async function options(kind: 'register' | 'login') {
    const res = await post(`/api/auth/${kind}/options`);
    expect(res.statusCode).toBe(200);
    return res.json<{
      challengeId: string;
      options: { challenge: string; user?: { id: string } };
    }>();
  }

  const ceremony = (challenge: string, extra: Partial<Ceremony> = {}): Ceremony => ({
    challenge,
    origin: ORIGIN,
    rpId: RP_ID,
    ...extra,
  });

  async function signUp(authenticator: SoftAuthenticator) {
    const { challengeId, options: o } = await options('register');
    const response = authenticator.register({
      ...ceremony(o.challenge),
      userId: o.user?.id ?? '',
    });
    const res = await post('/api/auth/register/verify', { challengeId, response });
    return { res, challengeId, response };
  }

  async function signIn(authenticator: SoftAuthenticator, extra: Partial<Ceremony> = {}) {
    const { challengeId, options: o } = await options('login');
    const response = authenticator.authenticate(ceremony(o.challenge, extra));
    const res = await post('/api/auth/login/verify', { challengeId, response });
    return { res, challengeId, response };
  }

  const count = async (table: 'users' | 'devices' | 'sessions') =>
    Number(
      (
        await app.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('signs up and signs in with a genuine passkey response', async () => {
    const authenticator = new SoftAuthenticator();
    const up = await signUp(authenticator);
    expect(up.res.statusCode, up.res.body).toBe(200);
    expect(up.res.headers['set-cookie']).toBeTruthy();
    const inResult = await signIn(authenticator);
    expect(inResult.res.statusCode, inResult.res.body).toBe(200);
    expect(inResult.res.headers['set-cookie']).toBeTruthy();
  });

  it('refuses a sign-in response sent a second time, with its own or a new challenge', async () => {
    const authenticator = new SoftAuthenticator();
    expect((await signUp(authenticator)).res.statusCode).toBe(200);
    const first = await signIn(authenticator);
    expect(first.res.statusCode).toBe(200);
    const sessions = await count('sessions');

    const again = await post('/api/auth/login/verify', {
      challengeId: first.challengeId,
      response: first.response,
    });
    expect(again.statusCode).toBe(400);
    const fresh = await options('login');
    const replayed = await post('/api/auth/login/verify', {
      challengeId: fresh.challengeId,
      response: first.response,
    });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.headers['set-cookie']).toBeUndefined();
    expect(await count('sessions')).toBe(sessions);
  });

  it('refuses a registration response sent a second time, and makes no second account', async () => {
    const authenticator = new SoftAuthenticator();
    const up = await signUp(authenticator);
    expect(up.res.statusCode).toBe(200);
    const users = await count('users');
    const again = await post('/api/auth/register/verify', {
      challengeId: up.challengeId,
      response: up.response,
    });
    expect(again.statusCode).toBe(400);
    expect(await count('users')).toBe(users);
  });

  it('refuses forged and tampered sign-in responses', async () => {
    const authenticator = new SoftAuthenticator();
    expect((await signUp(authenticator)).res.statusCode).toBe(200);
    const devices = await count('devices');
    const attacks: [string, Partial<Ceremony>][] = [
      [
        'signed by another key',
        { signWith: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey },
      ],
      ['made for another origin', { origin: 'https://weeknotes.example.net' }],
      ['made for another relying party', { rpId: 'example.net' }],
      ['without user verification', { flags: FLAG_UP }],
      ['for a challenge the server never gave', { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }],
    ];
    for (const [name, extra] of attacks) {
      const { res } = await signIn(authenticator, extra);
      expect(res.statusCode, name).toBe(400);
      expect(res.headers['set-cookie'], name).toBeUndefined();
      expect(typeof res.json<{ error: unknown }>().error, name).toBe('string');
    }
    expect(await count('devices')).toBe(devices);
  });

  it('refuses a passkey the server has never registered', async () => {
    const stranger = new SoftAuthenticator();
    const { res } = await signIn(stranger);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/not known/);
  });
});
