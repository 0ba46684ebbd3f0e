import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { createMoment } from '../../src/capture/moment';
import { newDraft } from '../../src/compose/new-draft';
import { setDatabase } from '../../src/storage/db';
import { WeeknotesDb } from '../../src/storage/schema';
import { addDraft, draftForWeek, updateDraft } from '../../src/storage/drafts';
import { addMoment, deleteMoment, editMoment } from '../../src/storage/moments';
import type { Draft, Moment, Settings } from '../../src/storage/records';
import { getSettings, updateSettings } from '../../src/storage/settings';
import { visibleMoment } from '../../src/storage/stored-moment';
import { syncStore, type SyncStore } from '../../src/storage/sync-store';
import { syncRound, type RoundResult } from '../../src/sync/engine';
import { pullResponseSchema, pushResponseSchema } from '../../src/sync/protocol';
import { SyncError, type Remote } from '../../src/sync/remote';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { testAccount, testServer, type TestDevice } from '../../server/test-support';

let names = 0;

/** A device in a test: its own IndexedDB, the real sync store and engine, and a server session. */
export class SimulatedDevice {
  db: WeeknotesDb;
  store: SyncStore;
  online = true;
  remote: Remote;
  private readonly name = `device-${++names}-${uuidv7()}`;

  constructor(readonly session: TestDevice) {
    this.db = new WeeknotesDb(this.name);
    this.store = syncStore(this.db);
    this.remote = injectRemote(session, () => this.online);
  }

  /** The app is killed and opened again: only what reached IndexedDB survives. */
  restart(): void {
    this.db.close();
    this.db = new WeeknotesDb(this.name);
    this.store = syncStore(this.db);
  }

  /** Runs storage calls against this device's database. */
  async on<T>(work: () => Promise<T>): Promise<T> {
    setDatabase(this.db);
    return work();
  }

  capture(text: string, at = new Date('2026-11-18T10:00:00Z')): Promise<Moment> {
    return this.on(async () => {
      const m = createMoment(
        { text, nextWeek: false, private: false },
        uuidv7(),
        at,
        'Europe/London',
      );
      await addMoment(m);
      return m;
    });
  }

  edit(id: string, text: string): Promise<void> {
    return this.on(() => editMoment(id, { text }, new Date().toISOString()));
  }

  remove(id: string): Promise<void> {
    return this.on(() => deleteMoment(id, new Date().toISOString()));
  }

  async writeDraft(weekStart: string, body: string): Promise<void> {
    await this.on(async () => {
      const existing = await draftForWeek(weekStart);
      const now = new Date().toISOString();
      if (existing) return updateDraft(existing.id, { body }, now);
      return addDraft(
        newDraft(weekStart, { title: 'Weeknote', body, momentIds: [], checklist: [] }, now),
      );
    });
  }

  sync(): Promise<RoundResult> {
    return syncRound(this.store, this.remote, () => new Date());
  }

  setSettings(changes: Partial<Settings>, at = new Date().toISOString()): Promise<void> {
    return this.on(() => updateSettings(changes, at));
  }

  settings(): Promise<Settings> {
    return this.on(() => getSettings());
  }

  async moments(): Promise<Moment[]> {
    const rows = await this.db.moments.orderBy('id').toArray();
    return rows.map(visibleMoment);
  }

  draft(weekStart: string): Promise<Draft | undefined> {
    return this.db.drafts.where('weekStart').equals(weekStart).first();
  }

  close(): Promise<void> {
    return this.db.delete();
  }
}

/** The server's real handlers, reached through Fastify's inject instead of the network. */
export function injectRemote(device: TestDevice, online: () => boolean): Remote {
  async function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
    if (!online()) throw new SyncError('offline', 'offline');
    const res = await device.request({ method, url, ...(payload ? { payload } : {}) });
    if (res.statusCode === 401) throw new SyncError('signed-out', res.body);
    if (res.statusCode !== 200) throw new SyncError('refused', res.body);
    return res.json<unknown>();
  }
  return {
    async push(mutations) {
      return pushResponseSchema.parse(await call('POST', '/api/sync/push', { mutations })).results;
    },
    async pull(since, limit) {
      return pullResponseSchema.parse(
        await call('GET', `/api/sync/pull?since=${since}&limit=${limit}`),
      );
    },
  };
}

/** The server's records for a user, as the devices should hold them. */
export async function serverRecords(app: FastifyInstance, userId: string) {
  return app.database.db
    .selectFrom('records')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/**
 * A real server for a test file, and a phone and laptop on one account for each test, closed
 * after it. Call once at the top of the file; `app` is there once the file's tests start.
 */
export function deviceSuite() {
  let server: FastifyInstance | undefined;
  const open: SimulatedDevice[] = [];
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.close()));
  });
  return {
    get app(): FastifyInstance {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    async phoneAndLaptop(): Promise<[SimulatedDevice, SimulatedDevice]> {
      const phoneSession = await testAccount(this.app);
      const laptopSession = await testAccount(this.app, phoneSession.userId);
      const phone = new SimulatedDevice(phoneSession);
      const laptop = new SimulatedDevice(laptopSession);
      open.push(phone, laptop);
      return [phone, laptop];
    },
  };
}
