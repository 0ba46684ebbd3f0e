/**
 * Issue #13 (ADR 0015): what the writer writes reaches the server sealed. Devices with their
 * own IndexedDB, the real sync engine and keyring, and the server's real handlers on SQLite and
 * PostgreSQL; afterwards every table, the database files and the server's debug log are searched
 * for the words written.
 */
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { ENGINES, testMutation } from '../../server/test-support';
import { newRecoveryKey } from '../../src/crypto/recovery-key';
import { createAccountKey, keyState, UnlockProblem } from '../../src/sync/keyring';
import { replaceRecoveryKey, unlockWith } from '../../src/sync/unlock';
import { compile } from '../../src/compose/compile';
import { newDraft } from '../../src/compose/new-draft';
import { addDraft } from '../../src/storage/drafts';
import { momentsBetween } from '../../src/storage/moments';
import { getSettings } from '../../src/storage/settings';
import { weekContaining } from '../../src/week/iso-week';
import { serverRecords } from './devices';
import { everyValue, keyedSuite, marker, openRound, sqliteFiles } from './keyed-devices';

const WEEK = '2026-11-16';
const isSealedOrEmpty = (payload: string) => payload === '' || payload.startsWith('wnp.');

describe.each(ENGINES)('end-to-end encryption on $name', ({ name, databaseUrl }) => {
  const suite = keyedSuite(databaseUrl);

  it('a second device stays locked until the recovery key unlocks it, and the server never holds a word written', async () => {
    const phone = await suite.device();
    const laptop = await suite.device(phone.account.userId);
    const recovery = newRecoveryKey();
    const made = await phone.device.on(() =>
      createAccountKey(phone.api, phone.account.deviceId, [
        { kind: 'recovery', bytes: recovery.bytes },
      ]),
    );
    expect(made.state).toBe('open');

    const words = {
      lunch: marker('lunch'),
      ran: marker('ran'),
      edited: marker('edited'),
      draft: marker('draft'),
      tag: marker('tag'),
      title: marker('title'),
    };
    await phone.device.capture(`Lunch with ${words.lunch}`);
    const run = await phone.device.capture(`Ran ${words.ran}`);
    await openRound(phone.round);
    await phone.device.edit(run.id, `Ran further ${words.edited}`);
    // Friday: the week's moments compiled into a draft by the real compiler, then written on.
    await phone.device.on(async () => {
      const settings = await getSettings();
      const week = weekContaining(WEEK, settings.weekStartsOn);
      const moments = await momentsBetween(week.start, week.end);
      const compiled = compile(moments, week, settings, undefined, new Date());
      const body = `${compiled.body}\n\nA line about ${words.draft}`;
      await addDraft(newDraft(week.start, { ...compiled, body }, new Date().toISOString()));
    });
    const compiledBody = (await phone.device.draft(WEEK))?.body ?? '';
    expect(compiledBody).toContain(`Ran further ${words.edited}`);
    expect(compiledBody).toContain(`Lunch with ${words.lunch}`);
    await phone.device.setSettings({
      tagNames: { running: `Running ${words.tag}` },
      titleTemplate: `${words.title} {week}`,
    });
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    const pushed = await serverRecords(suite.app, phone.account.userId);
    expect(pushed.map((r) => r.kind).sort()).toEqual([
      'draft',
      'moment',
      'moment',
      'setting',
      'setting',
    ]);
    for (const r of pushed) expect(r.payload, r.id).toMatch(/^wnp\./);

    // The laptop has no key: it pushes nothing, even what it has waiting, and pulls nothing.
    const whileLocked = marker('locked');
    await laptop.device.capture(`Written while locked ${whileLocked}`);
    expect((await laptop.device.on(() => keyState(laptop.api))).state).toBe('locked');
    expect(await laptop.round()).toBe('locked');
    expect(await serverRecords(suite.app, phone.account.userId)).toEqual(pushed);
    expect((await laptop.device.moments()).map((m) => m.text)).toEqual([
      `Written while locked ${whileLocked}`,
    ]);

    // A wrong recovery key is refused, and nothing is kept on the device or the server.
    const storeBefore = await laptop.api.fetchKeyStore();
    const wrong = newRecoveryKey();
    await expect(
      laptop.device.on(() =>
        unlockWith(laptop.api, laptop.account.deviceId, { kind: 'recovery', bytes: wrong.bytes }),
      ),
    ).rejects.toThrow(UnlockProblem);
    expect(await laptop.keyring()).toMatchObject({ keys: [], current: null });
    expect(await laptop.api.fetchKeyStore()).toEqual(storeBefore);
    expect(await laptop.round()).toBe('locked');

    // The right one, as the writer types it, unlocks; then the laptop reads everything.
    const typed = recovery.text.toLowerCase().replaceAll('-', ' ');
    const unlocked = await laptop.unlockWithRecovery(typed);
    expect(unlocked.state).toBe('open');
    expect((await openRound(laptop.round)).unsettled).toEqual([]);
    expect((await laptop.device.moments()).map((m) => m.text).sort()).toEqual(
      [
        `Lunch with ${words.lunch}`,
        `Ran further ${words.edited}`,
        `Written while locked ${whileLocked}`,
      ].sort(),
    );
    expect((await laptop.device.draft(WEEK))?.body).toBe(compiledBody);
    expect(await laptop.device.settings()).toMatchObject({
      tagNames: { running: `Running ${words.tag}` },
      titleTemplate: `${words.title} {week}`,
    });
    expect((await laptop.device.store.syncState()).pending).toBe(0);
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    expect(await phone.device.moments()).toEqual(await laptop.device.moments());

    // Nowhere on the server: not a table, not the database's files, not its debug log.
    const records = await serverRecords(suite.app, phone.account.userId);
    expect(records).toHaveLength(6);
    for (const r of records) expect(r.payload, r.id).toMatch(/^wnp\./);
    const looked = [...Object.values(words), whileLocked];
    const values = (await everyValue(suite.app)).join('\n');
    // The scan sees what is there: the records' ids and their sealed payloads.
    expect(values).toContain(run.id);
    expect(values).toContain(records[0]!.payload);
    for (const word of looked) expect(values).not.toContain(word);
    if (name === 'SQLite') {
      const bytes = sqliteFiles(suite.dataDir);
      expect(bytes).toContain(run.id);
      for (const word of looked) expect(bytes).not.toContain(word);
    }
    const log = suite.log.join('');
    expect(log).toContain('/api/sync/push');
    for (const word of looked) expect(log).not.toContain(word);
  });

  it('an account from before encryption is re-sealed by one device, the other reads it all once unlocked, and plaintext is refused from then on', async () => {
    const phone = await suite.device();
    const laptop = await suite.device(phone.account.userId);
    const words = { one: marker('one'), two: marker('two'), draft: marker('draft') };
    await phone.device.capture(`First ${words.one}`);
    const gone = await phone.device.capture('Captured and deleted');
    await phone.device.writeDraft(WEEK, `Draft ${words.draft}`);
    await phone.device.setSettings({ series: 7 });
    await laptop.device.capture(`Laptop ${words.two}`);
    await phone.device.sync();
    await laptop.device.sync();
    await phone.device.remove(gone.id);
    await phone.device.sync();
    const plain = await serverRecords(suite.app, phone.account.userId);
    expect(plain.filter((r) => r.payload.startsWith('{'))).not.toHaveLength(0);

    // The phone finds no key: it makes one and re-seals every record at its current version.
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    const sealed = await serverRecords(suite.app, phone.account.userId);
    expect(sealed.map((r) => [r.id, r.version])).toEqual(plain.map((r) => [r.id, r.version + 1]));
    for (const r of sealed) expect(isSealedOrEmpty(r.payload), r.id).toBe(true);
    expect(sealed.filter((r) => r.payload !== '')).toHaveLength(
      plain.filter((r) => r.payload !== '').length,
    );
    expect((await phone.device.store.syncState()).pending).toBe(0);

    // The laptop, still without the key, pushes nothing; plaintext is refused with a 409.
    const late = marker('late');
    await laptop.device.capture(`Late ${late}`);
    expect(await laptop.round()).toBe('locked');
    await expect(laptop.device.sync()).rejects.toThrow(/end-to-end encrypted/);
    const refused = await laptop.device.session.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations: [testMutation(uuidv7(), 0, `{"text":"${late}"}`)] },
    });
    expect(refused.statusCode).toBe(409);
    expect(await serverRecords(suite.app, phone.account.userId)).toEqual(sealed);

    // A recovery key made on the phone unlocks the laptop, which reads everything.
    const text = await phone.device.on(() => replaceRecoveryKey(phone.api));
    const unlocked = await laptop.unlockWithRecovery(text);
    expect(unlocked.state).toBe('open');
    expect((await openRound(laptop.round)).unsettled).toEqual([]);
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    for (const device of [phone.device, laptop.device]) {
      const live = (await device.moments()).filter((m) => m.deletedAt === null);
      expect(live.map((m) => m.text).sort()).toEqual(
        [`First ${words.one}`, `Laptop ${words.two}`, `Late ${late}`].sort(),
      );
      expect((await device.draft(WEEK))?.body).toBe(`Draft ${words.draft}`);
      expect((await device.settings()).series).toBe(7);
      expect((await device.store.syncState()).pending).toBe(0);
    }
    const after = await serverRecords(suite.app, phone.account.userId);
    for (const r of after) expect(isSealedOrEmpty(r.payload), r.id).toBe(true);
    expect(JSON.stringify(after)).not.toContain(late);
  });

  it('plaintext another device pushes just before the key is made is read, merged and sealed, and nothing sticks', async () => {
    const phone = await suite.device();
    const laptop = await suite.device(phone.account.userId);
    const shared = await phone.device.capture('Shared moment');
    await phone.device.sync();
    await laptop.device.sync();
    const words = { edit: marker('edit'), fresh: marker('fresh') };
    // The laptop (not yet on a version with encryption) syncs in plaintext while the phone's
    // migration is between its plaintext round and making the key. The phone is waiting on the
    // network then, so the laptop's storage calls run alone, and the phone's database is set back.
    const inner = phone.device.remote;
    let between = true;
    phone.device.remote = {
      push: (mutations) => inner.push(mutations),
      async pull(since, limit) {
        const page = await inner.pull(since, limit);
        if (between) {
          between = false;
          await laptop.device.edit(shared.id, `Edited on the laptop ${words.edit}`);
          await laptop.device.capture(`New on the laptop ${words.fresh}`);
          await laptop.device.sync();
          await phone.device.on(() => Promise.resolve());
        }
        return page;
      },
    };
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    expect(between).toBe(false);
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    const records = await serverRecords(suite.app, phone.account.userId);
    expect(records).toHaveLength(2);
    for (const r of records) expect(r.payload, r.id).toMatch(/^wnp\./);
    expect((await phone.device.store.syncState()).pending).toBe(0);
    expect(JSON.stringify(records)).not.toMatch(new RegExp(`${words.edit}|${words.fresh}`));

    const text = await phone.device.on(() => replaceRecoveryKey(phone.api));
    await laptop.unlockWithRecovery(text);
    expect((await openRound(laptop.round)).unsettled).toEqual([]);
    for (const device of [phone.device, laptop.device]) {
      expect((await device.moments()).map((m) => m.text).sort()).toEqual([
        `Edited on the laptop ${words.edit}`,
        `New on the laptop ${words.fresh}`,
      ]);
    }
  });
});
