import { bench, describe } from 'vitest';
import { weekContaining } from '../week/iso-week';
import { compile } from './compile';
import { testMoment } from './test-moments';

const week = weekContaining('2026-11-16', 1);
const moments = Array.from({ length: 200 }, (_, i) =>
  testMoment(
    `m${i}`,
    `2026-11-${String(16 + (i % 5)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:00:00.000+00:00`,
    `Moment ${i}: met @Priya about the service centre and the budget #${['budget', 'hiring', 'data'][i % 3]}`,
    { nextWeek: i % 20 === 0, private: i % 15 === 0 },
  ),
);
const settings = {
  titleTemplate: 'Weeknote v{series}.{week}',
  series: 10,
  grouping: 'day' as const,
  themeHeadings: false,
  tagNames: {},
};

describe('compile', () => {
  bench('a 200-moment week, grouped by day', () => {
    compile(moments, week, settings, undefined, new Date('2026-11-20T16:00:00Z'));
  });
  bench('a 200-moment week, grouped by tag', () => {
    compile(
      moments,
      week,
      { ...settings, grouping: 'tag', themeHeadings: true },
      undefined,
      new Date('2026-11-20T16:00:00Z'),
    );
  });
});
