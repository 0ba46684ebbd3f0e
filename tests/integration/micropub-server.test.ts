/**
 * The test Micropub site against the Micropub Recommendation (https://www.w3.org/TR/micropub/),
 * exercised the way micropub.rocks exercises a server: create in each syntax, update, delete,
 * queries, errors, plus the CORS a browser client needs and the failure modes tests switch on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server';

let site: MicropubSite;
let token: string;
beforeEach(async () => {
  site = await startMicropubSite();
  token = site.issueToken('create update delete undelete');
});
afterEach(() => site.stop());

const bearer = (t = token) => ({ Authorization: `Bearer ${t}` });
const form = (fields: string) => ({
  method: 'POST',
  headers: { ...bearer(), 'Content-Type': 'application/x-www-form-urlencoded' },
  body: fields,
});
const json = (value: unknown, t = token) => ({
  method: 'POST',
  headers: { ...bearer(t), 'Content-Type': 'application/json' },
  body: JSON.stringify(value),
});
const micropub = (init: RequestInit = {}, query = '') =>
  fetch(`${site.endpoints.micropub}${query}`, init);
const source = async (url: string, extra = '') => {
  const res = await micropub(
    { headers: bearer() },
    `?q=source&url=${encodeURIComponent(url)}${extra}`,
  );
  expect(res.status).toBe(200);
  return res.json() as Promise<{ type?: string[]; properties: Record<string, unknown[]> }>;
};
const created = (res: Response) => {
  expect(res.status).toBe(201);
  const location = res.headers.get('location');
  expect(location).toMatch(new RegExp(`^${site.url}/posts/`));
  return location!;
};

describe('create (§3.3)', () => {
  it('form-encoded: 201 with a Location that serves the post, category[] kept as an array', async () => {
    const res = await micropub(
      form('h=entry&name=Week+12&content=Hello+world&category[]=work&category[]=garden'),
    );
    const url = created(res);
    expect(site.posts()).toMatchObject([
      {
        url,
        type: ['h-entry'],
        status: 'published',
        properties: { name: ['Week 12'], content: ['Hello world'], category: ['work', 'garden'] },
      },
    ]);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('class="h-entry"');
    expect(html).toContain('<p>Hello world</p>');
  });

  it('a single category without [] is still an array; mp- commands and access_token are not stored', async () => {
    const res = await fetch(site.endpoints.micropub, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `content=x&category=solo&mp-slug=Week+Twelve&access_token=${token}`,
    });
    expect(created(res)).toBe(`${site.url}/posts/week-twelve`);
    const [post] = site.posts();
    expect(post!.properties.category).toEqual(['solo']);
    expect(Object.keys(post!.properties).sort()).toEqual(['category', 'content', 'published']);
  });

  it('JSON with HTML content and post-status draft: a draft the site does not show', async () => {
    const res = await micropub(
      json({
        type: ['h-entry'],
        properties: {
          name: ['Week 13'],
          content: [{ html: '<p>Hi <b>there</b></p>' }],
          category: ['a', 'b'],
          'post-status': ['draft'],
        },
      }),
    );
    const url = created(res);
    expect(site.posts()[0]!.status).toBe('draft');
    expect((await source(url)).properties.content).toEqual([{ html: '<p>Hi <b>there</b></p>' }]);
    expect((await fetch(url)).status).toBe(404);
  });

  it('multipart/form-data works like form-encoded', async () => {
    const body = new FormData();
    body.append('h', 'entry');
    body.append('content', 'From multipart');
    body.append('category[]', 'x');
    body.append('category[]', 'y');
    created(await micropub({ method: 'POST', headers: bearer(), body }));
    expect(site.posts()[0]!.properties).toMatchObject({ category: ['x', 'y'] });
  });

  it('refuses JSON whose properties are not arrays', async () => {
    const res = await micropub(json({ type: ['h-entry'], properties: { content: 'bare' } }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    expect(site.posts()).toEqual([]);
  });
});

describe('update and delete (§3.4, §3.5)', () => {
  let url: string;
  beforeEach(async () => {
    url = created(await micropub(form('name=Old&content=Old+text&category[]=a&category[]=b')));
  });

  it('replace: 204, and q=source shows the new values', async () => {
    const res = await micropub(
      json({
        action: 'update',
        url,
        replace: { name: ['New'], content: [{ html: '<p>New</p>' }] },
      }),
    );
    expect(res.status).toBe(204);
    const { type, properties } = await source(url);
    expect(type).toEqual(['h-entry']);
    expect(properties).toMatchObject({ name: ['New'], content: [{ html: '<p>New</p>' }] });
    expect(properties.category).toEqual(['a', 'b']);
  });

  it('add appends values; delete removes values, then whole properties', async () => {
    await micropub(json({ action: 'update', url, add: { category: ['c'] } }));
    expect((await source(url)).properties.category).toEqual(['a', 'b', 'c']);
    await micropub(json({ action: 'update', url, delete: { category: ['a', 'c'] } }));
    expect((await source(url)).properties.category).toEqual(['b']);
    await micropub(json({ action: 'update', url, delete: ['category'] }));
    expect((await source(url)).properties.category).toBeUndefined();
  });

  it('replacing post-status publishes a draft', async () => {
    await micropub(json({ action: 'update', url, replace: { 'post-status': ['draft'] } }));
    expect(site.posts()[0]!.status).toBe('draft');
    await micropub(json({ action: 'update', url, replace: { 'post-status': ['published'] } }));
    expect(site.posts()[0]!.status).toBe('published');
  });

  it('an unknown URL, a form-encoded update or an update without changes is invalid_request', async () => {
    for (const res of [
      await micropub(json({ action: 'update', url: `${url}-nope`, replace: { name: ['x'] } })),
      await micropub(form(`action=update&url=${encodeURIComponent(url)}&name=x`)),
      await micropub(json({ action: 'update', url })),
    ]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect(site.posts()[0]!.properties.name).toEqual(['Old']);
  });

  it('delete hides the post; undelete brings it back', async () => {
    const del = await micropub(form(`action=delete&url=${encodeURIComponent(url)}`));
    expect(del.status).toBe(204);
    expect((await fetch(url)).status).toBe(410);
    expect(site.posts()[0]!.deleted).toBe(true);
    expect((await micropub(json({ action: 'undelete', url }))).status).toBe(204);
    expect((await fetch(url)).status).toBe(200);
  });
});

describe('queries (§3.7)', () => {
  it('q=config lists the supported queries and post statuses', async () => {
    const res = await micropub({ headers: bearer() }, '?q=config');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const config = (await res.json()) as Record<string, unknown>;
    expect(config.q).toEqual(expect.arrayContaining(['config', 'source']));
    expect(config['post-status']).toEqual(['published', 'draft']);
    expect(config['syndicate-to']).toEqual([]);
  });

  it('q=source with properties[] answers only those properties, without the type', async () => {
    const url = created(await micropub(form('name=N&content=C&category=t')));
    const answer = await source(url, '&properties[]=name&properties[]=category');
    expect(answer).toEqual({ properties: { name: ['N'], category: ['t'] } });
  });

  it('q=source without a url lists posts newest first, each with its url, limited', async () => {
    const first = created(await micropub(form('content=first')));
    const second = created(await micropub(form('content=second')));
    created(await micropub(form('content=third')));
    const res = await micropub({ headers: bearer() }, '?q=source&limit=2&offset=1');
    const { items } = (await res.json()) as { items: { properties: Record<string, unknown[]> }[] };
    expect(items.map((i) => i.properties.url)).toEqual([[second], [first]]);
    expect(items[0]!.properties.content).toEqual(['second']);
  });

  it('an unknown query or post is invalid_request', async () => {
    expect((await micropub({ headers: bearer() }, '?q=nonsense')).status).toBe(400);
    const res = await micropub({ headers: bearer() }, `?q=source&url=${site.url}/posts/404`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('authorization errors (§3.8, §5)', () => {
  it('no token: 401 unauthorized with a Bearer challenge', async () => {
    const res = await fetch(`${site.endpoints.micropub}?q=config`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('an unknown or revoked token: 401 and nothing created', async () => {
    expect((await micropub(json({ properties: { content: ['x'] } }, 'nope'))).status).toBe(401);
    site.revokeTokens();
    const res = await micropub(json({ properties: { content: ['x'] } }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    expect(site.posts()).toEqual([]);
  });

  it('a token without the needed scope: 403 insufficient_scope, post unchanged', async () => {
    const url = created(await micropub(form('content=keep')));
    const createOnly = site.issueToken('create');
    const res = await micropub(
      json({ action: 'update', url, replace: { content: ['changed'] } }, createOnly),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'insufficient_scope' });
    expect(site.posts()[0]!.properties.content).toEqual(['keep']);
    const updateOnly = site.issueToken('update');
    expect((await micropub(json({ properties: { content: ['x'] } }, updateOnly))).status).toBe(403);
  });

  it('insufficientScopeStatus: 401 answers as the Micropub Recommendation words it', async () => {
    const strict = await startMicropubSite({ insufficientScopeStatus: 401 });
    try {
      const res = await fetch(strict.endpoints.micropub, json({}, strict.issueToken('update')));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'insufficient_scope' });
    } finally {
      await strict.stop();
    }
  });

  it('a draft-only token creates drafts only', async () => {
    await micropub(json({ properties: { content: ['x'] } }, site.issueToken('draft')));
    expect(site.posts()[0]!.status).toBe('draft');
  });

  it('records whether a token came, never the token itself', async () => {
    await micropub(form('content=x'));
    await fetch(`${site.endpoints.micropub}?q=config&access_token=${token}`);
    const log = site.requests();
    expect(log.map((r) => [r.method, r.auth, r.status])).toEqual([
      ['POST', true, 201],
      ['GET', false, 401],
    ]);
    expect(JSON.stringify(log)).not.toContain(token);
  });
});
