/**
 * Plays a generated history against the real server handlers (through Fastify's inject) and
 * simulated devices with their own IndexedDB, then checks what must hold once everyone has synced.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { testAccount, type TestDevice } from '../../server/test-support';
import type { DataKey } from '../../src/crypto/data-key';
import { openPayload } from '../../src/crypto/payload';
import { draftForWeek } from '../../src/storage/drafts';
import { decodeDraft, decodeMoment } from '../../src/storage/record-codec';
import {
  pullResponseSchema,
  pushResponseSchema,
  type Mutation,
  type PushResult,
} from '../../src/sync/protocol';
import { SyncError, type Remote } from '../../src/sync/remote';
import { sealedRemote } from '../../src/sync/sealed-remote';
import { SimulatedDevice, serverRecords } from './devices';
import type { Fault, History, Step } from './histories';
import { sharedDataKey } from './keyed-devices';

const WEEKS = ['2026-11-16', '2026-11-23'];

class Killed extends Error {}

/** The network between the devices and the server: it logs, loses, repeats and holds requests. */
class Network {
  /** Every push the server received, to replay at the end. */
  readonly pushes: { session: TestDevice; mutations: Mutation[] }[] = [];
  readonly held: (() => Promise<unknown>)[] = [];
  /** The highest seq any answer has shown so far. */
  maxSeq = 0;

  async push(session: TestDevice, mutations: Mutation[]): Promise<PushResult[]> {
    this.pushes.push({ session, mutations });
    const res = await session.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { results } = pushResponseSchema.parse(res.json());
    for (const r of results) {
      if (r.status !== 'applied') continue;
      // A new version always gets a seq above every seq handed out before.
      expect(r.record.seq).toBeGreaterThan(this.maxSeq);
      this.maxSeq = r.record.seq;
    }
    return results;
  }

