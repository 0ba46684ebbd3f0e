import { describe, expect, it } from 'vitest';
import { weekContaining } from '../week/iso-week';
import { compile, newMomentsFor, type CompileSettings } from './compile';
import { insertIntoSection } from './markdown-sections';
import { testDraft, testMoment } from './test-moments';

const byDay: CompileSettings = {
  titleTemplate: 'Weeknote v{series}.{week}',
  series: 10,
  grouping: 'day',
};
const week47 = weekContaining('2026-11-16', 1);
const friday = new Date('2026-11-20T16:00:00Z');

const monday = testMoment(
  'm1',
  '2026-11-16T09:00:00.000+00:00',
  'Walked the floor with @Priya #service-centre',
);
const wednesday = testMoment(
  'm2',
  '2026-11-18T11:00:00.000+00:00',
  '@Sam started as head of operations',
);
const secret = testMoment('m3', '2026-11-18T12:00:00.000+00:00', 'Tenant case at 14 Elm Road', {
  private: true,
});
const plan = testMoment('m4', '2026-11-20T10:00:00.000+00:00', 'Agree the budget paper', {
  nextWeek: true,
});
const laterFriday = testMoment('m5', '2026-11-20T08:00:00.000+00:00', 'Budget review #budget');

describe('compile', () => {
  it('gives the title, the week line, public moments by day and a Next week section', () => {
    const draft = compile(
      [plan, secret, wednesday, monday, laterFriday],
      week47,
      byDay,
      undefined,
      friday,
    );
    expect(draft.title).toBe('Weeknote v10.47');
    expect(draft.body).toBe(
      [
        'Week beginning 16 November',
        '## Monday 16 November',
        'Walked the floor with Priya',
        '## Wednesday 18 November',
        'Sam started as head of operations',
        '## Friday 20 November',
        'Budget review',
        '## Next week',
        '- Agree the budget paper',
      ].join('\n\n') + '\n',
    );
    expect(draft.momentIds).toEqual(['m1', 'm2', 'm5', 'm4']);
  });

  it.each([
    ['an empty week', []],
    ['only private moments', [secret, { ...plan, private: true }]],
    ['only deleted moments', [{ ...monday, deletedAt: '2026-11-17T00:00:00Z' }]],
    [
      'only moments of other weeks',
      [testMoment('x', '2026-11-23T09:00:00.000+00:00', 'Next Monday')],
    ],
  ])('with %s gives just the title and week line', (_case, moments) => {
    const draft = compile(moments, week47, byDay, undefined, friday);
    expect(draft.title).toBe('Weeknote v10.47');
    expect(draft.body).toBe('Week beginning 16 November\n');
    expect(draft.momentIds).toEqual([]);
    expect(draft.body).not.toContain('Elm Road');
  });

  it('never lets a private moment through, whatever its flags', () => {
    const draft = compile(
      [secret, { ...secret, id: 'p2', nextWeek: true }],
      week47,
      byDay,
      undefined,
      friday,
    );
    expect(draft.body).not.toContain('Tenant');
  });

  it('groups by first tag in capture order, untagged last', () => {
    const moments = [
      testMoment('a', '2026-11-16T09:00:00.000+00:00', 'Signs are up #service-centre #estates'),
      testMoment('b', '2026-11-16T10:00:00.000+00:00', 'Paper drafted #budget'),
      testMoment('c', '2026-11-17T09:00:00.000+00:00', 'Coffee with a new starter'),
      testMoment('d', '2026-11-18T09:00:00.000+00:00', 'Queue times down #service-centre'),
    ];
    const draft = compile(moments, week47, { ...byDay, grouping: 'tag' }, undefined, friday);
    expect(draft.body).toBe(
      [
        'Week beginning 16 November',
        '## Service centre',
        'Signs are up',
        'Queue times down',
        '## Budget',
        'Paper drafted',
        '## Everything else',
        'Coffee with a new starter',
      ].join('\n\n') + '\n',
    );
  });

  it('puts each moment on its own local day, wherever it was captured', () => {
    const berlin = testMoment('b', '2026-11-21T00:30:00.000+01:00', 'Late train home', {
      timeZone: 'Europe/Berlin',
      localDate: '2026-11-21',
    });
    const newYork = testMoment('n', '2026-11-20T19:30:00.000-05:00', 'Call with the US team', {
      timeZone: 'America/New_York',
      localDate: '2026-11-20',
    });
    const draft = compile([berlin, newYork], week47, byDay, undefined, friday);
    expect(draft.body).toContain('## Friday 20 November\n\nCall with the US team');
    expect(draft.body).toContain('## Saturday 21 November\n\nLate train home');
  });

  it('handles a week across the year end', () => {
    const week53 = weekContaining('2027-01-01', 1);
    const moments = [
      testMoment('a', '2026-12-31T09:00:00.000+00:00', 'Last day of the year'),
      testMoment('b', '2027-01-01T09:00:00.000+00:00', 'New year'),
      testMoment('c', '2027-01-04T09:00:00.000+00:00', 'Back at work'),
    ];
    const draft = compile(
      moments,
      week53,
      { ...byDay, titleTemplate: 'Weeknote {week}.{yy} ({yyyy})' },
      undefined,
      new Date('2027-01-01T17:00:00Z'),
    );
    expect(draft.title).toBe('Weeknote 53.26 (2026)');
    expect(draft.body).toContain('Week beginning 28 December 2026');
    expect(draft.body).toContain('## Thursday 31 December\n\nLast day of the year');
    expect(draft.body).toContain('## Friday 1 January\n\nNew year');
    expect(draft.body).not.toContain('Back at work');
  });

  it("offers last week's Next week items as a checklist", () => {
    const lastWeek = testDraft(
      '2026-11-09',
      'Week beginning 9 November\n\n## Next week\n\n1. Hire a designer\n2. Ship the form\n- [ ] Book the away day\n\n## Thanks\n\n- Not a plan\n',
    );
    const draft = compile([monday], week47, byDay, lastWeek, friday);
    expect(draft.checklist).toEqual([
      { text: 'Hire a designer', state: 'open' },
      { text: 'Ship the form', state: 'open' },
      { text: 'Book the away day', state: 'open' },
    ]);
  });
});

describe('recompiling', () => {
  it('keeps the writer’s edits and offers only the new moments', () => {
    const first = compile([monday, secret], week47, byDay, undefined, friday);
    const edited = testDraft(
      '2026-11-16',
      first.body.replace('Walked the floor', 'I spent the morning on the floor') +
        '\nA paragraph I wrote myself.\n',
      {
        momentIds: first.momentIds,
      },
    );
    const added = testMoment('m9', '2026-11-20T15:00:00.000+00:00', 'Retro with the team');
    const offered = newMomentsFor(edited, [monday, secret, added, wednesday], week47);
    expect(offered.map((m) => m.id)).toEqual(['m2', 'm9']);
    const withWednesday = insertIntoSection(edited.body, null, 'Sam started as head of operations');
    expect(withWednesday).toContain('I spent the morning on the floor with Priya');
    expect(withWednesday).toContain('A paragraph I wrote myself.');
    expect(
      withWednesday.endsWith('A paragraph I wrote myself.\n\nSam started as head of operations\n'),
    ).toBe(true);
  });

  it('does not offer moments the writer left out', () => {
    const draft = testDraft('2026-11-16', 'x', { momentIds: ['m1'], dismissedMomentIds: ['m2'] });
    expect(newMomentsFor(draft, [monday, wednesday, plan], week47).map((m) => m.id)).toEqual([
      'm4',
    ]);
  });
});
