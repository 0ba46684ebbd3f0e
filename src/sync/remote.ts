import type { z } from '../validation/zod';
import {
  pullResponseSchema,
  pushResponseSchema,
  type Mutation,
  type PullResponse,
  type PushResult,
  type SyncRecord,
} from './protocol';

/** Why a sync request failed: no network, not signed in, or the server said no. */
export class SyncError extends Error {
  constructor(
    readonly kind: 'offline' | 'signed-out' | 'refused' | 'server',
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/**
 * A record as the engine receives it: opened, or `problem` saying why it could not be, and
 * `replaceable` when no device of the writer's can ever open it (changed, moved, another
 * account's, or plaintext): not written by them, so their own version may replace it.
 */
export type ReceivedRecord = SyncRecord & { problem?: string; replaceable?: boolean };

/** A pull page as the engine receives it; `heldBack` when it stopped before a record it cannot open yet. */
export interface ReceivedPage extends Omit<PullResponse, 'changes'> {
  changes: ReceivedRecord[];
  heldBack?: { id: string; kind: SyncRecord['kind']; reason: string };
}

/** The server, as the sync engine sees it. */
export interface Remote {
  push(mutations: Mutation[]): Promise<(PushResult & { record: ReceivedRecord })[]>;
  /** Told of a batch that will be pushed next, to get it ready meanwhile (sealing it). */
  prepare?(mutations: Mutation[]): void;
  pull(since: number, limit: number): Promise<ReceivedPage>;
}

/** Makes a JSON request to our own server, turning every failure into a SyncError. */
export async function requestJson<T>(
  path: string,
  schema: z.ZodType<T>,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new SyncError('offline', 'No connection to the Weeknotes server.');
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (data as { error?: unknown } | null)?.error;
    const text = typeof message === 'string' ? message : `The server answered ${response.status}.`;
    if (response.status === 401) throw new SyncError('signed-out', text, 401);
    throw new SyncError(response.status >= 500 ? 'server' : 'refused', text, response.status);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new SyncError('server', 'The server sent an answer Weeknotes could not read.');
  return parsed.data;
}

/** The real server over HTTP. */
export const httpRemote: Remote = {
  async push(mutations) {
    const { results } = await requestJson('/api/sync/push', pushResponseSchema, {
      method: 'POST',
      body: { mutations },
    });
    return results;
  },
  pull(since, limit) {
    return requestJson(`/api/sync/pull?since=${since}&limit=${limit}`, pullResponseSchema);
  },
};
