import { describe, expect, it } from 'vitest';
import type { Commitment } from '../storage/commitment-record';
import { commitmentId } from './commitment-id';
import { deriveCommitments, itemsOf, newCommitments, type WeekSource } from './derive';

const NOW = '2026-11-20T17:00:00.000Z';
const week = (extra: Partial<WeekSource>): WeekSource => ({
  weekStart: '2026-11-02',
  draft: null,
  nextWeekTexts: [],
  ...extra,
});

describe('itemsOf', () => {
  it.each<[string, Partial<WeekSource>, string[]]>([
    [
      'a numbered list under the closing lead-in',
      {
        draft: {
          title: 'v10.45',
          body: 'Intro\n\nNext week:\n\n1. Fix the boiler\n2. Hire a designer\n',
        },
      },
      ['Fix the boiler', 'Hire a designer'],
    ],
    [
      'a bulleted list under a ## Next week heading',
      {
        draft: {
          title: 'v10.45',
          body: 'Intro\n\n## Next week\n\n- Fix the boiler\n- Agree the paper\n',
        },
      },
      ['Fix the boiler', 'Agree the paper'],
    ],
    [
      'the closing paragraph’s sentences',
      {
        draft: { title: 'v10.45', body: 'Intro\n\nNext week I agree the paper. Then a holiday.\n' },
      },
      ['I agree the paper', 'Then a holiday'],
    ],
    ['a draft with no Next week', { draft: { title: 'v10.45', body: 'Just a week.\n' } }, []],
    [
      'next-week moments when there is no draft',
      { nextWeekTexts: ['Fix the boiler', 'Hire a designer'] },
      ['Fix the boiler', 'Hire a designer'],
    ],
    [
      'one next-week moment',
      { nextWeekTexts: ['Agree the budget paper'] },
      ['Agree the budget paper'],
    ],
    ['nothing', {}, []],
  ])('%s', (_case, source, expected) => {
    expect(itemsOf(week(source))).toEqual(expected);
  });
});

describe('deriveCommitments', () => {
  it('names each after its draft and gives deterministic ids, once per item', () => {
    const made = deriveCommitments(
      week({
        draft: {
          title: 'Weeknote v10.45',
          body: 'Next week:\n\n- Fix the boiler\n- fix the boiler.\n',
        },
      }),
      NOW,
    );
    expect(made).toEqual([
      {
        id: commitmentId('2026-11-02', 'Fix the boiler'),
        text: 'Fix the boiler',
        weekStart: '2026-11-02',
        position: 0,
        madeIn: 'Weeknote v10.45',
        state: 'open',
        closedIn: null,
        createdAt: NOW,
        updatedAt: NOW,
        deletedAt: null,
      },
    ]);
  });

  it('names a week without a draft (or an untitled one) by its first day', () => {
    expect(deriveCommitments(week({ nextWeekTexts: ['Fix the boiler'] }), NOW)[0]?.madeIn).toBe(
      'w/c 2 November',
    );
    const untitled = week({ draft: { title: ' ', body: 'Next week:\n\n- A\n- B\n' } });
    expect(deriveCommitments(untitled, NOW)[0]?.madeIn).toBe('w/c 2 November');
  });
});

describe('newCommitments', () => {
  const derived = deriveCommitments(
    week({ weekStart: '2026-11-09', nextWeekTexts: ['Fix the boiler', 'Hire a designer'] }),
    NOW,
  );
  const [boiler, designer] = derived as [Commitment, Commitment];

  it.each<[string, Commitment[], string[]]>([
    ['none kept yet', [], ['Fix the boiler', 'Hire a designer']],
    ['already kept, even done', [{ ...boiler, state: 'done' }], ['Hire a designer']],
    ['deleted stays deleted', [{ ...designer, deletedAt: NOW }], ['Fix the boiler']],
    [
      'carried from an earlier week and still open',
      [
        {
          ...boiler,
          id: 'commitment-2026-11-02-x',
          weekStart: '2026-11-02',
          text: 'fix the boiler!',
        },
      ],
      ['Hire a designer'],
    ],
    [
      'the same words done in an earlier week: a new commitment',
      [{ ...boiler, id: 'commitment-2026-11-02-x', weekStart: '2026-11-02', state: 'done' }],
      ['Fix the boiler', 'Hire a designer'],
    ],
    [
      'kept under an id made before the account had keys, and done',
      [{ ...boiler, id: 'commitment-2026-11-09-unkeyed', state: 'done' }],
      ['Hire a designer'],
    ],
  ])('%s', (_case, existing, expected) => {
    expect(newCommitments(derived, existing).map((c) => c.text)).toEqual(expected);
  });
});
