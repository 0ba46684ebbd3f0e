import { describe, expect, it } from 'vitest';
import {
  addNextWeekItem,
  insertBeforeNextWeek,
  insertIntoSection,
  insertNewSection,
  nextWeekItems,
  removeNextWeekItem,
  sectionsOf,
} from './markdown-sections';

// A draft in the first shape, with day headings and a "## Next week" list.
const body = `Week beginning 16 November

## Monday 16 November

First.

## Friday 20 November

Second.

## Next week

- Ship it
`;

// A draft in today's shape: paragraphs and a closing "Next week…" paragraph.
const prose = `Week beginning 16 November

First.

Second.

Next week I'm mostly on holiday. Ship the form.
`;

describe('sections', () => {
  it('lists headings, ignoring code blocks', () => {
    expect(sectionsOf(`${body}\n\`\`\`\n## not a heading\n\`\`\`\n`).map((s) => s.heading)).toEqual(
      ['Monday 16 November', 'Friday 20 November', 'Next week'],
    );
  });

  it('inserts at the end of a section, keeping the rest', () => {
    expect(insertIntoSection(body, 'Monday 16 November', 'Added.')).toBe(
      body.replace('First.\n', 'First.\n\nAdded.\n'),
    );
  });

  it('inserts at the end of the draft when the section is gone', () => {
    expect(insertIntoSection('Just text', 'Missing', 'Added.')).toBe('Just text\n\nAdded.\n');
    expect(insertIntoSection('', null, 'Added.')).toBe('Added.\n');
  });

  it('inserts under the last theme heading, but before the closing paragraph', () => {
    const themed = 'Week beginning 16 November\n\n## Budget\n\nPaper.\n\nNext week ship it.\n';
    expect(insertIntoSection(themed, 'Budget', 'Added.')).toBe(
      themed.replace('Paper.\n', 'Paper.\n\nAdded.\n'),
    );
  });

  it('adds to and removes from the Next week list', () => {
    const added = addNextWeekItem(body, 'Hire a designer');
    expect(added.endsWith('- Ship it\n- Hire a designer\n')).toBe(true);
    expect(nextWeekItems(added)).toEqual(['Ship it', 'Hire a designer']);
    expect(removeNextWeekItem(added, 'Hire a designer')).toBe(body);
  });

  it('adds a new section before Next week, or at the end', () => {
    expect(insertNewSection(body, 'Saturday 21 November', 'Added.')).toBe(
      body.replace('## Next week', '## Saturday 21 November\n\nAdded.\n\n## Next week'),
    );
    expect(insertNewSection('Week beginning 16 November\n', 'Friday 20 November', 'Added.')).toBe(
      'Week beginning 16 November\n\n## Friday 20 November\n\nAdded.\n',
    );
  });

  it('adds a paragraph before the closing paragraph, or at the end without one', () => {
    expect(insertBeforeNextWeek(prose, 'Added.')).toBe(
      prose.replace('Second.\n', 'Second.\n\nAdded.\n'),
    );
    expect(insertBeforeNextWeek('Week beginning 16 November\n', 'Added.')).toBe(
      'Week beginning 16 November\n\nAdded.\n',
    );
  });

  it('leaves an item the writer reworded', () => {
    expect(removeNextWeekItem(body, 'Ship')).toBe(body);
    expect(removeNextWeekItem(prose, 'Ship the')).toBe(prose);
  });
});

describe('the closing Next week paragraph', () => {
  it.each([
    ['no closing', 'Week beginning 16 November\n\nA week.\n', []],
    ['a paragraph', prose, ["I'm mostly on holiday", 'Ship the form']],
    [
      'clauses and abbreviations',
      'Next week, e.g. the paper; Dr. Patel visits. The v10.47 post goes out! Will we ship?\n',
      ['E.g. the paper', 'Dr. Patel visits', 'The v10.47 post goes out!', 'Will we ship?'],
    ],
    ['a lead-in and a list', 'Intro.\n\nNext week:\n\n1. One\n2. Two\n', ['One', 'Two']],
    [
      'a list with no gap',
      'Next week, three things:\n- One\n- Two\n- Three',
      ['One', 'Two', 'Three'],
    ],
    [
      'the last one counts, never one in code',
      'Next week was mentioned.\n\nNext week ship it.\n\n```\nNext week not this\n```\n',
      ['Ship it'],
    ],
    [
      'a paragraph over lines',
      'Next week I am away  \nMonday and Tuesday.\nBack Wednesday.',
      ['I am away Monday and Tuesday', 'Back Wednesday'],
    ],
    ['"Next week" alone', 'Next week:\n', []],
  ])('%s', (_case, text, items) => {
    expect(nextWeekItems(text)).toEqual(items);
  });

  it('carries an item into the paragraph as a sentence, and takes it back out', () => {
    const carried = addNextWeekItem(prose, 'Hire a designer');
    expect(carried).toBe(prose.replace('Ship the form.', 'Ship the form. Hire a designer.'));
    expect(nextWeekItems(carried)).toEqual([
      "I'm mostly on holiday",
      'Ship the form',
      'Hire a designer',
    ]);
    expect(removeNextWeekItem(carried, 'Hire a designer')).toBe(prose);
  });

  it('carries an item into a closing list', () => {
    const list = 'Intro.\n\nNext week:\n\n1. One\n2. Two\n';
    const carried = addNextWeekItem(list, 'Three');
    expect(carried).toBe('Intro.\n\nNext week:\n\n1. One\n2. Two\n3. Three\n');
    expect(removeNextWeekItem(carried, 'Three')).toBe(list);
  });

  it('starts a "Next week:" list when there is nothing about next week, and removes it again', () => {
    const start = 'Week beginning 16 November\n\nA week.\n';
    const carried = addNextWeekItem(start, 'Plan');
    expect(carried).toBe(`${start}\nNext week:\n\n- Plan\n`);
    expect(nextWeekItems(carried)).toEqual(['Plan']);
    expect(removeNextWeekItem(carried, 'Plan')).toBe(start);
  });
});
