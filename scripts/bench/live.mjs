// Live sync (ADR 0013): one moment from a phone to an open laptop, on SQLite and on PostgreSQL
// with the two on different server processes; and what an idle event stream costs the server.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { addPasskeyAuthenticator } from '../chromium.mjs';
import { launch, phone as phoneContext } from './browser.mjs';
import { startServer } from './server.mjs';
import { summarise } from './stats.mjs';

const TRIPS = 20;
const localhost = (s) => s.url.replace('127.0.0.1', 'localhost');

const synced = () => {
  const s = document.querySelector('.sync-status');
  return s?.getAttribute('data-state') === 'synced' && !/waiting/.test(s.textContent ?? '');
};

/** The phone signs up on `phoneUrl`; the laptop joins with a link code on `laptopUrl`. */
async function signUpAndLink(browser, phoneUrl, laptopUrl) {
  const phoneCtx = await phoneContext(browser);
  const phone = await phoneCtx.newPage();
  await addPasskeyAuthenticator(phoneCtx, phone);
  await phone.goto(`${phoneUrl}/settings`);
  await phone.getByRole('button', { name: 'Create an account with a passkey' }).click();
  await phone.getByRole('button', { name: 'I have saved them' }).click();
  await phone.getByRole('button', { name: 'Show a code to link another device' }).click();
  const code = await phone.locator('.link-code').textContent();
  const laptopCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const laptop = await laptopCtx.newPage();
  await laptop.goto(`${laptopUrl}/settings`);
  await laptop.getByLabel('Code from your other device').fill(code ?? '');
  await laptop.getByRole('button', { name: 'Join with code' }).click();
  // The key hand-over (ADR 0015): confirmed on the phone once both show the same number.
  await phone.getByRole('button', { name: 'The numbers match' }).click({ timeout: 60_000 });
  await laptop.waitForFunction(synced, null, { timeout: 60_000, polling: 100 });
  return { phone, laptop };
}

/**
 * Moments captured on the phone, timed until shown on the laptop (its capture screen, open and
 * listening): from the phone's push request starting, and from Enter (which includes the two
 * seconds the phone waits after a write before pushing, to gather a burst of writes).
 */
export async function benchLiveLatency({ databaseUrl } = {}) {
  const servers = databaseUrl
    ? [await startServer({ databaseUrl }), await startServer({ databaseUrl })]
    : [await startServer()];
  const [phoneServer, laptopServer = phoneServer] = servers;
  const browser = await launch();
  try {
    const { phone, laptop } = await signUpAndLink(
      browser,
      localhost(phoneServer),
      localhost(laptopServer),
    );
    const stream = laptop.waitForResponse((r) => r.url().endsWith('/api/sync/events'));
    await laptop.goto(localhost(laptopServer));
    await stream;
    await phone.goto(localhost(phoneServer));
    await phone.waitForFunction(synced, null, { timeout: 60_000, polling: 100 });
    const fromPush = [];
    const fromEnter = [];
    for (let i = 0; i < TRIPS; i++) {
      const text = `Live ${i} ${Date.now()}`;
      await phone.locator('#capture-text').fill(text);
      const pushed = phone.waitForRequest((r) => r.url().endsWith('/api/sync/push'));
      const enter = Date.now();
      await phone.locator('#capture-text').press('Enter');
      const push = await pushed;
      await laptop.getByText(text).waitFor({ timeout: 90_000 });
      const shown = Date.now();
      await push.response();
      fromPush.push(Math.round(shown - push.timing().startTime));
      fromEnter.push(shown - enter);
    }
    return { fromPush: summarise(fromPush), fromEnter: summarise(fromEnter) };
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
  }
}

/** Opens an event stream with its own socket; resolves once the server says `ready`. */
function openStream(url, cookie) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/sync/events`, { headers: { cookie }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk) => chunk.includes('event: ready') && resolve(req));
    });
    req.on('error', reject);
    req.end();
  });
}

/** RSS and heap of the server with no streams, then with `count` idle ones open (50 accounts). */
export async function benchLiveMemory({ databaseUrl, count = 1000 } = {}) {
  const child = fork(new URL('./live-server.mjs', import.meta.url), [], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  });
  const ask = (message) =>
    new Promise((resolve) => {
      child.once('message', resolve);
      if (message) child.send(message);
    });
  try {
    const { url } = await ask(null);
    const perAccount = 20;
    const { cookies } = await ask({ type: 'devices', accounts: count / perAccount, perAccount });
    // One stream opened and closed first, so code loaded on first use is not counted.
    (await openStream(url, cookies[0])).destroy();
    const before = (await ask({ type: 'memory' })).memory;
    const streams = [];
    for (let i = 0; i < cookies.length; i += 50) {
      streams.push(...(await Promise.all(cookies.slice(i, i + 50).map((c) => openStream(url, c)))));
    }
    const after = (await ask({ type: 'memory' })).memory;
    for (const s of streams) s.destroy();
    return {
      count: streams.length,
      rssPerStream: (after.rss - before.rss) / streams.length,
      heapPerStream: (after.heapUsed - before.heapUsed) / streams.length,
      rssBefore: before.rss,
      rssAfter: after.rss,
    };
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
