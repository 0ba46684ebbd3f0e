// @vitest-environment jsdom
// Publishing to a real WordPress (started by scripts/with-wordpress.mjs): connecting, the queue,
// updates, and every way a blog can fail, with a proxy in front of it to make it misbehave.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDraft, testMoment } from '../../src/compose/test-moments';
import { PublishError } from '../../src/publish/errors';
import { runPublishQueue } from '../../src/publish/queue';
import { connectWordPress } from '../../src/publish/wordpress-connect';
import { setDatabase } from '../../src/storage/db';
import { addDraft, draftById, updateDraft } from '../../src/storage/drafts';
import { addMoment } from '../../src/storage/moments';
import { publishJobFor, saveDestination, type Destination } from '../../src/storage/publishing';
import { WeeknotesDb } from '../../src/storage/schema';
import { queueDraft, runQueueLater } from './publish-queue';
import { startBlogProxy, type BlogProxy } from '../support/blog-proxy';
import { basicAuth, countPostsTitled, findPosts, wordpressFromEnv } from '../support/wordpress';

const wp = wordpressFromEnv();
const login = { site: wp.url, username: wp.user, password: wp.appPassword };
let db: WeeknotesDb;
let n = 0;
let proxy: BlogProxy;
let plainSite: Server;
let plainUrl: string;

