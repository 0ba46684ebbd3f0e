import { describe, expect, it } from 'vitest';
import type { UploadProgress } from '../../src/storage/sync-upload';
import { MAX_BATCH } from '../../src/sync/protocol';
import { SyncError } from '../../src/sync/remote';
import { deviceSuite, serverRecords, type SimulatedDevice } from './devices';

const suite = deviceSuite();
/** Enough moments for three batches, and with a draft, what the upload sends. */
const MOMENTS = 2 * MAX_BATCH + 50;
const TOTAL = MOMENTS + 1;

/** Records what the device would show before each push, and where each pull starts. */
function watch(device: SimulatedDevice) {
  const seen = { progress: [] as (UploadProgress | null)[], pulls: [] as number[], pushed: 0 };
  const push = device.remote.push.bind(device.remote);
  const pull = device.remote.pull.bind(device.remote);
  device.remote = {
    async push(mutations) {
      seen.progress.push((await device.store.syncState()).upload);
      seen.pushed += mutations.length;
      return push(mutations);
    },
    pull(since, limit) {
      seen.pulls.push(since);
      return pull(since, limit);
    },
  };
  return seen;
}

async function captureMany(device: SimulatedDevice, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await device.capture(`Moment ${i}`)).id);
  return ids;
}

describe('the upload on signing in', () => {
  it('sends every moment in batches, with progress to show, and pulls none of them back', async () => {
    const [phone] = await suite.phoneAndLaptop();
    await captureMany(phone, MOMENTS);
    await phone.writeDraft('2026-11-16', 'Week beginning 16 November');
    await phone.store.startFreshSync(new Date().toISOString());
    // One outbox row for the draft; the moments are walked, not queued one row each.
    expect(await phone.db.outbox.count()).toBe(1);
    expect((await phone.store.syncState()).upload).toEqual({ done: 0, total: TOTAL });

    const seen = watch(phone);
    await phone.sync();
    // Each batch is sent as soon as the one before is answered, and settled while it travels.
    expect(seen.progress).toEqual([
      { done: 0, total: TOTAL },
      { done: 0, total: TOTAL },
      { done: MAX_BATCH, total: TOTAL },
    ]);
    expect(seen.pushed).toBe(TOTAL);
    const state = await phone.store.syncState();
    expect(state.upload).toBeNull();
    expect(state.pending).toBe(0);
    expect(await serverRecords(suite.app, phone.session.userId)).toHaveLength(TOTAL);
    // Its own records follow the cursor without a gap: the pull starts after them.
    expect(seen.pulls).toEqual([TOTAL]);
    expect(state.cursor).toBe(TOTAL);
  });

  it('resends a batch whose answer was lost in the pipeline exactly, then the one taken after it', async () => {
    const [phone] = await suite.phoneAndLaptop();
    await captureMany(phone, MOMENTS);
    await phone.store.startFreshSync(new Date().toISOString());
    const push = phone.remote.push.bind(phone.remote);
    const sent: string[][] = [];
    phone.remote.push = async (mutations) => {
      sent.push(mutations.map((m) => m.mutationId));
      const results = await push(mutations);
      // The second answer is lost on the way back: the server has applied that batch.
      if (sent.length === 2) throw new SyncError('offline', 'offline');
      return results;
    };
    await expect(phone.sync()).rejects.toThrow('offline');
    // The lost batch and the one taken while it travelled both wait, in order.
    expect(await phone.db.inflight.count()).toBe(2);
    const statuses: string[] = [];
    phone.remote.push = async (mutations) => {
      sent.push(mutations.map((m) => m.mutationId));
      const results = await push(mutations);
      statuses.push(...results.map((r) => r.status));
      return results;
    };
    await phone.sync();
    expect(sent[2]).toEqual(sent[1]);
    expect(statuses.slice(0, MAX_BATCH).every((s) => s === 'duplicate')).toBe(true);
    expect(statuses.slice(MAX_BATCH)).toEqual(statuses.slice(MAX_BATCH).map(() => 'applied'));
    expect(await serverRecords(suite.app, phone.session.userId)).toHaveLength(MOMENTS);
    expect(await phone.db.inflight.count()).toBe(0);
    expect((await phone.store.syncState()).pending).toBe(0);
  });

  it('sends a moment saved during the upload, and keeps an unsent one from a pull', async () => {
    const [phone, laptop] = await suite.phoneAndLaptop();
    const [first] = await captureMany(phone, 5);
    await phone.sync();
    await laptop.sync();
    // The phone signs in again with a change the server has not seen; the laptop edits the
    // same moment and pushes first.
    await phone.edit(first ?? '', 'Edited on the phone');
    await laptop.edit(first ?? '', 'Edited on the laptop');
    await laptop.sync();
    await phone.store.startFreshSync(new Date().toISOString());
    const fromServer = (await serverRecords(suite.app, phone.session.userId)).find(
      (r) => r.id === first,
    );
    // A pull arriving before the walk reaches the moment leaves the phone's text alone.
    await phone.store.storePulled(
      [
        {
          id: first ?? '',
          kind: 'moment',
          version: Number(fromServer?.version),
          seq: Number(fromServer?.seq),
          updatedAt: fromServer?.updated_at ?? '',
          deleted: false,
          payload: fromServer?.payload ?? '',
        },
      ],
      Number(fromServer?.seq),
    );
    expect((await phone.moments()).find((m) => m.id === first)?.text).toBe('Edited on the phone');

    const push = phone.remote.push.bind(phone.remote);
    let captured = false;
    phone.remote.push = async (mutations) => {
      if (!captured) {
        captured = true;
        await phone.capture('Captured during the upload');
      }
      return push(mutations);
    };
    await phone.sync();
    await phone.sync();
    await laptop.sync();
    for (const device of [phone, laptop]) {
      const texts = (await device.moments()).map((m) => m.text);
      expect(texts).toContain('Edited on the phone');
      expect(texts).toContain('Edited on the laptop');
      expect(texts).toContain('Captured during the upload');
      expect((await device.store.syncState()).pending).toBe(0);
    }
  });
});
