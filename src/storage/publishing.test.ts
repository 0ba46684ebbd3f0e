import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDraft } from '../compose/test-moments';
import { exportAll } from './backup';
import { setDatabase } from './db';
import { addDraft } from './drafts';
import {
  allDestinations,
  completePublish,
  publishJobFor,
  queuePublish,
  removeDestination,
  saveDestination,
  setDefaultDestination,
  type Destination,
  type PublishJob,
} from './publishing';
import { encodeRecord } from './record-payload';
import { WeeknotesDb } from './schema';
import { secretFor } from './secrets';

const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';
let db: WeeknotesDb;
let n = 0;

beforeEach(() => {
  db = new WeeknotesDb(`publishing-${++n}`);
  setDatabase(db);
});

afterEach(async () => {
  await db.delete();
});

const blog = (id: string, extra: Partial<Destination> = {}): Destination => ({
  id,
  kind: 'wordpress',
  name: `Blog ${id}`,
  site: `https://${id}.example`,
  apiRoot: `https://${id}.example/wp-json/`,
  username: 'ada',
  postStatus: 'draft',
  isDefault: false,
  createdAt: '2026-11-20T17:00:00.000Z',
  ...extra,
});

const job = (draftId: string, destinationId: string): PublishJob => ({
  draftId,
  destinationId,
  postStatus: 'draft',
  state: 'waiting',
  queuedAt: '2026-11-20T18:00:00.000Z',
  attempts: 0,
  notBefore: '2026-11-20T18:00:00.000Z',
  failure: null,
  marker: 'marker-1',
  uncertain: false,
});

describe('connected blogs', () => {
  it('keeps the credential sealed: readable by the app, never in a row, backup or sync payload', async () => {
    await saveDestination(blog('a'), PASSWORD);
    await addDraft(testDraft('2026-11-16', 'Body'));
    await queuePublish(
      'draft-2026-11-16',
      { title: 'T', body: 'Body' },
      job('draft-2026-11-16', 'a'),
      '2026-11-20T18:00:00.000Z',
    );
    await completePublish(
      'draft-2026-11-16',
      {
        post: {
          kind: 'wordpress',
          site: 'https://a.example',
          remoteId: '7',
          url: 'https://a.example/?p=7',
          status: 'draft',
          sentAt: '2026-11-20T18:01:00.000Z',
          hash: 'h',
        },
      },
      '2026-11-20T18:01:00.000Z',
    );

    expect(await secretFor('a')).toBe(PASSWORD);
    const everything: unknown[] = [];
    for (const table of db.tables) everything.push(...((await table.toArray()) as unknown[]));
    const stored = JSON.stringify(everything, (_k, v: unknown) =>
      v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v) : v,
    );
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain('abcdEFGH');

    const backup = JSON.stringify(await exportAll(new Date()));
    expect(backup).toContain('https://a.example/?p=7');
    expect(backup).not.toContain(PASSWORD);
    expect(backup).not.toContain('Blog a');
    const draft = await db.drafts.get('draft-2026-11-16');
    const payload = encodeRecord(draft!);
    expect(payload).toContain('"remoteId":"7"');
    expect(payload).not.toContain(PASSWORD);
  });

  it('makes the first blog the default, and keeps one default', async () => {
    await saveDestination(blog('a'), PASSWORD);
    await saveDestination(blog('b'), PASSWORD);
    expect((await allDestinations()).map((d) => [d.id, d.isDefault])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    await setDefaultDestination('b');
    expect((await allDestinations())[0]).toMatchObject({ id: 'b', isDefault: true });
    await removeDestination('b');
    expect((await allDestinations()).map((d) => [d.id, d.isDefault])).toEqual([['a', true]]);
    expect(await secretFor('b')).toBeNull();
  });

  it('keeps a queued weeknote when its blog is removed, failed with a reason', async () => {
    await saveDestination(blog('a'), PASSWORD);
    await addDraft(testDraft('2026-11-16', 'Body'));
    await queuePublish(
      'draft-2026-11-16',
      { title: 'New title', body: 'Typed just now' },
      job('draft-2026-11-16', 'a'),
      '2026-11-20T18:00:00.000Z',
    );
    expect(await db.drafts.get('draft-2026-11-16')).toMatchObject({
      title: 'New title',
      body: 'Typed just now',
    });
    await removeDestination('a');
    expect(await publishJobFor('draft-2026-11-16')).toMatchObject({
      state: 'failed',
      failure: { code: 'no-destination', retrying: false },
    });
  });

  it('keeps the first marker when a weeknote is queued again, so a lost post is still found', async () => {
    await saveDestination(blog('a'), PASSWORD);
    await addDraft(testDraft('2026-11-16', 'Body'));
    await queuePublish(
      'draft-2026-11-16',
      { title: 'T', body: 'Body' },
      { ...job('draft-2026-11-16', 'a'), uncertain: true },
      '2026-11-20T18:00:00.000Z',
    );
    await queuePublish(
      'draft-2026-11-16',
      { title: 'T', body: 'Body' },
      { ...job('draft-2026-11-16', 'a'), marker: 'marker-2' },
      '2026-11-20T18:05:00.000Z',
    );
    expect(await publishJobFor('draft-2026-11-16')).toMatchObject({
      marker: 'marker-1',
      uncertain: true,
    });
  });
});
