import { describe, expect, it } from 'vitest';
import type { Commitment } from '../storage/commitment-record';
import { saidParagraph } from './said-paragraph';

const c = (text: string, weekStart: string, madeIn: string): Commitment => ({
  id: `commitment-${weekStart}-${text.length}`,
  text,
  weekStart,
  position: text.charCodeAt(0),
  madeIn,
  state: 'done',
  closedIn: '2026-11-23',
  createdAt: `${weekStart}T09:00:00.000Z`,
  updatedAt: '2026-11-27T09:00:00.000Z',
  deletedAt: null,
});

describe('saidParagraph', () => {
  it.each<[string, Commitment[], string]>([
    ['nothing done', [], ''],
    [
      'one from last week',
      [c('Fix the boiler', '2026-11-16', 'Weeknote v10.47')],
      'Last week I said: “Fix the boiler”. Done.',
    ],
    [
      'two from an older weeknote, by its title',
      [
        c('Fix the boiler.', '2026-11-02', 'Weeknote v10.45'),
        c('Hire a designer', '2026-11-02', 'Weeknote v10.45'),
      ],
      'In Weeknote v10.45 I said: “Fix the boiler” and “Hire a designer”. Both done.',
    ],
    [
      'three, and weeks in order',
      [
        c('C', '2026-11-16', 'v10.47'),
        c('A', '2026-10-26', 'w/c 26 October'),
        c('B', '2026-10-26', 'w/c 26 October'),
        c('D', '2026-10-26', 'w/c 26 October'),
      ],
      'In w/c 26 October I said: “A”, “B” and “D”. All done. Last week I said: “C”. Done.',
    ],
  ])('%s', (_case, done, expected) => {
    expect(saidParagraph(done, '2026-11-23')).toBe(expected);
  });
});
