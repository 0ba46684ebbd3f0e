import { describe, expect, it } from 'vitest';
import { recordCommitments } from '../../src/commitments/record-commitments';
import { newDraft } from '../../src/compose/new-draft';
import { allCommitments, openCommitments, setCommitmentState } from '../../src/storage/commitments';
import { addDraft } from '../../src/storage/drafts';
import { deviceSuite, SimulatedDevice, serverRecords } from './devices';

const suite = deviceSuite();

// ISO weeks of 2026, weeks starting on Monday: 45 is 2 November, 47 is 16, 48 is 23.
const WEEK_45 = '2026-11-02';
const WEEK_48 = '2026-11-23';
const BODY = [
  'Week beginning 2 November',
  'A good week.',
  'Next week:',
  '1. Close three thorny issues\n2. Hire a designer\n3. Agree the budget paper',
].join('\n\n');

async function writeWeek45(device: SimulatedDevice): Promise<void> {
  await device.on(() =>
    addDraft(
      newDraft(
        WEEK_45,
        { title: 'Weeknote v10.45', body: `${BODY}\n`, momentIds: [], checklist: [] },
        '2026-11-06T16:00:00.000Z',
      ),
    ),
  );
}

const commitmentsOf = (device: SimulatedDevice) =>
  device.on(async () => (await allCommitments()).map((c) => [c.text, c.state, c.closedIn]).sort());

async function serverCommitments(userId: string) {
  return (await serverRecords(suite.app, userId)).filter((r) => r.kind === 'commitment');
}

describe('commitments between devices', () => {
  it('made in week 45, still open in week 47, done in 48, never duplicated when two devices edit them offline', async () => {
    const [phone, laptop] = await suite.phoneAndLaptop();
    await writeWeek45(phone);
    await phone.sync();
    await laptop.sync();

    // Week 47: both devices offline, each derives the week-45 commitments on its own.
    phone.online = false;
    laptop.online = false;
    const week47 = new Date('2026-11-18T09:00:00Z');
    expect(await phone.on(() => recordCommitments('2026-11-18', 1, week47))).toBe(3);
    expect(await laptop.on(() => recordCommitments('2026-11-19', 1, week47))).toBe(3);
    // Deriving again adds nothing.
    expect(await phone.on(() => recordCommitments('2026-11-18', 1, week47))).toBe(0);
    const open = await phone.on(openCommitments);
    expect(open.map((c) => [c.text, c.madeIn, c.weekStart])).toEqual([
      ['Close three thorny issues', 'Weeknote v10.45', WEEK_45],
      ['Hire a designer', 'Weeknote v10.45', WEEK_45],
      ['Agree the budget paper', 'Weeknote v10.45', WEEK_45],
    ]);
    const [thorny, designer, budget] = open.map((c) => c.id) as [string, string, string];

    // Week 48, still offline: the phone marks one done, the laptop drops another, and both
    // decide about the third (the laptop later).
    await phone.on(() => setCommitmentState(thorny, 'done', WEEK_48, '2026-11-24T09:00:00.000Z'));
    await laptop.on(() =>
      setCommitmentState(designer, 'dropped', WEEK_48, '2026-11-24T10:00:00.000Z'),
    );
    await phone.on(() =>
      setCommitmentState(budget, 'dropped', WEEK_48, '2026-11-25T09:00:00.000Z'),
    );
    await laptop.on(() => setCommitmentState(budget, 'done', WEEK_48, '2026-11-25T11:00:00.000Z'));

    phone.online = true;
    laptop.online = true;
    await phone.sync();
    await laptop.sync();
    await phone.sync();

    const expected = [
      ['Agree the budget paper', 'done', WEEK_48],
      ['Close three thorny issues', 'done', WEEK_48],
      ['Hire a designer', 'dropped', WEEK_48],
    ];
    expect(await commitmentsOf(phone)).toEqual(expected);
    expect(await commitmentsOf(laptop)).toEqual(expected);
    expect(await serverCommitments(phone.session.userId)).toHaveLength(3);
    expect((await phone.store.syncState()).pending).toBe(0);
    expect((await laptop.store.syncState()).pending).toBe(0);

    // Week 49: deriving again brings none of them back, on either device.
    const week49 = new Date('2026-12-01T09:00:00Z');
    expect(await laptop.on(() => recordCommitments('2026-12-01', 1, week49))).toBe(0);
    expect(await phone.on(openCommitments)).toEqual([]);
  });

  it('a commitment pulled by a device that never derived it arrives whole', async () => {
    const [phone, laptop] = await suite.phoneAndLaptop();
    await writeWeek45(phone);
    await phone.on(() => recordCommitments('2026-11-10', 1, new Date('2026-11-10T09:00:00Z')));
    await phone.sync();
    await laptop.sync();
    expect(await commitmentsOf(laptop)).toEqual(await commitmentsOf(phone));
    expect((await laptop.on(openCommitments)).map((c) => c.text)).toEqual([
      'Close three thorny issues',
      'Hire a designer',
      'Agree the budget paper',
    ]);
  });
});
