import { describe, expect, it } from 'vitest';
import { weekContaining } from '../week/iso-week';
import { renderTitle, templateProblem } from './title-template';

describe('renderTitle', () => {
  it.each([
    ['Weeknote v{series}.{week}', '2026-11-16', 10, 'Weeknote v10.47'],
    ['Weeknote {week}.{yy}', '2022-03-21', 1, 'Weeknote 12.22'],
    ['Week {week} of {yyyy}', '2026-01-05', 1, 'Week 02 of 2026'],
    ['{yyyy}-W{week}', '2021-01-03', 1, '2020-W53'],
    ['{week}.{yy}', '2024-12-30', 1, '01.25'],
    ['Notes {unknown} {series}', '2026-11-16', 3, 'Notes {unknown} 3'],
    ['No tokens', '2026-11-16', 3, 'No tokens'],
  ])('%s for %s gives %s', (template, date, series, title) => {
    expect(renderTitle(template, weekContaining(date, 1), series)).toBe(title);
  });
});

describe('templateProblem', () => {
  it('names unknown tokens', () => {
    expect(templateProblem('v{series}.{wk} {mm}')).toBe(
      'Unknown tokens {wk}, {mm}. Use {series}, {week}, {yy} or {yyyy}.',
    );
    expect(templateProblem('  ')).toMatch(/empty/);
    expect(templateProblem('Weeknote v{series}.{week}')).toBeNull();
  });
});

describe('names Object.prototype has', () => {
  const week = weekContaining('2026-11-16', 1);
  const names = Object.getOwnPropertyNames(Object.prototype);

  it.each(names)('{%s} renders as typed and is named as unknown', (name) => {
    const template = `Weeknote {${name}} v{series}`;
    expect(() => renderTitle(template, week, 3)).not.toThrow();
    expect(renderTitle(template, week, 3)).toBe(`Weeknote {${name}} v3`);
    expect(templateProblem(template)).toBe(
      `Unknown token {${name}}. Use {series}, {week}, {yy} or {yyyy}.`,
    );
  });
});
