import { liveSeqSchema } from './live-protocol';

/** The parts of EventSource live sync uses (tests give their own). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/** What the live stream needs from the app. */
export interface LiveOptions {
  /** Opens the stream: the browser's EventSource on our server, in the app. */
  open: () => EventSourceLike;
  /** The newest seq this device has pulled. */
  cursor: () => Promise<number>;
  /** Asks for a sync round now (the sync service runs one at a time). */
  pull: () => void;
  /**
   * Waits to lead, then holds the lead while `held` runs: one tab per device keeps the stream,
   * and the others see its pulls in IndexedDB (Web Locks, in the app). Leads at once when absent.
   */
  lead?: (signal: AbortSignal, held: () => Promise<void>) => Promise<unknown>;
  random?: () => number;
}

/** The device's stream of "something changed" from the server. */
export interface LiveStream {
  /** Opens the stream and keeps it open (again after every failure) until `stop`. */
  start: () => void;
  stop: () => void;
  /** Opens it again now, after the network came back or the app woke up. */
  reconnect: () => void;
  /** Whether the stream is open and the server has said it is ready. */
  readonly up: boolean;
}

/** Wait before connecting again: about 1 s, 2 s, 4 s … up to a minute, with jitter. */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  return Math.min(60_000, 1000 * 2 ** failures) * (0.5 + random() / 2);
}

/** After the server closed this stream for a newer one, wait this long before trying again. */
export const REPLACED_PAUSE_MS = 5 * 60_000;

function seqOf(event: { data?: unknown }): number | null {
  try {
    const parsed = liveSeqSchema.safeParse(JSON.parse(String(event.data)));
    return parsed.success ? parsed.data.seq : null;
  } catch {
    return null;
  }
}

/**
 * Keeps one event stream open to the server while signed in (ADR 0013). A `changed` or `ready`
 * event whose seq is past the device's cursor asks for a sync round; so does the stream dropping
 * once it was up, which is how a reconnect catches up. Failures reconnect with backoff; while the
 * stream is down the sync service polls instead.
 */
export function liveStream(options: LiveOptions): LiveStream {
  const random = options.random ?? Math.random;
  let wanted = false;
  let leading = false;
  let source: EventSourceLike | null = null;
  let up = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let resign: (() => void) | null = null;
  let waiting: AbortController | null = null;

  async function pullIfBehind(seq: number | null): Promise<void> {
    if (seq === null || source === null) return;
    const cursor = await options.cursor().catch(() => -1);
    if (seq > cursor) options.pull();
  }

  /** Closes the stream and connects again later; a stream that was up asks for a round first. */
  function drop(retryIn: number, pullNow = up): void {
    source?.close();
    source = null;
    up = false;
    // What happened while it was down is pulled now, and a signed-out device finds out.
    if (pullNow) options.pull();
    if (timer) clearTimeout(timer);
    timer = setTimeout(connect, retryIn);
  }

  function connect(): void {
    timer = null;
    if (!wanted || !leading || source) return;
    const opened = options.open();
    source = opened;
    const mine = (listener: (event: { data?: unknown }) => void) => (event: { data?: unknown }) => {
      if (source === opened) listener(event);
    };
    opened.addEventListener(
      'ready',
      mine((event) => {
        up = true;
        failures = 0;
        void pullIfBehind(seqOf(event));
      }),
    );
    opened.addEventListener(
      'changed',
      mine((event) => void pullIfBehind(seqOf(event))),
    );
    opened.addEventListener(
      'signed-out',
      mine(() => drop(reconnectDelay(failures++, random), true)),
    );
    opened.addEventListener(
      'replaced',
      mine(() => drop(REPLACED_PAUSE_MS)),
    );
    opened.addEventListener(
      'error',
      mine(() => drop(reconnectDelay(failures++, random))),
    );
  }

  function close(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    source?.close();
    source = null;
    up = false;
  }

  return {
    get up() {
      return up;
    },
    start() {
      if (wanted) return;
      wanted = true;
      failures = 0;
      if (!options.lead) {
        leading = true;
        return connect();
      }
      const controller = new AbortController();
      waiting = controller;
      options
        .lead(
          controller.signal,
          () =>
            new Promise<void>((release) => {
              waiting = null;
              if (controller.signal.aborted) return release();
              leading = true;
              resign = () => {
                leading = false;
                release();
              };
              connect();
            }),
        )
        .catch(() => undefined); // aborted while waiting
    },
    stop() {
      wanted = false;
      close();
      waiting?.abort();
      waiting = null;
      resign?.();
      resign = null;
    },
    reconnect() {
      if (!wanted || !leading) return;
      close();
      failures = 0;
      connect();
    },
  };
}
