import { describe, expect, it } from 'vitest';
import { archiveMonths, excerpt, filedOn } from './archive';
import { testDraft } from './test-moments';

const TODAY = '2026-12-10';

describe('excerpt', () => {
  it.each([
    [
      'leaves out the week line and headings, and strips Markdown',
      'Week beginning 30 November\n\n## Monday\n\nI spent **most** of the _week_ with [Priya](https://example.org) & `Sam`.',
      'I spent most of the week with Priya & Sam.',
    ],
    [
      'keeps list items and quotes as words, drops images and HTML',
      '- Hired a *designer*\n- [ ] Budget paper\n\n> Quote &amp; more\n\n![chart](x.png) <b>bold</b>',
      'Hired a designer Budget paper Quote & more bold',
    ],
    ['is empty for a body with no prose', 'Week beginning 30 November\n\n## Next week\n', ''],
  ])('%s', (_case, body, expected) => {
    expect(excerpt(body)).toBe(expected);
  });

  it('cuts a long body at a word, near 160 characters', () => {
    const body = `Week beginning 30 November\n\n${'Lots happened in the service centre this week. '.repeat(10)}`;
    const text = excerpt(body);
    expect(text.length).toBeLessThanOrEqual(161);
    expect(text.length).toBeGreaterThan(120);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/\s…$/);
    expect(body).toContain(text.slice(0, -1));
  });
});

describe('filing and order', () => {
  const published = testDraft('2026-11-30', 'A\n', {
    title: 'Weeknote v10.49',
    status: 'published',
    publishedOn: '2026-12-04',
    publishedUrl: 'https://example.org/v10-49',
  });

  it.each([
    ['a note published on 4 December is filed on that day', published, '2026-12-04'],
    ['a draft is filed on its week’s last day', testDraft('2026-11-30', 'A'), '2026-12-06'],
    ['a draft whose week ends next month goes there', testDraft('2026-11-27', 'A'), '2026-12-03'],
    [
      'a post with no date falls back to its week’s end',
      testDraft('2026-11-16', 'A', { status: 'published' }),
      '2026-11-22',
    ],
  ])('%s', (_case, draft, day) => {
    expect(filedOn(draft)).toBe(day);
  });

  it('groups by month, newest first, with the week, status, excerpt and live post', () => {
    const months = archiveMonths(
      [
        testDraft('2026-11-16', 'Week beginning 16 November\n\nOlder note.', {
          status: 'published',
          publishedOn: '2026-11-20',
          publishedUrl: 'javascript:alert(1)',
        }),
        published,
        testDraft('2026-12-07', 'Still a draft.'),
        testDraft('2025-12-01', 'Last year.', { status: 'published', publishedOn: '2025-12-05' }),
      ],
      TODAY,
    );
    expect(months.map((m) => m.label)).toEqual(['December 2026', 'November 2026', 'December 2025']);
    const [december, november, lastYear] = months;
    expect(december?.entries.map((e) => [e.week, e.status, e.postUrl])).toEqual([
      ['Week beginning 7 December', 'Draft', null],
      ['Week beginning 30 November', 'Published 4 December', 'https://example.org/v10-49'],
    ]);
    expect(november?.entries[0]).toMatchObject({ excerpt: 'Older note.', postUrl: null });
    expect(lastYear?.entries[0]).toMatchObject({
      week: 'Week beginning 1 December 2025',
      status: 'Published 5 December 2025',
    });
  });
});
