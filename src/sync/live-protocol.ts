import { z } from '../validation/zod.js';

/**
 * Live sync (ADR 0013): the server-sent event stream that tells a signed-in device another of the
 * writer's devices changed something. It carries the newest seq only, never a record. Shared by
 * the server and the app.
 */

/** GET: `text/event-stream`, for the signed-in device only. */
export const LIVE_EVENTS_PATH = '/api/sync/events';

/**
 * The events the stream sends:
 * - `ready`: the stream is open; `seq` is the newest change the server holds for the writer.
 * - `changed`: another device pushed; `seq` is the newest change now.
 * - `signed-out`: this session ended (sign-out, a revoked device); the stream closes.
 * - `replaced`: too many streams for this device or account; this, the oldest, closes.
 * Heartbeats are comment lines, which EventSource never shows.
 */
export const LIVE_EVENTS = ['ready', 'changed', 'signed-out', 'replaced'] as const;
export type LiveEventName = (typeof LIVE_EVENTS)[number];

/** The data of `ready` and `changed`. */
export const liveSeqSchema = z.strictObject({ seq: z.number().int().nonnegative() });
export type LiveSeq = z.infer<typeof liveSeqSchema>;

/** One event as it goes on the wire. */
export function liveEvent(name: LiveEventName, data: LiveSeq | Record<string, never> = {}): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A heartbeat: keeps proxies and NAT from closing an idle stream. */
export const LIVE_HEARTBEAT = ': keep-alive\n\n';
