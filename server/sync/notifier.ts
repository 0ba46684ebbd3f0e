/**
 * What one server process tells every process, itself included, about a writer's sync (ADR 0013).
 * Ids and a number only: never a record.
 */
export type SyncSignal =
  /** The writer's records changed up to `seq`, pushed by `deviceId`. */
  | { kind: 'changed'; userId: string; deviceId: string; seq: number }
  /** The writer's sessions or devices changed (sign-out, a revoked device): check the streams. */
  | { kind: 'access'; userId: string };

/** What a subscriber hears: a signal, or that signals may have been missed (check everything). */
export type HeardSignal = SyncSignal | { kind: 'missed' };

/** Fans signals out to every process's subscribers. */
export interface SyncNotifier {
  /** Sends a signal to every process. Never throws: a lost signal is logged and left. */
  publish: (signal: SyncSignal) => void;
  /** Hears every signal, this process's own included; returns a function that stops hearing. */
  subscribe: (listener: (signal: HeardSignal) => void) => () => void;
  close: () => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    syncSignals: SyncNotifier;
  }
}

/** Subscribers in this process, told synchronously. */
export function listeners() {
  const all = new Set<(signal: HeardSignal) => void>();
  return {
    emit: (signal: HeardSignal): void => {
      for (const listener of all) listener(signal);
    },
    subscribe: (listener: (signal: HeardSignal) => void): (() => void) => {
      all.add(listener);
      return () => all.delete(listener);
    },
  };
}

/** One process (SQLite): signals go straight to this process's subscribers. */
export function localNotifier(): SyncNotifier {
  const heard = listeners();
  return {
    publish: (signal) => heard.emit(signal),
    subscribe: heard.subscribe,
    close: () => Promise.resolve(),
  };
}
