import { LIVE_HEARTBEAT, liveEvent } from '../../src/sync/live-protocol.js';
import type { HeardSignal } from './notifier.js';

/** Why a stream was closed by the server. */
export type CloseReason = 'signed-out' | 'replaced' | 'closing' | 'slow';

/** One open event stream, as the hub sees it. */
export interface OpenStream {
  userId: string;
  deviceId: string;
  /** The session's id hash, checked again when the writer's sessions or devices change. */
  session: string;
  /** Writes to the stream; false once it cannot keep up (the device stopped reading). */
  write: (text: string) => boolean;
  /** Ends the stream (saying why first, where the device should know). */
  end: (reason: CloseReason) => void;
}

/** Limits and timing. */
export interface HubLimits {
  /** Streams one device may hold; a new one closes its oldest. */
  perDevice: number;
  /** Streams one account may hold; a new one closes the account's oldest. */
  perAccount: number;
  /** How often a heartbeat goes to every stream. */
  heartbeatMs: number;
}

export const DEFAULT_LIMITS: HubLimits = { perDevice: 2, perAccount: 20, heartbeatMs: 25_000 };

/** What the hub asks the database. */
export interface HubQueries {
  /** Of these session hashes, those still signed in on a device that is not revoked. */
  liveSessions: (sessions: string[]) => Promise<Set<string>>;
  /** The newest seq of each writer (0 for one with no records). */
  latestSeqs: (userIds: string[]) => Promise<Map<string, number>>;
}

/**
 * The open streams of this process, by writer: who hears a change, limits on how many, heartbeats,
 * and closing those whose session ended. It holds no state any other process needs.
 */
export function streamHub(limits: HubLimits, queries: HubQueries) {
  const byUser = new Map<string, OpenStream[]>(); // oldest first
  let count = 0;

  function remove(stream: OpenStream): boolean {
    const list = byUser.get(stream.userId);
    const at = list?.indexOf(stream) ?? -1;
    if (!list || at < 0) return false;
    list.splice(at, 1);
    if (list.length === 0) byUser.delete(stream.userId);
    count--;
    return true;
  }

  function close(stream: OpenStream, reason: CloseReason): void {
    if (remove(stream)) stream.end(reason);
  }

  function send(stream: OpenStream, text: string): void {
    if (!stream.write(text)) close(stream, 'slow');
  }

  const all = (): OpenStream[] => [...byUser.values()].flat();

  /** Closes the streams whose session has ended. */
  async function recheck(streams: OpenStream[]): Promise<void> {
    for (let i = 0; i < streams.length; i += 500) {
      const chunk = streams.slice(i, i + 500);
      const live = await queries.liveSessions([...new Set(chunk.map((s) => s.session))]);
      for (const stream of chunk) if (!live.has(stream.session)) close(stream, 'signed-out');
    }
  }

  /** Tells every stream its writer's newest seq (after signals may have been missed). */
  async function resend(streams: OpenStream[]): Promise<void> {
    const users = [...new Set(streams.map((s) => s.userId))];
    for (let i = 0; i < users.length; i += 500) {
      const seqs = await queries.latestSeqs(users.slice(i, i + 500));
      for (const stream of streams) {
        const seq = seqs.get(stream.userId);
        if (seq !== undefined && byUser.get(stream.userId)?.includes(stream))
          send(stream, liveEvent('changed', { seq }));
      }
    }
  }

  const heartbeat = setInterval(() => {
    for (const stream of all()) send(stream, LIVE_HEARTBEAT);
  }, limits.heartbeatMs);
  heartbeat.unref();

  return {
    /** Streams open in this process. */
    get size(): number {
      return count;
    },

    /** Adds a stream, closing the oldest of its device's or account's beyond the limits. */
    add(stream: OpenStream): void {
      const device = (byUser.get(stream.userId) ?? []).filter(
        (s) => s.deviceId === stream.deviceId,
      );
      if (device[0] && device.length >= limits.perDevice) close(device[0], 'replaced');
      const account = byUser.get(stream.userId) ?? [];
      if (account[0] && account.length >= limits.perAccount) close(account[0], 'replaced');
      const list = byUser.get(stream.userId) ?? [];
      list.push(stream);
      byUser.set(stream.userId, list);
      count++;
    },

    /** Forgets a stream the device closed. */
    remove,

    /** Ends a stream, saying why. */
    close,

    /** Acts on a signal from any process. */
    async hear(signal: HeardSignal): Promise<void> {
      if (signal.kind === 'changed') {
        const event = liveEvent('changed', { seq: signal.seq });
        for (const stream of [...(byUser.get(signal.userId) ?? [])]) {
          // The device that pushed knows already: its own round pulls what it pushed.
          if (stream.deviceId !== signal.deviceId) send(stream, event);
        }
      } else if (signal.kind === 'access') {
        await recheck([...(byUser.get(signal.userId) ?? [])]);
      } else {
        await recheck(all());
        await resend(all());
      }
    },

    /** Ends every stream (the server is stopping) and the heartbeat. */
    closeAll(): void {
      clearInterval(heartbeat);
      for (const stream of all()) close(stream, 'closing');
    },
  };
}

export type StreamHub = ReturnType<typeof streamHub>;
