import { describe, expect, it } from 'vitest';
import { sameJson } from './same-json';

describe('sameJson', () => {
  it.each([
    ['equal strings', 'a', 'a', true],
    ['different strings', 'a', 'b', false],
    ['a number and its string', 1, '1', false],
    ['null and null', null, null, true],
    ['null and an empty object', null, {}, false],
    ['null and a missing value', null, undefined, false],
    ['keys in another order', { a: 1, b: 'x' }, { b: 'x', a: 1 }, true],
    ['nested keys in another order', { c: { t: 'T', b: 'B' } }, { c: { b: 'B', t: 'T' } }, true],
    ['a different nested value', { c: { t: 'T', b: 'B' } }, { c: { b: 'B', t: 'U' } }, false],
    ['an undefined property and a missing one', { a: 1, c: undefined }, { a: 1 }, true],
    ['a null property and a missing one', { a: 1, c: null }, { a: 1 }, false],
    ['an extra key', { a: 1 }, { a: 1, b: 2 }, false],
    ['the same keys under other names', { a: 1, b: undefined }, { a: 1, c: undefined }, true],
    ['arrays in order', [1, { a: 2, b: 3 }], [1, { b: 3, a: 2 }], true],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['arrays of different lengths', [1], [1, 1], false],
    ['an array and an object like it', [1], { 0: 1 }, false],
    ['an empty array and an empty object', [], {}, false],
  ])('%s', (_name, a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
    expect(sameJson(b, a)).toBe(expected);
  });
});
