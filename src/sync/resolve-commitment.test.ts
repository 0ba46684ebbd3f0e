import { describe, expect, it } from 'vitest';
import type { Commitment } from '../storage/commitment-record';
import { resolveCommitment } from './resolve-commitment';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const base: Commitment = {
  id: 'commitment-2026-11-02-abc',
  text: 'Fix the boiler',
  weekStart: '2026-11-02',
  position: 0,
  madeIn: 'Weeknote v10.45',
  state: 'open',
  closedIn: null,
  createdAt: '2026-11-09T09:00:00.000Z',
  updatedAt: '2026-11-09T09:00:00.000Z',
  deletedAt: null,
};
const at = (t: string) => `2026-11-${t}:00:00.000Z`;
const done = (time: string): Partial<Commitment> => ({
  state: 'done',
  closedIn: '2026-11-23',
  updatedAt: at(time),
});
const dropped = (time: string): Partial<Commitment> => ({
  state: 'dropped',
  closedIn: '2026-11-23',
  updatedAt: at(time),
});

describe('resolveCommitment', () => {
  it.each<
    [
      string,
      Partial<Commitment> | null,
      Partial<Commitment>,
      Partial<Commitment>,
      Partial<Commitment>,
      boolean,
    ]
  >([
    [
      'made on both devices offline, the same',
      null,
      { updatedAt: at('16T08') },
      { updatedAt: at('16T09') },
      {},
      false,
    ],
    [
      'made on both, written a little differently',
      null,
      { text: 'fix the boiler.' },
      {},
      { text: 'Fix the boiler' },
      false,
    ],
    ['done here only', {}, done('24T10'), {}, { state: 'done', closedIn: '2026-11-23' }, true],
    ['dropped there only', {}, {}, dropped('24T10'), { state: 'dropped' }, false],
    [
      'done here later than dropped there',
      {},
      done('25T10'),
      dropped('24T10'),
      { state: 'done' },
      true,
    ],
    [
      'dropped there later than done here',
      {},
      done('24T10'),
      dropped('25T10'),
      { state: 'dropped' },
      false,
    ],
    ['both done', {}, done('24T10'), done('25T10'), { state: 'done' }, false],
    [
      'reopened there, reworded here',
      done('20T10'),
      { ...done('20T10'), text: 'Fix the old boiler' },
      { state: 'open', closedIn: null, updatedAt: at('24T10') },
      { state: 'open', text: 'Fix the old boiler' },
      true,
    ],
    [
      'reworded on both: theirs stays, mine kept',
      {},
      { text: 'Fix the boiler by Friday' },
      { text: 'Replace the boiler' },
      { text: 'Replace the boiler', otherText: 'Fix the boiler by Friday' },
      true,
    ],
    [
      'deleted there, done here: the decision stays',
      {},
      done('24T10'),
      { deletedAt: at('24T11') },
      { deletedAt: null, state: 'done' },
      true,
    ],
    [
      'deleted on both',
      {},
      { deletedAt: at('24T10') },
      { deletedAt: at('24T11') },
      { deletedAt: at('24T11') },
      false,
    ],
  ])('%s', (_case, b, mine, theirs, expected, pushAgain) => {
    const result = resolveCommitment(
      b === null ? null : { ...base, ...b },
      { ...base, ...mine },
      { ...base, ...theirs },
      NOW,
    );
    expect(result.record).toMatchObject(expected);
    expect(result.pushAgain).toBe(pushAgain);
    expect(result.copies).toEqual([]);
  });

  it('keeps the server’s record exactly when nothing differs', () => {
    const theirs = { ...base, updatedAt: at('20T10') };
    expect(resolveCommitment(base, base, theirs, NOW).record).toBe(theirs);
  });

  it('never loses text kept from an earlier clash', () => {
    const earlier = { ...base, otherText: 'Fix it properly' };
    const result = resolveCommitment(
      base,
      { ...earlier, text: 'Fix the boiler this week' },
      { ...base, text: 'Replace the boiler' },
      NOW,
    );
    expect(result.record).toMatchObject({
      text: 'Replace the boiler',
      otherText: 'Fix it properly\n\nFix the boiler this week',
    });
  });
});
