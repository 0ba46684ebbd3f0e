import { describe, expect, it } from 'vitest';
import { deviceSuite, SimulatedDevice, serverRecords } from './devices';

const suite = deviceSuite();
const phoneAndLaptop = (): Promise<[SimulatedDevice, SimulatedDevice]> => suite.phoneAndLaptop();

const texts = async (d: SimulatedDevice) => (await d.moments()).map((m) => m.text).sort();

describe('sync engine against the real server', () => {
  it('offline edits on two devices converge once both reconnect', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    phone.online = false;
    laptop.online = false;
    await phone.capture('Train: budget thoughts');
    await phone.capture('Site visit notes');
    await phone.capture('Call with @Priya');
    await laptop.writeDraft('2026-11-16', 'Week beginning 16 November\n\nDrafted on the laptop\n');
    await expect(phone.sync()).rejects.toThrow('offline');

    phone.online = true;
    laptop.online = true;
    await phone.sync();
    await laptop.sync();
    await phone.sync();

    const expected = ['Call with @Priya', 'Site visit notes', 'Train: budget thoughts'];
    expect(await texts(phone)).toEqual(expected);
    expect(await texts(laptop)).toEqual(expected);
    expect((await phone.draft('2026-11-16'))?.body).toContain('Drafted on the laptop');
    expect((await phone.store.syncState()).pending).toBe(0);
    expect((await laptop.store.syncState()).pending).toBe(0);
    expect(await serverRecords(suite.app, phone.session.userId)).toHaveLength(4);
  });

  it('keeps both texts of a moment edited on both devices as a visible conflict copy', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    const m = await phone.capture('Original');
    await phone.sync();
    await laptop.sync();
    await phone.edit(m.id, 'Edited on the phone');
    await laptop.edit(m.id, 'Edited on the laptop');
    await phone.sync();
    await laptop.sync();
    await phone.sync();

    for (const device of [phone, laptop]) {
      const moments = await device.moments();
      expect(moments.map((x) => x.text).sort()).toEqual([
        'Edited on the laptop',
        'Edited on the phone',
      ]);
      const copy = moments.find((x) => x.conflictOf === m.id);
      expect(copy?.text).toBe('Edited on the laptop');
    }
  });

  it('merges draft edits to different paragraphs, and keeps both versions of the same one', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.writeDraft('2026-11-16', 'Intro\n\nMiddle\n\nEnd\n');
    await phone.sync();
    await laptop.sync();
    await phone.writeDraft('2026-11-16', 'Intro from the phone\n\nMiddle\n\nEnd\n');
    await laptop.writeDraft('2026-11-16', 'Intro\n\nMiddle\n\nEnd from the laptop\n');
    await phone.sync();
    await laptop.sync();
    await phone.sync();
    for (const device of [phone, laptop]) {
      expect((await device.draft('2026-11-16'))?.body).toBe(
        'Intro from the phone\n\nMiddle\n\nEnd from the laptop\n',
      );
    }

    await phone.writeDraft(
      '2026-11-16',
      'Intro from the phone\n\nMiddle, said the phone\n\nEnd from the laptop\n',
    );
    await laptop.writeDraft(
      '2026-11-16',
      'Intro from the phone\n\nMiddle, said the laptop\n\nEnd from the laptop\n',
    );
    await phone.sync();
    await laptop.sync();
    await phone.sync();
    for (const device of [phone, laptop]) {
      const draft = await device.draft('2026-11-16');
      const everything = `${draft?.body}\n${draft?.conflict?.body}`;
      expect(everything).toContain('Middle, said the phone');
      expect(everything).toContain('Middle, said the laptop');
      expect(draft?.conflict).toBeTruthy();
    }
  });

  it('does not push a draft again whose kept version differs from the server only in key order', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.writeDraft('2026-11-16', 'Intro\n');
    const id = (await phone.draft('2026-11-16'))!.id;
    const at = '2026-11-20T10:00:00.000Z';
    const { updateDraft } = await import('../../src/storage/drafts');
    await phone.on(() =>
      updateDraft(id, { conflict: { title: 'Weeknote', body: 'Kept', at } }, at),
    );
    await phone.sync();
    await laptop.sync();
    // The laptop saves the draft unchanged: the server moves to version 2 with the same content.
    await laptop.on(() => updateDraft(id, { title: 'Weeknote' }, new Date().toISOString()));
    await laptop.sync();
    // The phone holds the same kept version, its keys stored in another order, and pushes on
    // version 1: the server answers with a conflict whose content is the phone's own.
    await phone.on(() =>
      updateDraft(
        id,
        { conflict: { at, body: 'Kept', title: 'Weeknote' } },
        new Date().toISOString(),
      ),
    );
    await phone.sync();
    const records = await serverRecords(suite.app, phone.session.userId);
    expect(records.map((r) => r.version)).toEqual([2]);
    expect((await phone.store.syncState()).pending).toBe(0);
    expect((await phone.draft('2026-11-16'))?.conflict).toEqual({
      title: 'Weeknote',
      body: 'Kept',
      at,
    });
  });

  it('resends an unacknowledged batch exactly, so nothing is applied twice', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.capture('Sent once, acknowledged never');
    const batch = await phone.store.nextBatch(100, 1e6);
    expect(batch).toHaveLength(1);
    await phone.remote.push(batch ?? []); // the answer is lost: the device dies here
    await phone.capture('Captured after the crash');
    await phone.sync();
    await laptop.sync();
    expect(await texts(laptop)).toEqual([
      'Captured after the crash',
      'Sent once, acknowledged never',
    ]);
    const records = await serverRecords(suite.app, phone.session.userId);
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.version === 1)).toBe(true);
  });

  it('merges against the version a pulled moment had when this device changed it', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    const m = await phone.capture('Draft the budget paper');
    await phone.sync();
    await laptop.sync();
    // The laptop marks it for next week; meanwhile the phone rewrites the text.
    await laptop.on(async () => {
      const { editMoment } = await import('../../src/storage/moments');
      await editMoment(m.id, { nextWeek: true }, new Date().toISOString());
    });
    await phone.edit(m.id, 'Draft and send the budget paper');
    await phone.sync();
    await laptop.sync();
    await phone.sync();
    for (const device of [phone, laptop]) {
      const moments = await device.moments();
      // One moment with both changes: no conflict copy, because the base was kept.
      expect(moments).toHaveLength(1);
      expect(moments[0]).toMatchObject({ text: 'Draft and send the budget paper', nextWeek: true });
    }
  });

  it('syncs deletes as tombstones', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    const m = await phone.capture('Delete me');
    await phone.sync();
    await laptop.sync();
    await laptop.on(async () => {
      const { deleteMoment } = await import('../../src/storage/moments');
      await deleteMoment(m.id, new Date().toISOString());
    });
    await laptop.sync();
    await phone.sync();
    expect((await phone.moments()).find((x) => x.id === m.id)?.deletedAt).not.toBeNull();
  });

  it('keeps the outbox when the session has ended', async () => {
    const [phone] = await phoneAndLaptop();
    await phone.capture('Waiting for sign-in');
    await suite.app.database.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', phone.session.deviceId)
      .execute();
    await expect(phone.sync()).rejects.toMatchObject({ kind: 'signed-out' });
    expect((await phone.store.syncState()).pending).toBe(1);
  });
});
