import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveStream, reconnectDelay, REPLACED_PAUSE_MS, type LiveOptions } from './live-stream';

class FakeSource {
  closed = false;
  private readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data?: object): void {
    for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(data) });
  }
}

/** A live stream over fake sources; `log` says what it did, in order. */
function setup(cursor = 5, extra: Partial<LiveOptions> = {}) {
  const sources: FakeSource[] = [];
  const log: string[] = [];
  const live = liveStream({
    open: () => {
      const source = new FakeSource();
      sources.push(source);
      log.push('open');
      return source;
    },
    cursor: () => Promise.resolve(cursor),
    pull: () => log.push('pull'),
    random: () => 1,
    ...extra,
  });
  const last = (): FakeSource => {
    const source = sources[sources.length - 1];
    if (!source) throw new Error('no stream opened');
    return source;
  };
  return { live, log, sources, last };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('reconnectDelay', () => {
  it.each([
    [0, 1, 1000],
    [1, 1, 2000],
    [3, 1, 8000],
    [10, 1, 60_000],
    [0, 0, 500],
    [10, 0, 30_000],
  ])('after %i failures (random %d) waits %i ms', (failures, random, ms) => {
    expect(reconnectDelay(failures, () => random)).toBe(ms);
  });
});

describe('liveStream', () => {
  it('pulls when the server is past the cursor, on ready and on changed', async () => {
    const { live, log, last } = setup(5);
    live.start();
    last().emit('ready', { seq: 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(live.up).toBe(true);
    expect(log).toEqual(['open']);
    last().emit('changed', { seq: 4 });
    last().emit('changed', { seq: 9 });
    last().emit('changed', { seq: 'nine' });
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['open', 'pull']);
  });

  it('catches up when a dropped stream comes back, waiting longer after each failure', async () => {
    const { live, log, last } = setup(5);
    live.start();
    last().emit('ready', { seq: 5 });
    last().emit('error');
    expect(live.up).toBe(false);
    expect(log).toEqual(['open', 'pull']); // the stream was up: what was missed is pulled now
    await vi.advanceTimersByTimeAsync(999);
    expect(log).toEqual(['open', 'pull']);
    await vi.advanceTimersByTimeAsync(1);
    last().emit('error'); // the server is still down: no pull, a longer wait
    await vi.advanceTimersByTimeAsync(1999);
    expect(log).toEqual(['open', 'pull', 'open']);
    await vi.advanceTimersByTimeAsync(1);
    last().emit('ready', { seq: 8 });
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['open', 'pull', 'open', 'open', 'pull']);
    // Being ready again starts the backoff afresh.
    last().emit('error');
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['open', 'pull', 'open', 'open', 'pull', 'pull', 'open']);
  });

  it('asks for a round at once when the session ended, and waits long when replaced', async () => {
    const { live, log, last } = setup();
    live.start();
    last().emit('signed-out', {});
    expect(log).toEqual(['open', 'pull']);
    await vi.advanceTimersByTimeAsync(1000);
    last().emit('replaced', {});
    await vi.advanceTimersByTimeAsync(REPLACED_PAUSE_MS - 1);
    expect(log).toEqual(['open', 'pull', 'open']);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['open', 'pull', 'open', 'open']);
  });

  it('stops for good, and ignores what a closed stream still says', async () => {
    const { live, log, sources, last } = setup(5);
    live.start();
    live.start();
    const first = last();
    live.stop();
    expect(first.closed).toBe(true);
    first.emit('changed', { seq: 9 });
    first.emit('error');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(log).toEqual(['open']);
    expect(sources).toHaveLength(1);
  });

  it('reconnects at once when asked, closing the old stream', async () => {
    const { live, log, sources } = setup();
    live.reconnect(); // not started: nothing
    live.start();
    live.reconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['open', 'open']);
    expect(sources.map((s) => s.closed)).toEqual([true, false]);
  });

  it('keeps one stream per device: a second tab waits until the first lets go', async () => {
    let holder: Promise<void> = Promise.resolve();
    // One lock, handed over in turn, as navigator.locks does.
    const lead: LiveOptions['lead'] = (signal, held) => {
      const turn = holder.then(() => (signal.aborted ? undefined : held()));
      holder = turn.catch(() => undefined);
      return turn;
    };
    const one = setup(5, { lead });
    const two = setup(5, { lead });
    one.live.start();
    two.live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect([one.log, two.log]).toEqual([['open'], []]);
    one.live.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(two.log).toEqual(['open']);
  });
});
