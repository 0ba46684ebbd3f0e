/**
 * Hostile and malformed input on every API endpoint: each gets a 4xx with a JSON error, never a
 * 5xx; afterwards the server still answers /healthz and nothing stored has changed.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../server/app';
import {
  ENGINES,
  ORIGIN,
  testAccount,
  testMutation,
  testServer,
  type TestDevice,
} from '../../server/test-support';
import { PUSH_BODY_LIMIT } from '../../server/sync/routes';
import { encodeRecord } from '../../src/storage/record-payload';
import { MAX_BATCH, MAX_PAYLOAD_CHARS } from '../../src/sync/protocol';
import { databaseSnapshot } from './snapshot';

type Json = Record<string, unknown>;
interface Attack {
  name: string;
  request: InjectOptions;
}

const mutation = (): Json => ({ ...testMutation('hostile-moment') });

const credential = {
  id: 'abc',
  rawId: 'abc',
  type: 'public-key',
  response: { clientDataJSON: 'x' },
};

/** A public key and a copy of a data key as the key store takes them (shapes only). */
const KEY = `B${'A'.repeat(86)}`;
const copy = { boxId: randomUUID(), sender: KEY, wrapped: `wnk.${'A'.repeat(94)}` };

/** Each POST endpoint with a body of the right shape, which the attacks below spoil. */
function postEndpoints(victimDevice: string): { url: string; valid: Json }[] {
  return [
    { url: '/api/auth/register/options', valid: {} },
    {
      url: '/api/auth/register/verify',
      valid: { challengeId: randomUUID(), response: credential },
    },
    { url: '/api/auth/login/options', valid: {} },
    { url: '/api/auth/login/verify', valid: { challengeId: randomUUID(), response: credential } },
    { url: '/api/auth/recover', valid: { code: 'AAAA-BBBB-CCCC' } },
    { url: '/api/auth/link', valid: { code: 'AAAA-BBBB' } },
    { url: '/api/auth/link-code', valid: {} },
    { url: '/api/auth/sign-out', valid: {} },
    { url: `/api/devices/${victimDevice}/revoke`, valid: {} },
    { url: '/api/sync/push', valid: { mutations: [mutation()] } },
    { url: '/api/keys/boxes', valid: { kind: 'device', publicKey: KEY } },
    {
      url: '/api/keys/data-keys',
      valid: { keyId: '0123456789abcdef', replaces: null, copies: [copy] },
    },
    { url: '/api/keys/copies', valid: { keyId: '0123456789abcdef', copies: [copy] } },
    { url: '/api/keys/links', valid: { code: 'AAAA-BBBB' } },
    { url: '/api/keys/links/join', valid: { code: 'AAAA-BBBB', commitment: 'A'.repeat(43) } },
  ];
}

const json = (payload: string | Buffer): Partial<InjectOptions> => ({
  payload,
  headers: { 'content-type': 'application/json' },
});

