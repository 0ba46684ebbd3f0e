import { LIVE_EVENTS_PATH } from '../../src/sync/live-protocol';
import { liveStream, type LiveStream } from '../../src/sync/live-stream';
import { pullResponseSchema, pushResponseSchema } from '../../src/sync/protocol';
import { SyncError, type Remote } from '../../src/sync/remote';
import { SimulatedDevice } from './devices';
import { FetchEventSource } from './event-stream';

/** The sync API of one server over real HTTP, as a device with this cookie. */
export function httpRemote(url: () => string, cookie: string, online: () => boolean): Remote {
  async function call(path: string, body?: unknown): Promise<unknown> {
    if (!online()) throw new SyncError('offline', 'offline');
    let res: Response;
    try {
      res = await fetch(url() + path, {
        method: body ? 'POST' : 'GET',
        headers: {
          cookie,
          origin: url(),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new SyncError('offline', 'no connection');
    }
    if (res.status === 401) throw new SyncError('signed-out', await res.text());
    if (!res.ok) throw new SyncError('server', `${res.status} ${await res.text()}`);
    return res.json();
  }
  return {
    async push(mutations) {
      return pushResponseSchema.parse(await call('/api/sync/push', { mutations })).results;
    },
    async pull(since, limit) {
      return pullResponseSchema.parse(await call(`/api/sync/pull?since=${since}&limit=${limit}`));
    },
  };
}

/**
 * A device that syncs only when its live stream says so: the app's real live stream (backoff,
 * catch-up) over fetch, with no polling at all. `log` is what happened, in order: `connect`,
 * each stream event (`ready 3`, `changed 4`, `signed-out`, `error`), `pull` and how the round
 * ended (`pulled`, `failed: offline`, `failed: signed-out`; a signed-out device stops its stream).
 */
export class LiveDevice {
  readonly device: SimulatedDevice;
  readonly live: LiveStream;
  readonly log: string[] = [];
  online = true;
  private source: FetchEventSource | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    public url: string,
    readonly cookie: string,
  ) {
    this.device = new SimulatedDevice({
      userId: '',
      deviceId: '',
      cookie: '',
      request: () => Promise.reject(new Error('unused')),
    });
    this.device.remote = httpRemote(
      () => this.url,
      cookie,
      () => this.online,
    );
    this.live = liveStream({
      open: () => this.open(),
      cursor: async () => (await this.device.store.syncState()).cursor,
      pull: () => void this.round(),
      random: () => 1,
    });
  }

  private open(): FetchEventSource {
    this.log.push('connect');
    // With the network off, a connection is refused at once (nothing listens on port 1).
    const base = this.online ? this.url : 'http://127.0.0.1:1';
    const source = new FetchEventSource(base + LIVE_EVENTS_PATH, { cookie: this.cookie });
    for (const name of ['ready', 'changed', 'signed-out', 'error']) {
      source.addEventListener(name, (event) => {
        const seq = /"seq":(\d+)/.exec(typeof event.data === 'string' ? event.data : '')?.[1];
        this.log.push(seq ? `${name} ${seq}` : name);
      });
    }
    this.source = source;
    return source;
  }

  /** One sync round at a time, as the sync service runs them. */
  round(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      this.log.push('pull');
      try {
        await this.device.sync();
        this.log.push('pulled');
      } catch (err) {
        const kind = err instanceof SyncError ? err.kind : 'error';
        this.log.push(`failed: ${kind}`);
        if (kind === 'signed-out') this.live.stop();
      }
    })().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.round();
      }
    });
    return this.running;
  }

  /** The network goes: the open stream is cut, and nothing connects until it comes back. */
  goOffline(): void {
    this.online = false;
    this.source?.cut();
  }

  /** The network is back: the app reconnects at once (its `online` handler). */
  goOnline(): void {
    this.online = true;
    this.live.reconnect();
  }

  async texts(): Promise<string[]> {
    return (await this.device.moments()).map((m) => m.text);
  }

  async close(): Promise<void> {
    this.live.stop();
    await this.running;
    await this.device.close();
  }
}
