import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve('build/node/server/main.js');

/** A built server running as its own process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

/**
 * Starts the built server as a child process on a free port. Folders it makes for the process
 * are deleted when the process exits; a DATA_DIR passed in is the caller's to delete.
 */
export async function startProcess(
  env: Record<string, string | undefined>,
): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error('Build the server first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-proc-'));
  mkdirSync(join(dir, 'static'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      STATIC_DIR: join(dir, 'static'),
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = await new Promise<string>((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /running at (http:\/\/\S+?)\/? /.exec(String(d));
      if (m?.[1]) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

/** Stops a server process and waits until it has exited (and its folders are deleted). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