  async pull(session: TestDevice, since: number, limit: number) {
    const res = await session.request({
      method: 'GET',
      url: `/api/sync/pull?since=${since}&limit=${limit}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = pullResponseSchema.parse(res.json());
    let previous = since;
    for (const change of page.changes) {
      expect(change.seq).toBeGreaterThan(previous);
      previous = change.seq;
    }
    this.maxSeq = Math.max(this.maxSeq, previous);
    return page;
  }
}

/** A device's way to the server, with the next request's fault set by the history. */
function faultyRemote(device: SimulatedDevice, net: Network, next: Player['next']): Remote {
  const take = (): Fault => {
    const f = next.fault;
    next.fault = 'none';
    return f;
  };
  const offline = () => new SyncError('offline', 'offline');
  return {
    async push(mutations) {
      if (!device.online) throw offline();
      const fault = take();
      if (fault === 'drop-request') throw offline();
      if (fault === 'delay') {
        net.held.push(() => net.push(device.session, mutations));
        throw offline();
      }
      const results = await net.push(device.session, mutations);
      if (fault === 'drop-response') throw offline();
      if (fault === 'kill') throw new Killed();
      if (fault === 'duplicate') return net.push(device.session, mutations);
      return results;
    },
    async pull(since, limit) {
      if (!device.online) throw offline();
      const between = next.between;
      next.between = null;
      await between?.();
      const fault = take();
      if (fault === 'drop-request' || fault === 'delay') throw offline();
      const page = await net.pull(device.session, since, limit);
      if (fault === 'drop-response') throw offline();
      if (fault === 'kill') throw new Killed();
      return page;
    },
  };
}

/** What the writers meant to keep: texts and draft lines saved and not knowingly replaced. */
class Intent {
  private n = 0;
  readonly texts = new Set<string>();
  readonly lines = new Map<string, Set<string>>(WEEKS.map((w) => [w, new Set()]));
  fresh(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
}

interface Player {
  device: SimulatedDevice;
  /** The fault for the next request, and writes to make just before the next pull. */
  next: { fault: Fault; between: (() => Promise<void>) | null };
}

async function play(step: Step, players: Player[], net: Network, intent: Intent): Promise<void> {
  if (step.t === 'deliver') {
    await net.held.shift()?.();
    return;
  }
  const { device, next } = players[step.d] as Player;
  switch (step.t) {
    case 'capture': {
      const text = intent.fresh('Moment ');
      intent.texts.add(text);
      await device.capture(text);
      return;
    }
    case 'edit':
    case 'delete': {
      const live = (await device.moments()).filter((m) => m.deletedAt === null);
      const target = live[step.pick % Math.max(1, live.length)];
      if (!target) return;
      intent.texts.delete(target.text);
      if (step.t === 'delete') return device.remove(target.id);
      const text = intent.fresh('Edited ');
      intent.texts.add(text);
      return device.edit(target.id, text);
    }
    case 'draft-append':
    case 'draft-remove': {
      const week = WEEKS[step.week] as string;
      const wanted = intent.lines.get(week) as Set<string>;
      const existing = await device.on(() => draftForWeek(week));
      const lines = existing ? existing.body.split('\n').filter(Boolean) : [];
      if (step.t === 'draft-append') {
        const line = intent.fresh('Line ');
        wanted.add(line);
        lines.push(line);
      } else {
        const [removed] = lines.splice(step.pick % Math.max(1, lines.length), 1);
        if (removed === undefined) return;
        wanted.delete(removed);
      }
      return device.writeDraft(week, lines.join('\n'));
    }
    case 'network':
      device.online = step.online;
      return;
    case 'sync':
      next.fault = step.fault;
      if (step.fault === 'write-between') {
        next.between = async () => {
          await play({ t: 'edit', d: step.d, pick: 0 }, players, net, intent);
          await play({ t: 'draft-append', d: step.d, week: 0 }, players, net, intent);
        };
      }
      try {
        await device.sync();
      } catch (err) {
        if (err instanceof Killed) device.restart();
        else if (!(err instanceof SyncError && err.kind === 'offline')) throw err;
      } finally {
        next.fault = 'none';
        next.between = null;
      }
      return;
  }
}

/** Everyone back online on a good network, syncing until a whole pass changes nothing. */
async function settle(players: Player[], net: Network): Promise<void> {
  while (net.held.length > 0) await net.held.shift()?.();
  for (const p of players) {
    p.device.online = true;
    p.next.fault = 'none';
    p.next.between = null;
  }
  for (let pass = 0; pass < 8; pass++) {
    const before = net.maxSeq;
    for (const p of players) await p.device.sync();
    if (pass > 0 && net.maxSeq === before) return;
  }
  throw new Error('The devices did not settle after eight rounds each');
}

async function checkInvariants(
  app: FastifyInstance,
  players: Player[],
  net: Network,
  intent: Intent,
  key: DataKey | null,
) {
  const userId = players[0]?.device.session.userId as string;
  const stored = await serverRecords(app, userId);
  // With encryption on, every payload is sealed (or empty), and read by opening it.
  if (key) for (const r of stored) expect(r.payload, r.id).toMatch(/^(wnp\.|$)/);
  const records = key
    ? await Promise.all(
        stored.map(async (r) =>
          r.payload === '' ? r : { ...r, payload: await openPayload(key, r, r.payload) },
        ),
      )
    : stored;

  // Seq is strictly increasing: no two records share one.
  expect(new Set(records.map((r) => r.seq)).size).toBe(records.length);

  // Every device holds exactly the server's records, with nothing waiting to send.
  const serverMoments = records.filter((r) => r.kind === 'moment');
  const serverDrafts = records.filter((r) => r.kind === 'draft');
  for (const { device } of players) {
    expect((await device.store.syncState()).pending).toBe(0);
    expect(await device.moments()).toEqual(serverMoments.map((r) => decodeMoment(r.payload)));
    const drafts = await device.db.drafts.orderBy('id').toArray();
    expect(drafts).toEqual(serverDrafts.map((r) => decodeDraft(r.payload)));
  }

  // Every text a writer saved and did not replace is in a moment (or a conflict copy), once.
  const kept = serverMoments.map((r) => decodeMoment(r.payload)).filter((m) => !m.deletedAt);
  const texts = kept.map((m) => m.text);
  expect(new Set(texts).size, 'a moment is duplicated').toBe(texts.length);
  for (const text of intent.texts) expect(texts, `lost: ${text}`).toContain(text);

  // Every draft line a writer added and did not remove is in the draft or its kept conflict.
  for (const [week, wanted] of intent.lines) {
    const draft = serverDrafts.map((r) => decodeDraft(r.payload)).find((d) => d.weekStart === week);
    const present = new Set(`${draft?.body ?? ''}\n${draft?.conflict?.body ?? ''}`.split('\n'));
    for (const line of wanted) expect(present.has(line), `lost draft line: ${line}`).toBe(true);
  }

  // Replaying any push changes nothing: every answer is a duplicate and the records stay put.
  // The replays are sent all at once, so the server commits them in groups.
  const replays = await Promise.all(
    net.pushes.map(({ session, mutations }) =>
      session.request({ method: 'POST', url: '/api/sync/push', payload: { mutations } }),
    ),
  );
  for (const [i, res] of replays.entries()) {
    const { results } = pushResponseSchema.parse(res.json());
    const sent = net.pushes[i]?.mutations ?? [];
    expect(results.map((r) => r.status)).toEqual(sent.map(() => 'duplicate'));
  }
  expect(await serverRecords(app, userId)).toEqual(stored);
}

/**
 * Plays one history on a new account and checks the invariants; the devices are deleted after.
 * `sealed`: the account has a data key (so the server refuses plaintext) and every device seals
 * and opens its payloads with it.
 */
export async function runHistory(
  app: FastifyInstance,
  history: History,
  options: { sealed?: boolean } = {},
): Promise<void> {
  const first = await testAccount(app);
  const sessions = [first];
  for (let i = 1; i < history.devices; i++) sessions.push(await testAccount(app, first.userId));
  const net = new Network();
  const intent = new Intent();
  const key = options.sealed ? await sharedDataKey(first) : null;
  const players = sessions.map((session): Player => {
    const device = new SimulatedDevice(session);
    const next: Player['next'] = { fault: 'none', between: null };
    const remote = faultyRemote(device, net, next);
    device.remote = key
      ? sealedRemote(remote, {
          current: key,
          keys: [key],
          missing: () => Promise.resolve({ keys: [key], accountHas: false }),
        })
      : remote;
    return { device, next };
  });
  try {
    for (const step of history.steps) await play(step, players, net, intent);
    await settle(players, net);
    await checkInvariants(app, players, net, intent, key);
  } finally {
    await Promise.all(players.map((p) => p.device.close()));
  }
}
