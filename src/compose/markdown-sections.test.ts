import { describe, expect, it } from 'vitest';
import {
  addNextWeekItem,
  insertIntoSection,
  insertNewSection,
  nextWeekItems,
  removeNextWeekItem,
  sectionsOf,
} from './markdown-sections';

const body = `Week beginning 16 November

## Monday 16 November

First.

## Friday 20 November

Second.

## Next week

- Ship it
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

  it('adds to and removes from the Next week list', () => {
    const added = addNextWeekItem(body, 'Hire a designer');
    expect(added.endsWith('- Ship it\n- Hire a designer\n')).toBe(true);
    expect(nextWeekItems(added)).toEqual(['Ship it', 'Hire a designer']);
    expect(removeNextWeekItem(added, 'Hire a designer')).toBe(body);
    expect(addNextWeekItem('Week beginning 16 November\n', 'Plan')).toBe(
      'Week beginning 16 November\n\n## Next week\n\n- Plan\n',
    );
  });

  it('adds a new section before Next week, or at the end', () => {
    expect(insertNewSection(body, 'Saturday 21 November', 'Added.')).toBe(
      body.replace('## Next week', '## Saturday 21 November\n\nAdded.\n\n## Next week'),
    );
    expect(insertNewSection('Week beginning 16 November\n', 'Friday 20 November', 'Added.')).toBe(
      'Week beginning 16 November\n\n## Friday 20 November\n\nAdded.\n',
    );
  });

  it('leaves an item the writer reworded', () => {
    expect(removeNextWeekItem(body, 'Ship')).toBe(body);
  });
});
