// @vitest-environment jsdom
// Signing in to a Micropub site with IndieAuth and publishing to it through the queue, against
// the test Micropub site (tests/support/micropub-server.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDraft } from '../../src/compose/test-moments';
import { beginSignIn, finishSignIn } from '../../src/publish/indieauth';
import { setDatabase } from '../../src/storage/db';
import { addDraft, draftById, updateDraft } from '../../src/storage/drafts';
import { publishJobFor, saveDestination, type Destination } from '../../src/storage/publishing';
import { WeeknotesDb } from '../../src/storage/schema';
import { queueDraft, runQueueLater } from './publish-queue';
import { startMicropubSite, type MicropubSiteOptions } from '../support/micropub-server';

const APP = 'http://127.0.0.1:5999';
let db: WeeknotesDb;
let n = 0;
let site: Awaited<ReturnType<typeof startMicropubSite>>;
const week = '2026-11-16';
const draftId = `draft-${week}`;

beforeEach(() => {
  db = new WeeknotesDb(`publish-mp-${++n}`);
  setDatabase(db);
  localStorage.clear();
});

afterEach(async () => {
  await site?.stop();
  await db.delete();
});

/** Signs in as the writer would, approving on the site's own page. */
async function signIn(options: MicropubSiteOptions = {}) {
  site = await startMicropubSite({ autoApprove: true, ...options });
  const authorize = await beginSignIn(site.url, APP, new Date());
  const answer = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(answer.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(`${APP}/settings/blog-signed-in`);
  return finishSignIn(back.searchParams, new Date());
}

const queue = (destination: Destination, postStatus: 'draft' | 'publish' = 'draft') =>
  queueDraft(draftId, destination, postStatus);
const run = runQueueLater;
const live = () => site.posts().filter((p) => !p.deleted);

describe('IndieAuth sign-in', () => {
  it.each([['metadata'], ['legacy']] as const)(
    'discovers the endpoints (%s), proves PKCE and gets a token',
    async (discovery) => {
      const { destination, token } = await signIn({ discovery });
      expect(destination).toMatchObject({
        kind: 'micropub',
        site: site.url,
        micropubEndpoint: site.endpoints.micropub,
        canListPosts: true,
      });
      expect(site.tokens().map((t) => t.token)).toContain(token);
      expect(JSON.stringify(destination)).not.toContain(token);
      expect(localStorage.length).toBe(0);
    },
  );

  it('refuses a sign-in it did not start, and one the writer denied', async () => {
    site = await startMicropubSite({ autoApprove: true });
    await expect(
      finishSignIn(new URLSearchParams({ code: 'x', state: 'forged' }), new Date()),
    ).rejects.toMatchObject({ code: 'sign-in-expired' });
    const authorize = new URL(await beginSignIn(site.url, APP, new Date()));
    const denied = new URLSearchParams({
      error: 'access_denied',
      state: authorize.searchParams.get('state')!,
      iss: site.issuer,
    });
    await expect(finishSignIn(denied, new Date())).rejects.toMatchObject({ code: 'denied' });
  });
});

describe('publishing to a Micropub site', () => {
  let destination: Destination;

  beforeEach(async () => {
    const signed = await signIn();
    destination = signed.destination;
    await saveDestination(destination, signed.token);
    await addDraft(
      testDraft(week, '## Parking\n\nPermits went live. [Notes](https://example.org/n)', {
        title: 'Weeknote 47',
      }),
    );
  });

  it('creates an h-entry with name, HTML content and categories, then updates the same post', async () => {
    await queue(destination);
    await run();
    expect(await publishJobFor(draftId)).toBeUndefined();
    expect(live()).toHaveLength(1);
    const [post] = live();
    expect(post!.status).toBe('draft');
    expect(post!.properties['name']).toEqual(['Weeknote 47']);
    expect(JSON.stringify(post!.properties['content'])).toContain('<h2>Parking</h2>');
    expect(post!.properties['category']).toEqual(['weeknotes']);
    expect((await draftById(draftId))!.post).toMatchObject({
      kind: 'micropub',
      remoteId: post!.url,
    });

    await updateDraft(
      draftId,
      { body: 'Permits went live, and stayed up.' },
      new Date().toISOString(),
    );
    await queue(destination, 'publish');
    await run();
    expect(live()).toHaveLength(1);
    expect(JSON.stringify(live()[0]!.properties['content'])).toContain('stayed up');
    expect(live()[0]!.status).toBe('published');
    expect(await draftById(draftId)).toMatchObject({
      status: 'published',
      publishedUrl: post!.url,
    });
  });

  it('finds the post by its marker when the answer was lost, and never posts twice', async () => {
    site.setMode('lose-next-create');
    await queue(destination);
    await run();
    expect(await publishJobFor(draftId)).toMatchObject({ state: 'failed', uncertain: true });
    expect(live()).toHaveLength(1);
    await run(60);
    expect(await publishJobFor(draftId)).toBeUndefined();
    expect(live()).toHaveLength(1);
    expect((await draftById(draftId))!.post?.remoteId).toBe(live()[0]!.url);
  });

  it('asks the writer when the site cannot be searched for a post whose answer was lost', async () => {
    const blind = { ...destination, canListPosts: false };
    await saveDestination(blind, site.tokens()[0]!.token);
    site.setMode('lose-next-create');
    await queue(blind);
    await run();
    await run(60);
    expect(await publishJobFor(draftId)).toMatchObject({
      state: 'failed',
      failure: { code: 'uncertain', retrying: false },
    });
    expect(live()).toHaveLength(1);
  });

  it('says to sign in again when the site stops accepting the token, keeping the job', async () => {
    site.revokeTokens();
    await queue(destination);
    await run();
    expect(await publishJobFor(draftId)).toMatchObject({
      state: 'failed',
      failure: { code: 'signed-out', retrying: false },
    });
    expect(live()).toHaveLength(0);
  });

  it('retries after a 500 on its own and sends once the site recovers', async () => {
    site.setMode('status-500');
    await queue(destination);
    expect(await run()).toBeGreaterThan(0);
    expect(await publishJobFor(draftId)).toMatchObject({
      failure: { code: 'server-error', retrying: true },
    });
    site.setMode('pass');
    await run(60);
    expect(live()).toHaveLength(1);
  });
});
