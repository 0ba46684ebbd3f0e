/**
 * The sync protocol: one definition of every message, with validators, used by the client and
 * the server alike. A record travels as a plaintext envelope (id, kind, version, seq, times,
 * deleted) and an opaque payload string, so the payload can be encrypted end to end later
 * without changing the protocol.
 */
import { z } from '../validation/zod.js';

export const RECORD_KINDS = ['moment', 'draft', 'setting', 'commitment'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The most mutations one push may carry. */
export const MAX_BATCH = 500;
/**
 * The longest payload one record may have, in characters: a sealed one (ADR 0015) is base64url
 * of the UTF-8 plaintext, so a draft at its largest (a 400,000-character body, up to three bytes
 * a character, and its moment ids) needs about 2.7 million.
 */
export const MAX_PAYLOAD_CHARS = 3_000_000;
/** The most changes one pull page may return. */
export const MAX_PULL_LIMIT = 1000;

const recordId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');
/** A time as devices send it: ISO 8601 date, time and offset (`2026-11-16T09:30:00.000Z`). */
const isoTime = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with its offset' }));
/** A time the server holds: checked as above when it arrived, or leniently by older servers. */
const heldTime = z.string().max(40);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** One change to one record, as a device sends it. */
export const mutationSchema = z.strictObject({
  mutationId: uuid,
  id: recordId,
  kind: z.enum(RECORD_KINDS),
  /** The version this change was made on; 0 for a record the device has never seen synced. */
  baseVersion: count,
  updatedAt: isoTime,
  deleted: z.boolean(),
  payload: z.string().max(MAX_PAYLOAD_CHARS),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  mutations: z.array(mutationSchema).min(1).max(MAX_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A record as the server holds it. */
export const syncRecordSchema = z.strictObject({
  id: recordId,
  kind: z.enum(RECORD_KINDS),
  version: count,
  seq: count,
  updatedAt: heldTime,
  deleted: z.boolean(),
  payload: z.string().max(MAX_PAYLOAD_CHARS),
});
export type SyncRecord = z.infer<typeof syncRecordSchema>;

/**
 * What became of a mutation: `applied` (record is the new version), `duplicate` (seen before:
 * the original result, nothing applied again) or `conflict` (the record had moved on from the
 * base version; record is the server's current version, for the device to merge).
 */
export const pushResultSchema = z.strictObject({
  mutationId: uuid,
  status: z.enum(['applied', 'duplicate', 'conflict']),
  /** For a duplicate: what the first time was. */
  replayed: z.enum(['applied', 'conflict']).optional(),
  record: syncRecordSchema,
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});

export const pullResponseSchema = z.strictObject({
  changes: z.array(syncRecordSchema),
  /** The seq of the last change returned (or `since` if none): the next `since`. */
  cursor: count,
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Every error the API gives is this shape. */
export interface ApiError {
  error: string;
  /** Which field was wrong, where one was. */
  path?: string;
}

/** A short description of the first problem zod found. */
export function describeIssues(error: z.ZodError): { error: string; path?: string } {
  const issue = error.issues[0];
  if (!issue) return { error: 'Invalid request' };
  const path = issue.path.join('.');
  return path ? { error: `${path}: ${issue.message}`, path } : { error: issue.message };
}
