/**
 * What a browser client of the test Micropub site relies on: CORS on the endpoints it calls
 * (preflight, an exposed Location, a home page that may lack CORS), and the failure modes tests
 * switch on to check the app never loses or doubles a post.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server';

const ORIGIN = 'http://localhost:5173';

let site: MicropubSite;
let token: string;
beforeEach(async () => {
  site = await startMicropubSite();
  token = site.issueToken('create');
});
afterEach(() => site.stop());

const form = (fields: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/x-www-form-urlencoded',
    ...headers,
  },
  body: fields,
});
const micropub = (init: RequestInit) => fetch(site.endpoints.micropub, init);
const created = (res: Response) => {
  expect(res.status).toBe(201);
  return res.headers.get('location');
};

describe('CORS for a browser client', () => {
  it('answers the preflight for Authorization and Content-Type, echoing the origin', async () => {
    const res = await fetch(site.endpoints.micropub, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase();
    expect(allowed).toContain('authorization');
    expect(allowed).toContain('content-type');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('exposes Location on a create, so the app can read the new post URL', async () => {
    const res = await micropub(form('content=x', { Origin: ORIGIN }));
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/\bLocation\b/);
  });

  it('cors: false leaves the home page without CORS, the endpoints keep it', async () => {
    const bare = await startMicropubSite({ cors: false });
    try {
      const headers = { Origin: ORIGIN };
      const home = await fetch(bare.url + '/', { headers });
      expect(home.status).toBe(200);
      expect(home.headers.get('access-control-allow-origin')).toBeNull();
      const meta = await fetch(bare.endpoints.metadata, { headers });
      expect(meta.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    } finally {
      await bare.stop();
    }
  });
});

describe('failure modes', () => {
  it('lose-next-create stores the post but drops the answer, then passes again', async () => {
    site.setMode('lose-next-create');
    await expect(micropub(form('content=once'))).rejects.toThrow();
    expect(site.posts().map((p) => p.properties.content)).toEqual([['once']]);
    created(await micropub(form('content=twice')));
    expect(site.posts()).toHaveLength(2);
  });

  it('status-500 answers 500 and stores nothing', async () => {
    site.setMode('status-500');
    expect((await micropub(form('content=x'))).status).toBe(500);
    expect(site.posts()).toEqual([]);
  });

  it('hang never answers, and stop() still ends', async () => {
    site.setMode('hang');
    const signal = AbortSignal.timeout(300);
    await expect(micropub({ ...form('content=x'), signal })).rejects.toThrow();
    const last = site.requests().at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.status).toBeUndefined();
  });
});
