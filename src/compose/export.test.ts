// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  draftBodyText,
  draftHtml,
  draftTags,
  markdownFile,
  markdownFileName,
  plainMarkdown,
} from './export';
import { testDraft, testMoment } from './test-moments';

const draft = testDraft(
  '2026-11-16',
  'Week beginning 16 November\n\n## Monday\n\nA: colon "quoted" and #hash\n',
  {
    title: 'Weeknote v10.47: "the one with quotes" #1',
    momentIds: ['a', 'b'],
  },
);

function frontMatterOf(file: string) {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(file);
  if (!m) throw new Error('no front matter');
  return { data: parse(m[1] ?? '') as Record<string, unknown>, body: m[2] ?? '' };
}

describe('markdownFile', () => {
  it('parses back to the same title, date, tags and body', () => {
    const file = markdownFile(draft, ['weeknotes', 'budget']);
    const { data, body } = frontMatterOf(file);
    expect(data).toEqual({ title: draft.title, date: '2026-11-16', tags: ['weeknotes', 'budget'] });
    expect(body).toBe(draft.body);
    expect(file).toMatch(/^---\ntitle: /);
    expect(file).toContain('\ndate: 2026-11-16\n');
  });

  it('writes a moment’s single line breaks as hard breaks', () => {
    const lines = { ...draft, body: 'Intro.\n\nRetro\nWent well: the demo\nAction: a room\n' };
    expect(frontMatterOf(markdownFile(lines, [])).body).toBe(
      'Intro.\n\nRetro  \nWent well: the demo  \nAction: a room\n',
    );
  });
});

describe('draftTags', () => {
  it('takes tags only from public, live moments in the draft', () => {
    const moments = [
      testMoment('a', '2026-11-16T09:00:00Z', 'x #budget'),
      testMoment('b', '2026-11-16T10:00:00Z', 'y #sickness', { private: true }),
      testMoment('c', '2026-11-16T11:00:00Z', 'z #unrelated'),
    ];
    expect(draftTags(draft, moments)).toEqual(['weeknotes', 'budget']);
  });
});

describe('names and copies', () => {
  it('names the file date first', () => {
    expect(markdownFileName(draft)).toBe('2026-11-16-weeknote-v10-47-the-one-with-quotes-1.md');
  });

  it('copies Markdown with the title first', () => {
    expect(plainMarkdown(draft).startsWith(`# ${draft.title}\n\nWeek beginning`)).toBe(true);
  });

  it('copies HTML of the body alone, for a blog whose title has a field of its own', () => {
    const html = draftHtml({ ...draft, title: '<img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<h1>');
    expect(html).not.toContain('onerror');
    expect(html).toContain('<h2>Monday</h2>');
    expect(draftBodyText(draft)).toBe(`${draft.body.trimEnd()}\n`);
    expect(draftBodyText(draft)).not.toContain(draft.title);
  });
});
