import { describe, expect, it } from 'vitest';
import { weekContaining } from '../week/iso-week';
import { insertMoment, placesFor, suggestedPlace } from './offer-places';
import { testMoment } from './test-moments';

const week = weekContaining('2026-11-16', 1);
const thursday = testMoment('t', '2026-11-19T09:00:00.000+00:00', 'Thursday retro');
const budget = testMoment('b', '2026-11-19T10:00:00.000+00:00', 'Paper signed off #budget');
const plan = testMoment('p', '2026-11-19T11:00:00.000+00:00', 'Hire a designer', {
  nextWeek: true,
});

const plainDraft = 'Week beginning 16 November\n\nFirst.\n\nNext week ship the form.\n';
const themed =
  'Week beginning 16 November\n\nFirst.\n\n## Money\n\nPaper drafted.\n\nNext week:\n\n- Ship the form\n';
const oldDays =
  'Week beginning 16 November\n\n## Monday 16 November\n\nFirst.\n\n## Next week\n\n- Ship it\n';
const bare = 'Week beginning 16 November\n\nFirst.\n';

describe('where a new moment goes', () => {
  it.each([
    [
      'a paragraph draft',
      thursday,
      plainDraft,
      'before-next',
      'Week beginning 16 November\n\nFirst.\n\nThursday retro\n\nNext week ship the form.\n',
    ],
    [
      'a plan, into the paragraph',
      plan,
      plainDraft,
      'next',
      'Week beginning 16 November\n\nFirst.\n\nNext week ship the form. Hire a designer.\n',
    ],
    [
      'a plan, into the list',
      plan,
      themed,
      'next',
      themed.replace('- Ship the form\n', '- Ship the form\n- Hire a designer\n'),
    ],
    ['a plan, with no Next week yet', plan, bare, 'next', `${bare}\nNext week hire a designer.\n`],
    [
      'a tagged moment, under its theme',
      budget,
      themed,
      'h:Money',
      themed.replace('Paper drafted.\n', 'Paper drafted.\n\nPaper signed off\n'),
    ],
    ['no headings, no Next week', thursday, bare, 'end', `${bare}\nThursday retro\n`],
    [
      'an old day draft',
      thursday,
      oldDays,
      'new:Thursday 19 November',
      oldDays.replace('## Next week', '## Thursday 19 November\n\nThursday retro\n\n## Next week'),
    ],
    [
      'a plan in an old draft',
      plan,
      oldDays,
      'h:Next week',
      oldDays.replace('- Ship it\n', '- Ship it\n- Hire a designer\n'),
    ],
  ])('%s', (_case, moment, body, place, after) => {
    const names = { budget: 'Money' };
    const suggested = suggestedPlace(moment, body, names, week);
    expect(suggested).toBe(place);
    expect(placesFor(body, suggested).map((o) => o.value)).toContain(place);
    expect(insertMoment(body, moment, suggested, names)).toBe(after);
  });

  it('offers the headings, the Next week paragraph and the end', () => {
    expect(placesFor(themed, 'h:Money')).toEqual([
      { value: 'h:Money', label: 'Money' },
      { value: 'before-next', label: 'Before the Next week paragraph' },
      { value: 'next', label: 'Into the Next week list' },
      { value: 'end', label: 'The end of the draft' },
    ]);
    expect(placesFor(bare, 'end')).toEqual([{ value: 'end', label: 'The end of the draft' }]);
  });
});
