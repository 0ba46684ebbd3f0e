import { describe, expect, it } from 'vitest';
import { testDraft, testMoment } from '../compose/test-moments';
import type { Moment } from '../storage/records';
import { resolveDraft, resolveMoment as resolveAny } from './resolve';

const resolveMoment = (...args: Parameters<typeof resolveAny>) => {
  const r = resolveAny(...args);
  return { ...r, record: r.record as Moment };
};

const now = new Date('2026-11-20T18:00:00Z');
const base = testMoment('m', '2026-11-20T09:00:00.000+00:00', 'Original words');

describe('resolveMoment', () => {
  it('keeps both texts when both devices edited: theirs in place, mine as a conflict copy', () => {
    const mine = { ...base, text: 'Edited on the phone' };
    const theirs = { ...base, text: 'Edited on the laptop' };
    const r = resolveMoment(base, mine, theirs, now);
    expect(r.record.text).toBe('Edited on the laptop');
    expect(r.copies).toHaveLength(1);
    expect(r.copies[0]).toMatchObject({
      text: 'Edited on the phone',
      conflictOf: 'm',
      deletedAt: null,
    });
    expect(r.copies[0]!.id).not.toBe('m');
    expect(r.pushAgain).toBe(false);
  });

  it('takes the one side that changed the text, and merges flags field by field', () => {
    const mine = { ...base, nextWeek: true };
    const theirs = { ...base, text: 'Fixed a typo' };
    const r = resolveMoment(base, mine, theirs, now);
    expect(r.record).toMatchObject({ text: 'Fixed a typo', nextWeek: true });
    expect(r.copies).toEqual([]);
    expect(r.pushAgain).toBe(true);
  });

  it('keeps a moment private when one device marked it and the other edited it', () => {
    const r = resolveMoment(
      base,
      { ...base, private: true },
      { ...base, text: 'Edited there' },
      now,
    );
    expect(r.record).toMatchObject({ private: true, text: 'Edited there' });
    expect(r.pushAgain).toBe(true);
  });

  it('never lets a delete beat an edit', () => {
    const deletedHere = resolveMoment(
      base,
      { ...base, deletedAt: 'T' },
      { ...base, text: 'Edited there' },
      now,
    );
    expect(deletedHere.record).toMatchObject({ text: 'Edited there', deletedAt: null });
    const deletedThere = resolveMoment(
      base,
      { ...base, text: 'Edited here' },
      { ...base, deletedAt: 'T' },
      now,
    );
    expect(deletedThere.record).toMatchObject({ text: 'Edited here', deletedAt: null });
    expect(deletedThere.pushAgain).toBe(true);
  });

  it('agrees at once when both sides are the same', () => {
    const r = resolveMoment(base, { ...base, text: 'Same' }, { ...base, text: 'Same' }, now);
    expect(r).toMatchObject({ copies: [], pushAgain: false });
  });
});