beforeAll(async () => {
  proxy = await startBlogProxy(wp.url);
  plainSite = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' });
    res.end('<!doctype html><title>Just a page</title><p>Not a blog engine.</p>');
  });
  await new Promise<void>((ok) => plainSite.listen(0, '127.0.0.1', ok));
  plainUrl = `http://127.0.0.1:${(plainSite.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await proxy.stop();
  await new Promise((ok) => plainSite.close(ok));
});

beforeEach(() => {
  db = new WeeknotesDb(`publish-wp-${++n}`);
  setDatabase(db);
  proxy.setMode('pass');
});

afterEach(async () => {
  await db.delete();
});

async function failure(work: Promise<unknown>): Promise<PublishError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PublishError);
  return err as PublishError;
}

describe('connecting a WordPress blog', () => {
  it('checks the password with a real request and keeps what publishing needs', async () => {
    const destination = await connectWordPress(login, new Date());
    expect(destination).toMatchObject({ kind: 'wordpress', site: wp.url, username: wp.user });
    expect(destination.apiRoot).toBe(`${wp.url}/wp-json/`);
    expect(destination.name.length).toBeGreaterThan(0);
    expect(JSON.stringify(destination)).not.toContain(wp.appPassword);
  });

  // Stock WordPress answers these three alike (401 rest_not_logged_in), so the message names
  // both what to check and what a host may be doing.
  it.each([
    ['a wrong password', { password: 'abcd efgh ijkl mnop qrst uvwx' }, false],
    ['an unknown user', { username: 'nobody-here' }, false],
    ['a host that strips the Authorization header', {}, true],
  ])('says plainly what to do for %s', async (_what, change, strip) => {
    if (strip) proxy.setMode('strip-authorization');
    const site = strip ? proxy.url : wp.url;
    const err = await failure(connectWordPress({ ...login, ...change, site }, new Date()));
    expect(err.code).toBe('not-signed-in');
    expect(err.message).toMatch(/application password/);
    expect(err.message).toMatch(/removing the Authorization header/);
  });

  it('says when the site is not WordPress, or cannot be reached', async () => {
    expect((await failure(connectWordPress({ ...login, site: plainUrl }, new Date()))).code).toBe(
      'not-wordpress',
    );
    const closed = await failure(
      connectWordPress({ ...login, site: 'http://127.0.0.1:9' }, new Date()),
    );
    expect(closed.code).toBe('site-not-found');
  });
});

describe('the publish queue against WordPress', () => {
  const week = '2026-11-16';
  const draftId = `draft-${week}`;
  let title: string;

  async function connect(site: string): Promise<Destination> {
    const destination = { ...(await connectWordPress({ ...login, site }, new Date())), site };
    await saveDestination(destination, wp.appPassword);
    return destination;
  }

  const queue = (destination: Destination, postStatus: 'draft' | 'publish' = 'draft') =>
    queueDraft(draftId, destination, postStatus);
  const run = runQueueLater;

  beforeEach(async () => {
    title = `Weeknote ${crypto.randomUUID().slice(0, 8)}`;
    const moment = testMoment('m1', '2026-11-18T09:00:00.000+00:00', 'Fixed the #BlueBadge form', {
      tags: ['BlueBadge'],
    });
    await addMoment(moment);
    const body =
      '## Blue Badge\n\nFixed the form with [the team](https://example.org/team).\n\n' +
      'Next week:\n\n- ship it\n- write it up';
    await addDraft(testDraft(week, body, { title, momentIds: ['m1'] }));
  });

  it('sends a draft post with headings, lists, links and tags, then updates the same post', async () => {
    const destination = await connect(wp.url);
    await queue(destination);
    expect(await run()).toBeNull();

    expect(await publishJobFor(draftId)).toBeUndefined();
    const [post] = await findPosts(title);
    expect(post).toMatchObject({ title, status: 'draft' });
    expect(post!.content).toContain('<h2>Blue Badge</h2>');
    expect(post!.content).toContain('<a href="https://example.org/team"');
    expect(post!.content).toMatch(/<ul>\s*<li>ship it<\/li>/);
    expect(post!.tags.sort()).toEqual(['Blue Badge', 'weeknotes']);
    const draft = (await draftById(draftId))!;
    expect(draft.post).toMatchObject({
      kind: 'wordpress',
      remoteId: String(post!.id),
      status: 'draft',
    });
    expect(draft.status).toBe('draft');

    await updateDraft(
      draftId,
      { body: `${draft.body}\n\nA line added after Friday.` },
      new Date().toISOString(),
    );
    await queue(destination, 'publish');
    await run();
    const after = await findPosts(title);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(post!.id);
    expect(after[0]!.content).toContain('A line added after Friday.');
    expect(after[0]!.status).toBe('publish');
    expect(await draftById(draftId)).toMatchObject({
      status: 'published',
      publishedUrl: after[0]!.link,
    });
  });

  it('never posts twice when the blog made the post but its answer was lost', async () => {
    const destination = await connect(proxy.url);
    proxy.setMode('lose-next-create');
    await queue(destination);
    await run();
    const job = await publishJobFor(draftId);
    expect(job).toMatchObject({ state: 'failed', uncertain: true });
    expect(job!.failure).toMatchObject({ code: 'unreachable', retrying: true });
    expect(await countPostsTitled(title)).toBe(1);
    // A browser may resend a cut POST by itself: a second copy with the same marker.
    const [first] = await findPosts(title);
    const copy = await fetch(`${wp.url}/wp-json/wp/v2/posts`, {
      method: 'POST',
      headers: { Authorization: basicAuth(wp), 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, content: first!.content, status: 'draft' }),
    });
    expect(copy.status).toBe(201);
    expect(await countPostsTitled(title)).toBe(2);

    await run(60);
    expect(await publishJobFor(draftId)).toBeUndefined();
    expect(await countPostsTitled(title)).toBe(1);
    expect((await findPosts(title))[0]!.id).toBe(first!.id);
    const [post] = await findPosts(title);
    expect((await draftById(draftId))!.post?.remoteId).toBe(String(post!.id));
  });

  it('keeps the job with a clear message when the blog fails, and sends it once it recovers', async () => {
    const destination = await connect(proxy.url);
    proxy.setMode('status-500');
    await queue(destination);
    const wait = await run();
    expect(wait).toBeGreaterThan(0);
    expect(await publishJobFor(draftId)).toMatchObject({
      state: 'failed',
      failure: { code: 'server-error', retrying: true },
    });
    expect((await publishJobFor(draftId))!.failure!.message).toMatch(/error 500/);
    expect(await countPostsTitled(title)).toBe(0);

    proxy.setMode('pass');
    await run(60);
    expect(await publishJobFor(draftId)).toBeUndefined();
    expect(await countPostsTitled(title)).toBe(1);
  });

  it('waits for Retry when the password stops working, keeping the weeknote', async () => {
    const destination = await connect(wp.url);
    await saveDestination(destination, 'wxyz wxyz wxyz wxyz wxyz wxyz');
    await queue(destination);
    expect(await run()).toBeNull();
    expect(await publishJobFor(draftId)).toMatchObject({
      state: 'failed',
      failure: { code: 'not-signed-in', retrying: false },
    });
    expect(await countPostsTitled(title)).toBe(0);
    expect((await draftById(draftId))!.body).toContain('Blue Badge');
  });

  it('gives up on an attempt the blog never answers, and keeps the job', async () => {
    const destination = await connect(proxy.url);
    proxy.setMode('hang');
    await queue(destination);
    // The real limit is 20 s; a fetch that gives up sooner stands in for the clock.
    const impatient: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(300) });
    await runPublishQueue(() => new Date(), impatient);
    expect(await publishJobFor(draftId)).toMatchObject({
      state: 'failed',
      failure: { code: 'timeout', retrying: true },
    });
  });
});
