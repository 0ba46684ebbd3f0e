import { describe, expect, it } from 'vitest';
import { nulCharacterAt } from './http.js';

describe('finding a NUL character in a body', () => {
  it.each([
    ['nothing', { a: ['b', { c: 'd' }] }, null],
    ['in a string', { a: ['b', { c: 'd\u0000' }] }, 'a.1.c'],
    ['in a key', { a: { 'k\u0000': 1 } }, 'a.k\\u0000'],
    ['the body itself', 'x\u0000', ''],
  ])('%s', (_name, body, path) => {
    expect(nulCharacterAt(body)).toBe(path);
  });

  it('walks a body nested deeper than the call stack without failing', () => {
    let body: unknown = 'bottom\u0000';
    for (let i = 0; i < 200_000; i++) body = [body];
    const path = nulCharacterAt(body);
    expect(path?.split('.')).toHaveLength(200_000);
  });
});