/** The valid body with bytes that are not UTF-8 inside its last string (or an added one). */
function withInvalidUtf8(valid: Json): Buffer {
  const marker = 'NOT-UTF-8-HERE';
  const replaceLast = (value: unknown, done: { yes: boolean }): unknown => {
    if (done.yes) return value;
    if (typeof value === 'string') {
      done.yes = true;
      return marker;
    }
    // Last to first, so the last string is the one replaced (a push's payload, not its id).
    if (Array.isArray(value))
      return value
        .reverse()
        .map((v) => replaceLast(v, done))
        .reverse();
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).reverse();
      return Object.fromEntries(entries.map(([k, v]) => [k, replaceLast(v, done)]).reverse());
    }
    return value;
  };
  const done = { yes: false };
  const marked = replaceLast(valid, done) as Json;
  const [before, after] = JSON.stringify(done.yes ? marked : { x: marker }).split(marker);
  return Buffer.concat([
    Buffer.from(before ?? ''),
    Buffer.from([0x68, 0x69, 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
    Buffer.from(after ?? ''),
  ]);
}

/** Bodies that must all be refused, made from an endpoint's valid body. */
function spoiledBodies(url: string, valid: Json): [string, Partial<InjectOptions>][] {
  const text = JSON.stringify(valid);
  const limit = url === '/api/sync/push' ? PUSH_BODY_LIMIT : BODY_LIMIT;
  const bodies: [string, Partial<InjectOptions>][] = [
    ['invalid JSON', json('{"code": ')],
    ['truncated JSON', json(text.slice(0, -1))],
    ['an array', json('[]')],
    ['a string', json('"hello"')],
    ['a number', json('42')],
    ['null', json('null')],
    ['an extra field', json(JSON.stringify({ ...valid, extra: 1 }))],
    ['a body past the size limit', json(JSON.stringify({ ...valid, pad: 'x'.repeat(limit) }))],
    ['a huge array', json(JSON.stringify({ ...valid, list: new Array(200_000).fill(0) }))],
    ['__proto__ keys', json(`{"__proto__":{"polluted":"yes"},${text.slice(1)}`)],
    ['constructor keys', json(`{"constructor":{"prototype":{"polluted":"yes"}},${text.slice(1)}`)],
    ['invalid UTF-8', json(withInvalidUtf8(valid))],
    ['text/plain', { payload: text, headers: { 'content-type': 'text/plain' } }],
    [
      'a form',
      { payload: 'code=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ],
    ['XML', { payload: '<code/>', headers: { 'content-type': 'application/xml' } }],
    [
      'multipart',
      {
        payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      },
    ],
  ];
  for (const [key, value] of Object.entries(valid)) {
    const without = { ...valid };
    delete without[key];
    bodies.push([`${key} missing`, json(JSON.stringify(without))]);
    bodies.push([`${key} a number`, json(JSON.stringify({ ...valid, [key]: 12345 }))]);
    bodies.push([`${key} an object`, json(JSON.stringify({ ...valid, [key]: { a: 1 } }))]);
    bodies.push([`${key} wrapped in a list`, json(JSON.stringify({ ...valid, [key]: [value] }))]);
    bodies.push([
      `${key} a huge string`,
      json(JSON.stringify({ ...valid, [key]: 'x'.repeat(500_000) })),
    ]);
  }
  if (url === '/api/sync/push') bodies.push(...spoiledMutations());
  return bodies;
}

/** Times that Date.parse reads but that are not ISO 8601 date, time and offset. */
const NOT_ISO_TIMES = [
  '1',
  'March 7',
  '2026-11-16',
  '2026-11-16 10:00:00Z',
  '2026-11-16T10:00:00',
  'Mon, 16 Nov 2026 10:00:00 GMT',
  '2026-02-30T10:00:00Z',
];

/** Device names with characters no name may hold: controls and text-direction marks. */
const UNSAFE_NAMES = [
  'Phone\u0000\u202Eexe.gnp',
  'Phone\u0000',
  'Phone\u202Eexe.gnp',
  'Phone\u0007',
  'Phone\u001B[31m',
  'Phone\u007F',
  'Phone\u0085',
  'Phone\nLaptop',
  'Phone\u200E',
  'Phone\u200F',
  'Phone\u202A',
  'Phone\u202B',
  'Phone\u202C',
  'Phone\u202D',
  'Phone\u2066',
  'Phone\u2067',
  'Phone\u2068',
  'Phone\u2069',
];

/** Push bodies whose one mutation is wrong in one way. */
function spoiledMutations(): [string, Partial<InjectOptions>][] {
  const m = mutation();
  const push = (x: unknown) => json(JSON.stringify({ mutations: [x] }));
  const out: [string, Partial<InjectOptions>][] = [
    ['a mutation with an extra field', push({ ...m, userId: randomUUID() })],
    ['a payload past its limit', push({ ...m, payload: 'x'.repeat(MAX_PAYLOAD_CHARS + 1) })],
    ['a mutation id that is not a UUID', push({ ...m, mutationId: 'x' })],
    ['a record id with a slash', push({ ...m, id: '../users' })],
    ['an unknown kind', push({ ...m, kind: 'user' })],
    ['a negative base version', push({ ...m, baseVersion: -1 })],
    ['a fractional base version', push({ ...m, baseVersion: 1.5 })],
    ['a time that is not a time', push({ ...m, updatedAt: 'yesterday' })],
    ...NOT_ISO_TIMES.map((t): [string, Partial<InjectOptions>] => [
      `a time that is not ISO 8601: ${t}`,
      push({ ...m, updatedAt: t }),
    ]),
    ['too many mutations', json(JSON.stringify({ mutations: new Array(MAX_BATCH + 1).fill(m) }))],
    [
      'a mutation with __proto__',
      json(`{"mutations":[{"__proto__":{"polluted":"yes"},${JSON.stringify(m).slice(1)}]}`),
    ],
  ];
  for (const key of Object.keys(m)) {
    const without: Json = { ...m };
    delete without[key];
    out.push([`a mutation without ${key}`, push(without)]);
    out.push([`a mutation with ${key} null`, push({ ...m, [key]: null })]);
  }
  return out;
}

function attacks(victim: TestDevice, otherDevice: string): Attack[] {
  const list: Attack[] = [];
  for (const { url, valid } of postEndpoints(otherDevice)) {
    for (const [name, body] of spoiledBodies(url, valid)) {
      list.push({ name: `POST ${url}: ${name}`, request: { method: 'POST', url, ...body } });
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const) {
      list.push({ name: `${method} ${url}`, request: { method, url } });
    }
  }
  for (const url of ['/api/me', '/api/devices', '/api/sync/pull?since=0', '/api/sync/events']) {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      list.push({ name: `${method} ${url}`, request: { method, url, ...json('{}') } });
    }
  }
  const queries = [
    'since=-1',
    'since=abc',
    'since=1e400',
    'since=0.5',
    'since[]=1',
    'since=1&since=2',
    'since=0&limit=0',
    'since=0&limit=100000',
    'since=0&extra=1',
    'since=%00',
    'since=%E0%A4%A',
    `since=${'9'.repeat(10_000)}`,
    '__proto__[polluted]=yes&since=0',
    '',
  ];
  for (const q of queries) {
    list.push({ name: `GET pull?${q}`, request: { method: 'GET', url: `/api/sync/pull?${q}` } });
  }
  for (const q of ['since=0', '__proto__[polluted]=yes', 'x=%00']) {
    list.push({
      name: `GET events?${q}`,
      request: { method: 'GET', url: `/api/sync/events?${q}` },
    });
  }
  for (const id of [
    'not-a-uuid',
    'x'.repeat(5000),
    '%00',
    '..%2F..%2Fhealthz',
    `${victim.deviceId}x`,
  ]) {
    list.push({
      name: `revoke ${id.slice(0, 20)}`,
      request: { method: 'POST', url: `/api/devices/${id}/revoke`, ...json('{}') },
    });
  }
  return list;
}

describe.each(ENGINES)('hostile input on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers every malformed request with a 4xx JSON error and changes nothing', async () => {
    const victim = await testAccount(app);
    const other = await testAccount(app, victim.userId);
    const seeded = await victim.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations: [{ ...mutation(), id: 'kept-moment' }] },
    });
    expect(seeded.statusCode).toBe(200);
    const before = await databaseSnapshot(app);

    const list = attacks(victim, other.deviceId);
    expect(list.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    for (const attack of list) {
      const res = await victim.request(attack.request);
      const type = String(res.headers['content-type']);
      let error: unknown;
      try {
        error = res.json<{ error: unknown }>().error;
      } catch {
        error = undefined;
      }
      if (res.statusCode < 400 || res.statusCode >= 500 || !type.startsWith('application/json'))
        wrong.push(`${attack.name}: ${res.statusCode} ${type} ${res.body.slice(0, 100)}`);
      else if (typeof error !== 'string') wrong.push(`${attack.name}: no JSON error`);
    }
    expect(wrong).toEqual([]);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: ORIGIN },
    });
    expect(health.statusCode).toBe(200);
    expect(await databaseSnapshot(app)).toEqual(before);
    // The victim's session still works: nothing signed it out or revoked it.
    const pull = await victim.request({ method: 'GET', url: '/api/sync/pull?since=0' });
    expect(pull.json<{ changes: { id: string }[] }>().changes.map((c) => c.id)).toEqual([
      'kept-moment',
    ]);
  }, 120_000);

  it.each(NOT_ISO_TIMES)('refuses the time %j with a 400 naming the field', async (time) => {
    const writer = await testAccount(app);
    const res = await writer.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations: [{ ...mutation(), updatedAt: time }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ path: 'mutations.0.updatedAt' });
    expect(res.json<{ error: string }>().error).toMatch(/ISO 8601/);
  });

  it.each(UNSAFE_NAMES)(
    'refuses the device name %j at sign-in with a code, naming the field',
    async (name) => {
      const writer = await testAccount(app);
      for (const url of ['/api/auth/link', '/api/auth/recover']) {
        const code =
          url === '/api/auth/link'
            ? (
                await writer.request({ method: 'POST', url: '/api/auth/link-code', payload: {} })
              ).json<{
                code: string;
              }>().code
            : 'AAAA-BBBB-CCCC';
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { origin: ORIGIN },
          payload: { code, deviceName: name },
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ path: 'deviceName' });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      const devices = await writer.request({ method: 'GET', url: '/api/devices' });
      expect(devices.json<{ devices: unknown[] }>().devices).toHaveLength(1);
    },
  );

  it('refuses unsafe device names at passkey sign-up and sign-in too', async () => {
    for (const url of ['/api/auth/register/verify', '/api/auth/login/verify']) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { origin: ORIGIN },
        payload: { challengeId: randomUUID(), response: credential, deviceName: UNSAFE_NAMES[0] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ path: 'deviceName' });
    }
  });

  it('takes a plain device name in any script', async () => {
    const writer = await testAccount(app);
    const { code } = (
      await writer.request({ method: 'POST', url: '/api/auth/link-code', payload: {} })
    ).json<{ code: string }>();
    const name = 'هاتف سارة · 東京 laptop';
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/link',
      headers: { origin: ORIGIN },
      payload: { code, deviceName: name },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const me = await app.inject({ url: '/api/me', headers: { origin: ORIGIN, cookie } });
    expect(me.json()).toMatchObject({ deviceName: name });
  });

  it('refuses a payload holding a raw NUL character with a 400, on every engine', async () => {
    const writer = await testAccount(app);
    for (const payload of ['\u0000', '{"text":"before\u0000after"}', `${'x'.repeat(5000)}\u0000`]) {
      const res = await writer.request({
        method: 'POST',
        url: '/api/sync/push',
        payload: { mutations: [{ ...mutation(), payload }] },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ path: 'mutations.0.payload' });
      expect(res.json<{ error: string }>().error).toMatch(/NUL/);
    }
    const pull = await writer.request({ method: 'GET', url: '/api/sync/pull?since=0' });
    expect(pull.json<{ changes: unknown[] }>().changes).toEqual([]);
  });

  it('stores a moment whose text has a NUL, as the app encodes it', async () => {
    const writer = await testAccount(app);
    // The app's payloads are JSON, which writes U+0000 as the six characters \u0000.
    const moment = { id: 'nul-moment', text: 'pasted\u0000text', tags: [] };
    const payload = encodeRecord(moment as unknown as Parameters<typeof encodeRecord>[0]);
    expect(payload.includes('\u0000')).toBe(false);
    const res = await writer.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations: [{ ...mutation(), id: 'nul-moment', payload }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const pull = await writer.request({ method: 'GET', url: '/api/sync/pull?since=0' });
    const [change] = pull.json<{ changes: { payload: string }[] }>().changes;
    expect((JSON.parse(change!.payload) as { text: string }).text).toBe('pasted\u0000text');
  });

  it('refuses a NUL character anywhere in a request body, naming where', async () => {
    const writer = await testAccount(app);
    const res = await writer.request({
      method: 'POST',
      url: '/api/auth/link',
      payload: { code: 'AAAA\u0000BBBB' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ path: 'code' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login/verify',
      headers: { origin: ORIGIN },
      payload: { challengeId: randomUUID(), response: { ...credential, id: 'abc\u0000' } },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({ path: 'response.id' });
  });

  it('still takes large pushes and every kind of Unicode, unchanged', async () => {
    const writer = await testAccount(app);
    const text = 'Café 東京 🧑🏽‍💻 مرحبا e\u0301 \u{1F600} \u2028 "quoted" \\ back';
    // Four at the largest a payload may be: 12 MB, under the push body's 16 MB limit.
    const mutations = Array.from({ length: 4 }, (_, i) => ({
      ...mutation(),
      id: `big-${i}`,
      payload: `${text} ${'x'.repeat(MAX_PAYLOAD_CHARS - 100)}`,
    }));
    const res = await writer.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const pull = await writer.request({ method: 'GET', url: '/api/sync/pull?since=0' });
    const changes = pull.json<{ changes: { payload: string }[] }>().changes;
    expect(changes).toHaveLength(4);
    expect(changes.every((c) => c.payload.startsWith(`${text} x`))).toBe(true);
  });
});
