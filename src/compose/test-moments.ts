import type { Draft, Moment } from '../storage/records';

/** A moment for tests, captured in London unless told otherwise. */
export function testMoment(
  id: string,
  at: string,
  text: string,
  extra: Partial<Moment> = {},
): Moment {
  return {
    id,
    text,
    createdAt: at,
    timeZone: 'Europe/London',
    localDate: at.slice(0, 10),
    tags: [...text.matchAll(/#([\p{L}\p{N}-]+)/gu)].map((m) => (m[1] ?? '').toLowerCase()),
    people: [],
    nextWeek: false,
    private: false,
    updatedAt: at,
    deletedAt: null,
    ...extra,
  };
}

/** A draft for tests. */
export function testDraft(weekStart: string, body: string, extra: Partial<Draft> = {}): Draft {
  return {
    id: `draft-${weekStart}`,
    weekStart,
    title: 'Weeknote',
    body,
    status: 'draft',
    publishedOn: null,
    publishedUrl: null,
    momentIds: [],
    dismissedMomentIds: [],
    checklist: [],
    createdAt: '2026-11-20T17:00:00.000Z',
    updatedAt: '2026-11-20T17:00:00.000Z',
    deletedAt: null,
    ...extra,
  };
}
