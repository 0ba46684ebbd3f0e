import { describe, expect, it } from 'vitest';
import { settingClashes, updateSettings } from '../../src/storage/settings';
import { deviceSuite, SimulatedDevice, serverRecords } from './devices';

const suite = deviceSuite();
const phoneAndLaptop = (): Promise<[SimulatedDevice, SimulatedDevice]> => suite.phoneAndLaptop();

describe('settings sync between devices', () => {
  it('a template and series set on the phone reach the laptop, and only the writer’s preferences travel', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.setSettings({ titleTemplate: '{week}.{yy}', series: 10, persistence: 'granted' });
    await phone.sync();
    const touched = await laptop.sync();

    expect(touched.settings.sort()).toEqual(['series', 'titleTemplate']);
    expect(await laptop.settings()).toMatchObject({
      titleTemplate: '{week}.{yy}',
      series: 10,
      persistence: 'not-asked',
    });
    const records = await serverRecords(suite.app, phone.session.userId);
    expect(records.map((r) => [r.id, r.kind])).toEqual([
      ['setting-series', 'setting'],
      ['setting-titleTemplate', 'setting'],
    ]);
    expect((await phone.store.syncState()).pending).toBe(0);
    expect((await laptop.store.syncState()).pending).toBe(0);
  });

  it('two devices changing different settings both keep both changes, with no clash', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.setSettings({ titleTemplate: 'Weeknote v{series}.{week}', series: 3 });
    await phone.sync();
    await laptop.sync();
    await phone.setSettings({ series: 4 });
    await laptop.setSettings({ grouping: 'tag', weekStartsOn: 0 });
    await phone.sync();
    await laptop.sync();
    await phone.sync();
    for (const device of [phone, laptop]) {
      expect(await device.settings()).toMatchObject({
        series: 4,
        grouping: 'tag',
        weekStartsOn: 0,
      });
      expect(await device.on(settingClashes)).toEqual([]);
    }
  });

  it('a template changed on both devices keeps the server’s everywhere and tells the other device its own', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.setSettings({ titleTemplate: 'Weeknote {week}' });
    await phone.sync();
    await laptop.sync();
    await phone.setSettings({ titleTemplate: 'Phone notes {week}' });
    await laptop.setSettings({ titleTemplate: 'Laptop notes {week}' });
    await phone.sync();
    const touched = await laptop.sync();
    await phone.sync();

    expect(touched.clashes).toBe(1);
    expect((await phone.settings()).titleTemplate).toBe('Phone notes {week}');
    expect((await laptop.settings()).titleTemplate).toBe('Phone notes {week}');
    expect(await laptop.on(settingClashes)).toMatchObject([
      { key: 'titleTemplate', kept: 'Phone notes {week}', mine: 'Laptop notes {week}' },
    ]);
    expect(await phone.on(settingClashes)).toEqual([]);

    // Choosing the laptop's again is an ordinary change, which then reaches the phone.
    await laptop.setSettings({ titleTemplate: 'Laptop notes {week}' });
    await laptop.sync();
    await phone.sync();
    expect((await phone.settings()).titleTemplate).toBe('Laptop notes {week}');
  });

  it('tag names merge tag by tag', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.setSettings({ tagNames: { bluebadge: 'Blue Badge' } });
    await phone.sync();
    await laptop.sync();
    await phone.setSettings({ tagNames: { bluebadge: 'Blue Badge', cx: 'Customer experience' } });
    await laptop.setSettings({ tagNames: { bluebadge: 'Blue Badge', hr: 'People' } });
    await phone.sync();
    await laptop.sync();
    await phone.sync();
    for (const device of [phone, laptop]) {
      expect((await device.settings()).tagNames).toEqual({
        bluebadge: 'Blue Badge',
        cx: 'Customer experience',
        hr: 'People',
      });
    }
    expect(await laptop.on(settingClashes)).toEqual([]);
  });

  it('a setting saved before the laptop signed in meets the phone’s: the server’s stays, the laptop’s is told', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.setSettings({ series: 10 });
    await phone.sync();
    await laptop.setSettings({ series: 7 });
    await laptop.store.startFreshSync(new Date().toISOString());
    await laptop.sync();
    expect((await laptop.settings()).series).toBe(10);
    expect(await laptop.on(settingClashes)).toMatchObject([{ key: 'series', kept: 10, mine: 7 }]);
  });

  it('a pulled setting does not replace one changed here and not yet pushed', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.setSettings({ wordTarget: 500 });
    await laptop.setSettings({ wordTarget: 800 });
    await phone.sync();
    // The laptop pulls before it pushes nothing else: its own change is waiting in the outbox.
    await laptop.store.storePulled(
      (await laptop.remote.pull(0, 100)).changes,
      (await laptop.remote.pull(0, 100)).cursor,
    );
    expect((await laptop.settings()).wordTarget).toBe(800);
  });

  it('refuses to save a setting the suite.app would never write', async () => {
    const [phone] = await phoneAndLaptop();
    await expect(phone.on(() => updateSettings({ weekStartsOn: 9 as never }))).rejects.toThrow();
    expect((await phone.store.syncState()).pending).toBe(0);
  });
});
