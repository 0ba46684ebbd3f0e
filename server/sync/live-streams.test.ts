import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamHub, type CloseReason, type OpenStream } from './live-streams.js';

/** A stream that records what it was sent and why it ended; `full` makes it stop reading. */
function fakeStream(userId: string, deviceId: string, session = `${userId}/${deviceId}`) {
  const sent: string[] = [];
  const stream: OpenStream & { sent: string[]; ended: CloseReason | null; full: boolean } = {
    userId,
    deviceId,
    session,
    sent,
    ended: null,
    full: false,
    write: (text) => {
      sent.push(text.trim());
      return !stream.full;
    },
    end: (reason) => {
      stream.ended = reason;
    },
  };
  return stream;
}

const limits = { perDevice: 2, perAccount: 3, heartbeatMs: 1000 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('streamHub', () => {
  it('after signals may have been missed, closes ended sessions and resends the newest seq', async () => {
    const signedIn = new Set(['u1/phone', 'u2/laptop']);
    const hub = streamHub(limits, {
      liveSessions: (sessions) => Promise.resolve(new Set(sessions.filter((s) => signedIn.has(s)))),
      latestSeqs: (users) => Promise.resolve(new Map(users.map((u) => [u, u === 'u1' ? 7 : 0]))),
    });
    const [phone, tablet, laptop] = [
      fakeStream('u1', 'phone'),
      fakeStream('u1', 'tablet'),
      fakeStream('u2', 'laptop'),
    ];
    [phone, tablet, laptop].forEach((s) => hub.add(s));
    await hub.hear({ kind: 'missed' });
    expect(tablet.ended).toBe('signed-out');
    expect(phone.sent).toEqual(['event: changed\ndata: {"seq":7}']);
    expect(laptop.sent).toEqual(['event: changed\ndata: {"seq":0}']);
    expect(tablet.sent).toEqual([]);
    expect(hub.size).toBe(2);
    hub.closeAll();
    expect([phone.ended, laptop.ended]).toEqual(['closing', 'closing']);
  });

  it('sends heartbeats, and closes a stream that stopped reading', async () => {
    const hub = streamHub(limits, {
      liveSessions: () => Promise.resolve(new Set()),
      latestSeqs: () => Promise.resolve(new Map()),
    });
    const [reading, stuck] = [fakeStream('u1', 'phone'), fakeStream('u1', 'laptop')];
    hub.add(reading);
    hub.add(stuck);
    stuck.full = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reading.sent).toEqual([': keep-alive']);
    expect(stuck.ended).toBe('slow');
    await vi.advanceTimersByTimeAsync(1000);
    expect(reading.sent).toEqual([': keep-alive', ': keep-alive']);
    expect(stuck.sent).toHaveLength(1);
    hub.closeAll();
  });
});
