import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Starts the built server on a free port, on SQLite in a temporary folder (or DATABASE_URL). */
export async function startServer({ databaseUrl, host = '127.0.0.1' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-bench-'));
  const staticDir = join(dir, 'dist');
  cpSync(resolve('dist'), staticDir, { recursive: true });
  // The reference page: only a textarea, served by the same server.
  writeFileSync(
    join(staticDir, 'bare.html'),
    '<!doctype html><html lang="en-GB"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Bare</title><label for="t">Text</label><textarea id="t" autofocus></textarea></html>',
  );
  const dataDir = join(dir, 'data');
  const child = spawn(process.execPath, [resolve('build/node/server/main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: host,
      DATA_DIR: dataDir,
      STATIC_DIR: staticDir,
      AUTH_RATE_LIMIT: '100000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => {
      const m = /running at (http:\/\/\S+?)\/? /.exec(String(d));
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise((ok) => {
        child.on('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          ok();
        });
        child.kill('SIGTERM');
      }),
  };
}
