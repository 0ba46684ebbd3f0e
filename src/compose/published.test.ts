import { describe, expect, it } from 'vitest';
import { changedSincePublished, isWebAddress, shortDate, textFingerprint } from './published';

const published = (title: string, body: string, hashOf = { title, body }) => ({
  status: 'published' as const,
  title,
  body,
  publishedHash: textFingerprint(hashOf.title, hashOf.body),
});

const PINNED = '19v4i67vt1n';

describe('textFingerprint', () => {
  it('is the same for the same words and differs for any other', () => {
    // Pinned: a fingerprint stored on a draft must mean the same text on every device and version.
    expect(textFingerprint('Weeknote v10.47', 'Body\n')).toBe(PINNED);
    expect(textFingerprint('Weeknote v10.47', 'Body\n')).not.toBe(
      textFingerprint('Weeknote v10.47', 'Bodz\n'),
    );
    expect(textFingerprint('Weeknote v10.47', 'Body')).not.toBe(
      textFingerprint('Weeknote v10.48', 'Body'),
    );
    // The title and body are not run together: moving a line between them is a change.
    expect(textFingerprint('A', 'B\nC')).not.toBe(textFingerprint('A\nB', 'C'));
  });
});

describe('changedSincePublished', () => {
  it.each([
    ['unchanged', published('T', 'Body'), false],
    [
      'only trailing blank lines added',
      published('T', 'Body\n\n\n', { title: 'T', body: 'Body' }),
      false,
    ],
    ['body edited', published('T', 'Body, edited', { title: 'T', body: 'Body' }), true],
    ['title edited', published('T2', 'Body', { title: 'T', body: 'Body' }), true],
    [
      'published before fingerprints were kept',
      { ...published('T', 'x'), publishedHash: undefined },
      false,
    ],
    [
      'a draft',
      { ...published('T', 'x', { title: 'T', body: 'y' }), status: 'draft' as const },
      false,
    ],
  ])('%s', (_case, draft, changed) => {
    expect(changedSincePublished(draft)).toBe(changed);
  });
});

describe('shortDate', () => {
  it.each([
    ['2026-12-04', '2026-12-10', '4 December'],
    ['2025-12-04', '2026-01-02', '4 December 2025'],
  ])('%s seen on %s is %s', (date, today, expected) => {
    expect(shortDate(date, today)).toBe(expected);
  });
});

describe('isWebAddress', () => {
  it.each([
    ['https://example.org/weeknote-47', true],
    ['http://example.org', true],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['https://example.org/a b', false],
  ])('%s', (address, ok) => {
    expect(isWebAddress(address)).toBe(ok);
  });
});