describe('resolveDraft', () => {
  const draftBase = testDraft('2026-11-16', 'Intro\n\n## Monday\n\nMet Priya\n', {
    momentIds: ['a'],
  });

  it.each([
    ['marked as draft again here, untouched there', 'h1', null, 'h1', null],
    ['untouched here, marked as draft again there', 'h1', 'h1', null, null],
    ['published again here, untouched there', 'h1', 'h2', 'h1', 'h2'],
    ['changed on both: theirs', 'h1', 'h2', 'h3', 'h3'],
  ] as const)('the published fingerprint: %s', (_name, from, mine, theirs, expected) => {
    const r = resolveDraft(
      { ...draftBase, publishedHash: from },
      { ...draftBase, publishedHash: mine },
      { ...draftBase, publishedHash: theirs },
      now,
    );
    expect((r.record as typeof draftBase).publishedHash ?? null).toBe(expected);
  });

  it('merges a clean three-way change and pushes the merge', () => {
    const mine = {
      ...draftBase,
      body: draftBase.body.replace('Intro', 'My intro'),
      momentIds: ['a', 'b'],
    };
    const theirs = {
      ...draftBase,
      body: `${draftBase.body}\nMore from the laptop\n`,
      momentIds: ['a', 'c'],
    };
    const r = resolveDraft(draftBase, mine, theirs, now);
    expect((r.record as typeof draftBase).body).toBe(
      'My intro\n\n## Monday\n\nMet Priya\n\nMore from the laptop\n',
    );
    expect((r.record as typeof draftBase).momentIds).toEqual(['a', 'c', 'b']);
    expect((r.record as typeof draftBase).conflict ?? null).toBeNull();
    expect(r.pushAgain).toBe(true);
  });

  it('keeps both texts when the same paragraph was edited on both', () => {
    const mine = { ...draftBase, body: draftBase.body.replace('Met Priya', 'Met Priya (phone)') };
    const theirs = {
      ...draftBase,
      body: draftBase.body.replace('Met Priya', 'Met Priya (laptop)'),
    };
    const r = resolveDraft(draftBase, mine, theirs, now);
    const record = r.record as typeof draftBase;
    expect(record.body).toContain('Met Priya (laptop)');
    expect(record.conflict?.body).toContain('Met Priya (phone)');
    expect(r.pushAgain).toBe(true);
  });

  it('treats two first compiles of the same week as a merge from empty', () => {
    const mine = testDraft('2026-11-16', 'Phone compile\n');
    const theirs = testDraft('2026-11-16', 'Laptop compile\n');
    const record = resolveDraft(null, mine, theirs, now).record as typeof draftBase;
    expect(`${record.body}${record.conflict?.body ?? ''}`).toContain('Phone compile');
    expect(`${record.body}${record.conflict?.body ?? ''}`).toContain('Laptop compile');
  });

  it('keeps both sets of kept versions when each device holds a different one', () => {
    const at = '2026-11-20T10:00:00.000Z';
    const mine = {
      ...draftBase,
      conflict: { title: draftBase.title, body: 'Only on the phone', at },
    };
    const theirs = {
      ...draftBase,
      body: `${draftBase.body}More\n`,
      conflict: { title: draftBase.title, body: 'Only on the laptop', at },
    };
    const record = resolveDraft(draftBase, mine, theirs, now).record as typeof draftBase;
    expect(record.conflict?.body).toContain('Only on the phone');
    expect(record.conflict?.body).toContain('Only on the laptop');
  });

  it('agrees at once when the two differ only in key order and time of saving', () => {
    const at = '2026-11-20T10:00:00.000Z';
    const mine = { ...draftBase, conflict: { title: draftBase.title, body: 'Kept', at } };
    // The same draft as another device wrote it: its fields and kept version in another order.
    const theirs = Object.fromEntries(
      Object.entries({
        ...draftBase,
        conflict: { at, body: 'Kept', title: draftBase.title },
        updatedAt: '2026-11-20T19:00:00.000Z',
      }).reverse(),
    ) as unknown as typeof draftBase;
    const r = resolveDraft(draftBase, mine, theirs, now);
    expect(r.record).toBe(theirs);
    expect(r).toMatchObject({ copies: [], pushAgain: false });
  });

  it('does not push again when only the kept version is stored in another key order', () => {
    const at = '2026-11-20T10:00:00.000Z';
    const kept = { title: draftBase.title, body: 'Kept', at };
    const withConflict = { ...draftBase, conflict: kept };
    const mine = { ...withConflict, conflict: { at, body: 'Kept', title: draftBase.title } };
    const theirs = { ...withConflict, body: `${draftBase.body}More\n` };
    const r = resolveDraft(withConflict, mine, theirs, now);
    expect((r.record as typeof draftBase).body).toBe(theirs.body);
    expect(r.pushAgain).toBe(false);
  });

  it('takes the server version as it is when only the server changed the draft', () => {
    // Neither side has ever kept a version: one says so with null, the other leaves it out.
    const mine = { ...draftBase, conflict: null, updatedAt: '2026-11-20T18:30:00.000Z' };
    const theirs = { ...draftBase, body: `${draftBase.body}More\n` };
    delete theirs.conflict;
    const r = resolveDraft(draftBase, mine, theirs, now);
    expect(r.record).toBe(theirs);
    expect(r.pushAgain).toBe(false);
  });

  it('lets a device that resolved the kept version win over one that left it alone', () => {
    const kept = { title: draftBase.title, body: 'The other version', at: '2026-11-20T10:00:00Z' };
    const withConflict = { ...draftBase, conflict: kept };
    const mine = { ...withConflict, conflict: null, body: `${draftBase.body}Resolved\n` };
    const theirs = { ...withConflict, title: 'Renamed' };
    const record = resolveDraft(withConflict, mine, theirs, now).record as typeof draftBase;
    expect(record.conflict).toBeNull();
    expect(record.title).toBe('Renamed');
  });
});

describe('resolveMoment: the commitment a moment is progress on', () => {
  const at = '2026-11-18T10:00:00.000Z';
  const now = new Date('2026-11-18T12:00:00.000Z');
  const base = testMoment('m1', at, 'Went through two of the thorny issues');
  it.each<[string, string | null, string | null, string | null]>([
    ['linked here only', 'commitment-a', null, 'commitment-a'],
    ['linked there only, text edited here', null, 'commitment-b', 'commitment-b'],
    ['linked differently on both: the server’s', 'commitment-a', 'commitment-b', 'commitment-b'],
  ])('%s', (_case, mine, theirs, expected) => {
    const result = resolveMoment(
      base,
      { ...base, commitmentId: mine, text: theirs ? 'Went through two thorny issues' : base.text },
      { ...base, commitmentId: theirs },
      now,
    );
    expect(result.record).toMatchObject({ commitmentId: expected });
    expect(result.copies).toEqual([]);
  });
});
