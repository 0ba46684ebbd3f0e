import { describe, expect, it } from 'vitest';
import { startingText } from './early-text';

describe('startingText', () => {
  it.each([
    // unsaved, typed before scripts, shared → in the box
    ['', '', '', ''],
    ['Kept from last time', '', '', 'Kept from last time'],
    ['', 'Typed early', '', 'Typed early'],
    ['Kept', 'Kept and more', '', 'Kept and more'],
    ['Kept', 'Typed early', '', 'Kept\nTyped early'],
    ['', 'Typed early', 'https://example.org', 'Typed early\n\nhttps://example.org'],
    ['Kept', 'Typed', 'Shared', 'Kept\nTyped\n\nShared'],
    ['', '', 'Shared', 'Shared'],
  ])('%j + %j + %j → %j', (unsaved, typed, shared, expected) => {
    expect(startingText(unsaved, typed, shared)).toBe(expected);
  });
});
