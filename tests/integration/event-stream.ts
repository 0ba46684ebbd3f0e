import type { EventSourceLike } from '../../src/sync/live-stream';

type Listener = (event: { data?: unknown }) => void;

/**
 * A server-sent event stream read with fetch, as EventSource reads it, but sending a cookie
 * (Node has no EventSource). It never reconnects by itself: the app's live stream does that. It
 * says `open` when the answer is a stream, each event by name, `comment` for a heartbeat, and
 * `error` when the stream could not open or ended. `status` is the answer's status.
 */
export class FetchEventSource implements EventSourceLike {
  status: number | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly controller = new AbortController();
  private closed = false;

  constructor(url: string, headers: Record<string, string> = {}) {
    void this.run(url, headers);
  }

  addEventListener(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
  }

  /** The network drops: the stream ends with an error, as EventSource sees it. */
  cut(): void {
    this.controller.abort();
  }

  private emit(type: string, data?: string): void {
    if (this.closed) return;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }

  private async run(url: string, headers: Record<string, string>): Promise<void> {
    try {
      const res = await fetch(url, {
        headers: { accept: 'text/event-stream', ...headers },
        signal: this.controller.signal,
      });
      this.status = res.status;
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !type.startsWith('text/event-stream') || !res.body) {
        await res.body?.cancel();
        return this.emit('error');
      }
      this.emit('open');
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Closed, refused or cut off: all the same to EventSource.
    }
    this.emit('error');
  }

  private dispatch(block: string): void {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.emit('comment', line.slice(1).trim());
      else if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length > 0) this.emit(name, data.join('\n'));
  }
}

/** Collects a stream's events by name (with their data), in the order they came. */
export function record(source: FetchEventSource, heartbeats = false): string[] {
  const seen: string[] = [];
  const names = ['open', 'ready', 'changed', 'signed-out', 'replaced', 'error'];
  for (const name of heartbeats ? [...names, 'comment'] : names) {
    source.addEventListener(name, (event) =>
      seen.push(event.data && name !== 'comment' ? `${name} ${event.data as string}` : name),
    );
  }
  return seen;
}

/** Waits until `check` holds, looking again every few milliseconds (never a fixed sleep). */
export async function until(check: () => boolean | Promise<boolean>, what = 'it'): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
