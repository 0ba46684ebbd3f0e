import { describe, expect, it } from 'vitest';
import { weekContaining } from '../week/iso-week';
import { compile, newMomentsFor, type CompileSettings } from './compile';
import { insertIntoSection, nextWeekItems } from './markdown-sections';
import { addTheme, gatherByTag, moveTo, setLeftOut, shapeFor } from './shape';
import { testDraft, testMoment } from './test-moments';

const plain: CompileSettings = {
  titleTemplate: 'Weeknote v{series}.{week}',
  series: 10,
  grouping: 'day',
  themeHeadings: false,
  tagNames: {},
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
const retro = testMoment(
  'm6',
  '2026-11-19T15:00:00.000+00:00',
  'Retro on the #BlueBadge form\nWent well: the demo\nDidn’t: the room\nAction: book a bigger one',
);

const paragraphs = (...blocks: string[]) => `${blocks.join('\n\n')}\n`;

describe('compile', () => {
  it('gives the title, the week line, a paragraph per moment and a closing Next week', () => {
    const draft = compile(
      [plan, secret, wednesday, monday, laterFriday],
      week47,
      plain,
      undefined,
      friday,
    );
    expect(draft.title).toBe('Weeknote v10.47');
    expect(draft.body).toBe(
      paragraphs(
        'Week beginning 16 November',
        'Walked the floor with Priya',
        'Sam started as head of operations',
        'Budget review',
        'Next week agree the budget paper.',
      ),
    );
    expect(draft.body).not.toMatch(/^## /m);
    expect(draft.momentIds).toEqual(['m1', 'm2', 'm5', 'm4']);
    expect(draft.dismissedMomentIds).toEqual([]);
  });

  it('keeps a multi-line moment’s lines and reads tags and people as words', () => {
    const draft = compile([retro], week47, plain, undefined, friday);
    expect(draft.body).toBe(
      paragraphs(
        'Week beginning 16 November',
        'Retro on the Blue Badge form\nWent well: the demo\nDidn’t: the room\nAction: book a bigger one',
      ),
    );
  });

  it.each([
    ['camelCase split', 'Signed off the #BlueBadge form', {}, 'Signed off the Blue Badge form'],
    ['hyphens', 'Plans for #parking-permits', {}, 'Plans for parking permits'],
    ['underscores', 'Plans for #parking_permits', {}, 'Plans for parking permits'],
    ['one word stays one', 'Demo of the #dataplatform', {}, 'Demo of the dataplatform'],
    [
      'the writer’s name',
      'Demo of the #dataplatform',
      { dataplatform: 'Data Platform' },
      'Demo of the Data Platform',
    ],
    [
      'people',
      'Lunch with @PriyaShah and @sam',
      { '@sam': 'Sam Jones' },
      'Lunch with Priya Shah and Sam Jones',
    ],
  ])('names: %s', (_case, text, tagNames, prose) => {
    const m = testMoment('t', '2026-11-17T09:00:00.000+00:00', text);
    const draft = compile([m], week47, { ...plain, tagNames }, undefined, friday);
    expect(draft.body).toBe(paragraphs('Week beginning 16 November', prose));
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
    const draft = compile(moments, week47, plain, undefined, friday);
    expect(draft.title).toBe('Weeknote v10.47');
    expect(draft.body).toBe('Week beginning 16 November\n');
    expect(draft.momentIds).toEqual([]);
    expect(draft.body).not.toContain('Elm Road');
  });

  it('never lets a private moment through, whatever its flags or the shape says', () => {
    const both = [secret, { ...secret, id: 'p2', nextWeek: true }];
    const shape = { loose: ['m3'], themes: [], next: ['p2'], leftOut: [] };
    const draft = compile(both, week47, plain, undefined, friday, shape);
    expect(draft.body).not.toContain('Tenant');
    expect(draft.momentIds).toEqual([]);
  });

  const tagged = [
    testMoment('a', '2026-11-16T09:00:00.000+00:00', 'Signs are up #service-centre #estates'),
    testMoment('b', '2026-11-16T10:00:00.000+00:00', 'Paper drafted #budget'),
    testMoment('c', '2026-11-17T09:00:00.000+00:00', 'Coffee with a new starter'),
    testMoment('d', '2026-11-18T09:00:00.000+00:00', 'Queue times down #service-centre'),
  ];

  it.each([
    [
      'themes off: they only decide the order',
      false,
      ['Coffee with a new starter', 'Signs are up', 'Queue times down', 'Paper drafted'],
    ],
    [
      'themes on: a heading over each',
      true,
      [
        'Coffee with a new starter',
        '## Service centre',
        'Signs are up',
        'Queue times down',
        '## Budget',
        'Paper drafted',
      ],
    ],
  ])('gathered by tag, %s', (_case, themeHeadings, blocks) => {
    const settings = { ...plain, grouping: 'tag' as const, themeHeadings };
    const draft = compile(tagged, week47, settings, undefined, friday);
    expect(draft.body).toBe(paragraphs('Week beginning 16 November', ...blocks));
  });

  it('follows the writer’s shape: order, own themes, left-out moments', () => {
    const moments = [...tagged, plan];
    let shape = gatherByTag(shapeFor(moments, null, 'day'), moments);
    shape = addTheme(shape, 'Good news');
    shape = moveTo(shape, 'd', 'own:1', 0);
    shape = moveTo(shape, 'c', 'tag:budget', 0);
    shape = setLeftOut(shape, 'a', true);
    const settings = { ...plain, themeHeadings: true, tagNames: { budget: 'Money' } };
    const draft = compile(moments, week47, settings, undefined, friday, shape);
    expect(draft.body).toBe(
      paragraphs(
        'Week beginning 16 November',
        '## Money',
        'Coffee with a new starter',
        'Paper drafted',
        '## Good news',
        'Queue times down',
        'Next week agree the budget paper.',
      ),
    );
    expect(draft.momentIds).toEqual(['c', 'b', 'd', 'm4']);
    expect(draft.dismissedMomentIds).toEqual(['a']);
  });

  it.each([
    ['one plan: a paragraph', [plan], 'Next week agree the budget paper.'],
    [
      'short fragments: a list',
      [
        plan,
        testMoment('n2', '2026-11-20T11:00:00.000+00:00', 'Hire a designer', { nextWeek: true }),
      ],
      'Next week:\n\n- Agree the budget paper\n- Hire a designer',
    ],
    [
      'the writer’s own words',
      [
        testMoment('n3', '2026-11-20T11:00:00.000+00:00', "Next week I'm mostly on holiday", {
          nextWeek: true,
        }),
      ],
      "Next week I'm mostly on holiday.",
    ],
  ])('next week: %s', (_case, moments, closing) => {
    const draft = compile(moments, week47, plain, undefined, friday);
    expect(draft.body).toBe(paragraphs('Week beginning 16 November', closing));
  });

  it('puts each moment in its own local day’s week, wherever it was captured', () => {
    const berlin = testMoment('b', '2026-11-23T00:30:00.000+01:00', 'Late train home', {
      timeZone: 'Europe/Berlin',
      localDate: '2026-11-23',
    });
    const newYork = testMoment('n', '2026-11-22T19:30:00.000-05:00', 'Call with the US team', {
      timeZone: 'America/New_York',
      localDate: '2026-11-22',
    });
    const draft = compile([berlin, newYork], week47, plain, undefined, friday);
    expect(draft.body).toContain('Call with the US team');
    expect(draft.body).not.toContain('Late train home');
  });

  it.each([
    [
      '2026-W53, compiled on 1 January',
      '2027-01-01',
      new Date('2027-01-01T17:00:00Z'),
      'Weeknote 53.26 (2026)',
      'Week beginning 28 December 2026',
    ],
    [
      '2026-W53, compiled on 31 December',
      '2026-12-31',
      new Date('2026-12-31T17:00:00Z'),
      'Weeknote 53.26 (2026)',
      'Week beginning 28 December',
    ],
    [
      '2027-W52, with 1 January 2028 in it',
      '2028-01-01',
      new Date('2028-01-01T12:00:00Z'),
      'Weeknote 52.27 (2027)',
      'Week beginning 27 December 2027',
    ],
  ])('across the year end: %s', (_case, day, now, title, line) => {
    const week = weekContaining(day, 1);
    const moments = [
      testMoment('a', `${week.start}T09:00:00.000+00:00`, 'First day of the week'),
      testMoment('b', `${day}T09:00:00.000+00:00`, 'New year'),
      testMoment('c', `${week.end}T09:00:00.000+00:00`, 'Back at work'),
    ];
    const settings = { ...plain, titleTemplate: 'Weeknote {week}.{yy} ({yyyy})' };
    const draft = compile(moments, week, settings, undefined, now);
    expect(draft.title).toBe(title);
    expect(draft.body).toBe(paragraphs(line, 'First day of the week', 'New year'));
  });

  it.each([
    [
      'an old "## Next week" list',
      'Week beginning 9 November\n\n## Next week\n\n1. Hire a designer\n2. Ship the form\n- [ ] Book the away day\n\n## Thanks\n\n- Not a plan\n',
      ['Hire a designer', 'Ship the form', 'Book the away day'],
    ],
    [
      'a closing paragraph',
      'Week beginning 9 November\n\nA good week.\n\nNext week hire a designer. Ship the form; book the away day.\n',
      ['Hire a designer', 'Ship the form', 'Book the away day'],
    ],
    [
      'a closing list',
      'Week beginning 9 November\n\nNext week:\n\n- Hire a designer\n- Ship the form\n',
      ['Hire a designer', 'Ship the form'],
    ],
  ])("offers last week's next week items as a checklist: %s", (_case, body, items) => {
    const lastWeek = testDraft('2026-11-09', body);
    const draft = compile([monday], week47, plain, lastWeek, friday);
    expect(draft.checklist).toEqual(items.map((text) => ({ text, state: 'open' })));
  });

  it('reads back its own closing as the items it was made from', () => {
    const plans = ['Hire a designer', 'Ship the form before the board on Tuesday.'].map((t, i) =>
      testMoment(`p${i}`, '2026-11-20T10:00:00.000+00:00', t, { nextWeek: true }),
    );
    const draft = compile(plans, week47, plain, undefined, friday);
    expect(nextWeekItems(draft.body)).toEqual([
      'Hire a designer',
      'Ship the form before the board on Tuesday',
    ]);
  });
});

describe('recompiling', () => {
  it('keeps the writer’s edits and offers only the new moments', () => {
    const first = compile([monday, secret], week47, plain, undefined, friday);
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

  it('does not offer moments the writer left out, then or while shaping', () => {
    const draft = testDraft('2026-11-16', 'x', { momentIds: ['m1'], dismissedMomentIds: ['m2'] });
    expect(newMomentsFor(draft, [monday, wednesday, plan], week47).map((m) => m.id)).toEqual([
      'm4',
    ]);
  });
});
