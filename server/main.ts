import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app.js';
import { logLevelFrom, type LogLevel } from './logging.js';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? 'localhost';
const staticDir = resolve(process.env.STATIC_DIR ?? resolve(here, '../../../dist'));
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
let logLevel: LogLevel;
try {
  logLevel = logLevelFrom(process.env.LOG_LEVEL);
} catch (err) {
  console.error(`Weeknotes could not start: ${(err as Error).message}`);
  process.exit(1);
}

const app = await buildServer({
  staticDir,
  dataDir,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.PUBLIC_ORIGIN ? { publicOrigin: process.env.PUBLIC_ORIGIN } : {}),
  ...(process.env.AUTH_RATE_LIMIT ? { authRateLimit: Number(process.env.AUTH_RATE_LIMIT) } : {}),
  logLevel,
  // Space-separated CSP sources for blogs not served over https, e.g. `http://127.0.0.1:*`.
  ...(process.env.BLOG_ORIGINS
    ? { blogOrigins: process.env.BLOG_ORIGINS.split(/\s+/).filter(Boolean) }
    : {}),
  reminders: {
    ...(process.env.VAPID_SUBJECT ? { subject: process.env.VAPID_SUBJECT } : {}),
    // Space-separated push endpoint origins besides https ones (tests: `http://127.0.0.1:*`).
    ...(process.env.PUSH_ORIGINS
      ? { insecureOrigins: process.env.PUSH_ORIGINS.split(/\s+/).filter(Boolean) }
      : {}),
    ...(process.env.REMINDER_EVERY_MS ? { everyMs: Number(process.env.REMINDER_EVERY_MS) } : {}),
  },
});

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`${signal} received: finishing requests in flight, then stopping.`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port, host });
} catch (err) {
  console.error(`Weeknotes could not start on ${host}:${port}: ${(err as Error).message}`);
  process.exit(1);
}
const address = app.server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const where = process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${dataDir}`;
console.log(`Weeknotes is running at http://${shownHost}:${actualPort}/ (data: ${where})`);
