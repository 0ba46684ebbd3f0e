import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { hardBreaks } from './hard-breaks';

const DOCUMENTS = [
  'Retro\nWent well: the demo\nDidn’t: the room\nAction: book a bigger one',
  'Week beginning 16 November\n\nOne.\n\nTwo\nlines.\n',
  '## Theme\nText under it\nand more\n\n## Next\n',
  'Next week:\n- One\n- Two\n  continued\n\nAfter.',
  'Next week:\n\n1. One\n2. Two\n',
  'A quote follows\n> quoted\n> more\n',
  'Setext heading\n---\n\nText',
  'Already broken  \nline\\\nand another',
  '```\ncode\nlines\n```\nText\nlines',
  'Trailing space \nthen',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'Text\n***\nmore',
  'Text\n<b>bold</b> more',
  '<b>bold</b> first\nsecond',
  'Text\n| not a table',
  'Text\n<div>block</div>\n',
];

describe('hardBreaks', () => {
  it.each(DOCUMENTS)('renders %j without `breaks` as the preview does with it', (markdown) => {
    const preview = marked.parse(markdown, { async: false, gfm: true, breaks: true });
    const file = marked.parse(hardBreaks(markdown), { async: false, gfm: true, breaks: false });
    expect(file).toBe(preview);
  });

  it('writes a break as two trailing spaces and leaves paragraphs alone', () => {
    expect(hardBreaks('One\nTwo\n\nThree\n')).toBe('One  \nTwo\n\nThree\n');
    expect(hardBreaks('```\na\nb\n```')).toBe('```\na\nb\n```');
  });
});
