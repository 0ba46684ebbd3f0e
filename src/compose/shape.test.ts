import { describe, expect, it } from 'vitest';
import {
  addTheme,
  canMove,
  gatherByTag,
  moveBy,
  moveTo,
  parseShape,
  removeTheme,
  renameTheme,
  setLeftOut,
  shapeFor,
  themeTitle,
  type WeekShape,
} from './shape';
import { testMoment } from './test-moments';

const at = (d: number) => `2026-11-${16 + d}T09:00:00.000+00:00`;
const a = testMoment('a', at(0), 'Signs up #ServiceCentre');
const b = testMoment('b', at(1), 'Paper drafted #budget');
const c = testMoment('c', at(2), 'Coffee with a starter');
const d = testMoment('d', at(3), 'Queue down #servicecentre');
const n = testMoment('n', at(4), 'Agree the paper', { nextWeek: true });
const all = [a, b, c, d, n];

describe('shapeFor', () => {
  it.each([
    ['day', { loose: ['a', 'b', 'c', 'd'], themes: [], next: ['n'], leftOut: [] }],
    [
      'tag',
      {
        loose: ['c'],
        themes: [
          { key: 'tag:servicecentre', name: '', tag: 'ServiceCentre', ids: ['a', 'd'] },
          { key: 'tag:budget', name: '', tag: 'budget', ids: ['b'] },
        ],
        next: ['n'],
        leftOut: [],
      },
    ],
  ] as const)('starts from the grouping setting: %s', (grouping, shape) => {
    expect(shapeFor(all, null, grouping)).toEqual(shape);
  });

  it('keeps a stored shape, tolerating moments added, deleted and changed since', () => {
    const stored: WeekShape = {
      loose: ['c', 'gone', 'c', 'n'],
      themes: [
        { key: 'tag:budget', name: '', tag: 'budget', ids: ['b', 'a'] },
        { key: 'own:1', name: 'Mine', tag: null, ids: [] },
        { key: 'tag:budget', name: '', tag: 'budget', ids: ['d'] },
      ],
      next: ['gone2'],
      leftOut: ['b', 'gone'],
    };
    const added = testMoment('e', at(5), 'More #budget news');
    const plain = testMoment('f', at(5), 'Plain');
    const now = [a, b, c, n, added, plain, { ...d, private: true }];
    // Private moments are never handed in; this stands for what compile passes.
    expect(
      shapeFor(
        now.filter((m) => !m.private),
        stored,
        'day',
      ),
    ).toEqual({
      loose: ['c', 'f'],
      themes: [
        { key: 'tag:budget', name: '', tag: 'budget', ids: ['b', 'a', 'e'] },
        { key: 'own:1', name: 'Mine', tag: null, ids: [] },
      ],
      next: ['n'],
      leftOut: ['b'],
    });
  });
});

describe('parseShape', () => {
  it.each([
    ['', null],
    ['not json', null],
    ['null', null],
    ['{"loose":[],"themes":[],"next":[]}', null],
    ['{"loose":[1],"themes":[],"next":[],"leftOut":[]}', null],
    ['{"loose":[],"themes":[{"key":"own:1"}],"next":[],"leftOut":[]}', null],
  ])('refuses %j', (text, shape) => {
    expect(parseShape(text)).toBe(shape);
  });

  it('reads back what was stored', () => {
    const shape = setLeftOut(addTheme(shapeFor(all, null, 'tag'), 'Mine'), 'c', true);
    expect(parseShape(JSON.stringify(shape))).toEqual(shape);
  });
});

describe('changing the shape', () => {
  const gathered = shapeFor(all, null, 'tag');

  it('moves a step within a theme and across theme edges, never into next week', () => {
    expect(moveBy(gathered, 'd', -1).themes[0]?.ids).toEqual(['d', 'a']);
    const up = moveBy(gathered, 'a', -1);
    expect(up.loose).toEqual(['c', 'a']);
    expect(up.themes[0]?.ids).toEqual(['d']);
    const down = moveBy(gathered, 'b', 1);
    expect(down).toBe(gathered);
    expect(canMove(gathered, 'b', 1)).toBe(false);
    expect(canMove(gathered, 'c', -1)).toBe(false);
    expect(canMove(gathered, 'n', -1)).toBe(false);
    expect(moveBy(gathered, 'c', 1).themes[0]?.ids).toEqual(['c', 'a', 'd']);
  });

  it('moves to a place and index, refusing to mix next week with the rest', () => {
    expect(moveTo(gathered, 'c', 'tag:budget', 0).themes[1]?.ids).toEqual(['c', 'b']);
    expect(moveTo(gathered, 'a', 'tag:servicecentre', 9).themes[0]?.ids).toEqual(['d', 'a']);
    expect(moveTo(gathered, 'c', 'next', 0)).toBe(gathered);
    expect(moveTo(gathered, 'n', 'loose', 0)).toBe(gathered);
    expect(moveTo(gathered, 'c', 'own:9', 0)).toBe(gathered);
  });

  it('makes, renames and removes themes; gathering twice changes nothing', () => {
    const own = addTheme(addTheme(gathered, 'One'), 'Two');
    expect(own.themes.map((t) => t.key)).toEqual([
      'tag:servicecentre',
      'tag:budget',
      'own:1',
      'own:2',
    ]);
    const renamed = renameTheme(own, 'own:2', 'Good news');
    expect(renamed.themes[3]?.name).toBe('Good news');
    expect(removeTheme(renamed, 'tag:servicecentre').loose).toEqual(['c', 'a', 'd']);
    expect(gatherByTag(gathered, all)).toEqual(gathered);
  });

  it('leaves out and brings back', () => {
    const out = setLeftOut(setLeftOut(gathered, 'c', true), 'c', true);
    expect(out.leftOut).toEqual(['c']);
    expect(setLeftOut(out, 'c', false).leftOut).toEqual([]);
  });

  it('names a tag’s theme from the tag and the writer’s names', () => {
    const [service] = gathered.themes;
    if (!service) throw new Error('no theme');
    expect(themeTitle(service, {})).toBe('Service Centre');
    expect(themeTitle(service, { servicecentre: 'The service centre' })).toBe('The service centre');
    expect(themeTitle({ ...service, tag: null, name: ' Mine ' }, {})).toBe('Mine');
  });
});
