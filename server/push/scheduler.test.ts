/**
 * The schedule on a moving clock: each reminder fires once a week at the writer's local time,
 * through both of London's clock changes in 2026 (Sunday 29 March and Sunday 25 October).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testAccount, type TestDevice } from '../test-support.js';
import {
  browserSubscription,
  startPushService,
  type LocalPushService,
} from './test-push-service.js';
import { reminderServer, testClock } from './test-server.js';

/** The clock moves in half hours, so each step lands on a reminder's time exactly. */
const STEP_MS = 30 * 60 * 1000;
/** A scan of three weeks is some thousand rounds, each a transaction. */
const SCAN_TIMEOUT_MS = 30_000;

describe.each(ENGINES)(
  'the reminder schedule across the clock changes ($name)',
  ({ databaseUrl }) => {
    const clock = testClock('2026-03-16T00:00:00Z');
    let app: FastifyInstance;
    let closeServer: () => Promise<void>;
    let push: LocalPushService;
    /** When the local push service received each push, by path. */
    const firedAt = new Map<string, string[]>();

    beforeAll(async () => {
      ({ app, close: closeServer } = await reminderServer(databaseUrl, clock));
      push = await startPushService();
    });
    afterAll(async () => {
      await closeServer();
      await push.close();
    });

    async function writer(path: string, settings: object): Promise<TestDevice> {
      const device = await testAccount(app);
      const sub = browserSubscription(`${push.url}${path}`);
      await device.request({ method: 'PUT', url: '/api/push/subscription', payload: sub.json });
      const res = await device.request({ method: 'PUT', url: '/api/reminders', payload: settings });
      expect(res.statusCode, res.body).toBe(200);
      return device;
    }

    /** Moves the clock from `from` to `to` in half-hour steps, sending what is due at each. */
    async function run(from: string, to: string): Promise<void> {
      firedAt.clear();
      for (let t = Date.parse(from); t <= Date.parse(to); t += STEP_MS) {
        clock.at = new Date(t);
        const before = push.received.length;
        await app.reminders.sendDue(clock.at);
        for (const r of push.received.slice(before)) {
          firedAt.set(r.path, [...(firedAt.get(r.path) ?? []), clock.at.toISOString()]);
        }
      }
    }

    const friday = {
      enabled: true,
      weekday: 5,
      time: '15:00',
      timeZone: 'Europe/London',
      nudge: null,
    };
    // 01:30 does not happen on 29 March, and happens twice on 25 October.
    const sunday = { ...friday, weekday: 0, time: '01:30' };

    it(
      'fires Friday 15:00 London time once a week through March, at 15:00 GMT then 15:00 BST',
      async () => {
        clock.at = new Date('2026-03-16T00:00:00Z');
        await writer('/march/friday', friday);
        await writer('/march/sunday', sunday);
        await run('2026-03-16T00:00:00Z', '2026-04-06T00:00:00Z');
        expect(firedAt.get('/march/friday')).toEqual([
          '2026-03-20T15:00:00.000Z',
          '2026-03-27T15:00:00.000Z',
          '2026-04-03T14:00:00.000Z',
        ]);
        // 01:30 on the Sunday the clocks go forward is 02:30 BST (01:30 UTC), once.
        expect(firedAt.get('/march/sunday')).toEqual([
          '2026-03-22T01:30:00.000Z',
          '2026-03-29T01:30:00.000Z',
          '2026-04-05T00:30:00.000Z',
        ]);
      },
      SCAN_TIMEOUT_MS,
    );

    it(
      'fires Friday 15:00 London time once a week through October, at 15:00 BST then 15:00 GMT',
      async () => {
        clock.at = new Date('2026-10-19T00:00:00Z');
        await writer('/october/friday', friday);
        await writer('/october/sunday', sunday);
        await run('2026-10-19T00:00:00Z', '2026-11-09T00:00:00Z');
        expect(firedAt.get('/october/friday')).toEqual([
          '2026-10-23T14:00:00.000Z',
          '2026-10-30T15:00:00.000Z',
          '2026-11-06T15:00:00.000Z',
        ]);
        // 01:30 on the Sunday the clocks go back happens twice: the reminder comes at the first.
        expect(firedAt.get('/october/sunday')).toEqual([
          '2026-10-25T00:30:00.000Z',
          '2026-11-01T01:30:00.000Z',
          '2026-11-08T01:30:00.000Z',
        ]);
      },
      SCAN_TIMEOUT_MS,
    );
  },
);
