import { z } from '../validation/zod';
import type { Commitment } from './commitment-record';
import type { Draft, Moment } from './records';

/** What a record's time must be, as the server requires of every pushed time. */
export const ISO_TIME = 'an ISO 8601 time with its offset';

/**
 * A record's time: ISO 8601 date, time and offset (`2026-11-16T09:30:00.000Z`), the form the
 * server accepts on a push. A record with any other time would be refused on every push.
 */
const time = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true, error: `must be ${ISO_TIME}` }));
/** A time the app only shows, never sends on its own (a kept version's). */
const shownTime = z.string().max(40);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A moment as stored (without its search words). */
export const momentSchema = z.object({
  id: z.string().max(80),
  text: z.string().max(100_000),
  createdAt: time,
  timeZone: z.string().max(100),
  localDate: day,
  tags: z.array(z.string().max(200)).max(500),
  people: z.array(z.string().max(200)).max(500),
  nextWeek: z.boolean(),
  private: z.boolean(),
  updatedAt: time,
  deletedAt: time.nullable(),
  conflictOf: z.string().max(80).nullable().optional(),
  commitmentId: z.string().max(80).nullable().optional(),
});

/** A draft as stored. */
export const draftSchema = z.object({
  id: z.string().max(80),
  weekStart: day,
  title: z.string().max(1000),
  body: z.string().max(400_000),
  status: z.enum(['draft', 'published']),
  publishedOn: day.nullable(),
  publishedUrl: z.string().max(2000).nullable(),
  publishedHash: z.string().max(100).nullable().optional(),
  momentIds: z.array(z.string().max(80)).max(10_000),
  dismissedMomentIds: z.array(z.string().max(80)).max(10_000),
  checklist: z
    .array(
      z.object({
        text: z.string().max(2000),
        state: z.enum(['open', 'done', 'carried', 'dropped']),
      }),
    )
    .max(500),
  createdAt: time,
  updatedAt: time,
  deletedAt: time.nullable(),
  conflict: z
    .object({ title: z.string().max(1000), body: z.string().max(400_000), at: shownTime })
    .nullable()
    .optional(),
  post: z
    .object({
      kind: z.enum(['wordpress', 'micropub']),
      site: z.string().max(2000),
      remoteId: z.string().max(2000),
      url: z.string().max(2000),
      status: z.enum(['draft', 'publish']),
      sentAt: time,
      hash: z.string().max(100),
    })
    .nullable()
    .optional(),
});

/** A commitment as stored. */
export const commitmentSchema = z.object({
  id: z.string().max(80),
  text: z.string().max(2000),
  weekStart: day,
  position: z.number().int().min(0).max(10_000),
  madeIn: z.string().max(1000),
  state: z.enum(['open', 'done', 'dropped']),
  closedIn: day.nullable(),
  createdAt: time,
  updatedAt: time,
  deletedAt: time.nullable(),
  otherText: z.string().max(20_000).nullable().optional(),
});

export { encodeRecord } from './record-payload';

const TIME_FIELDS = ['createdAt', 'updatedAt', 'deletedAt'] as const;
const isIsoTime = z.iso.datetime({ offset: true });

/**
 * A pulled record with its times in the form the server now requires. Older servers accepted any
 * time `Date.parse` reads; such a record is still the writer's text, so it is kept, its times
 * rewritten as ISO 8601, rather than skipped for ever once the cursor moves past it.
 */
function withIsoTimes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = { ...(value as Record<string, unknown>) };
  for (const field of TIME_FIELDS) {
    const t = record[field];
    if (typeof t !== 'string' || isIsoTime.safeParse(t).success) continue;
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) record[field] = new Date(ms).toISOString();
  }
  return record;
}

/** Reads a pulled moment from a payload, or throws if it is not one. */
export function decodeMoment(payload: string): Moment {
  return momentSchema.parse(withIsoTimes(JSON.parse(payload)));
}

/** Reads a pulled draft from a payload, or throws if it is not one. */
export function decodeDraft(payload: string): Draft {
  return draftSchema.parse(withIsoTimes(JSON.parse(payload)));
}

/** Reads a pulled commitment from a payload, or throws if it is not one. */
export function decodeCommitment(payload: string): Commitment {
  return commitmentSchema.parse(withIsoTimes(JSON.parse(payload)));
}
