import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve('build/node/server/main.js');

/** A built server running as its own process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

/** Starts the built server as a child process on a free port. */
export async function startProcess(
  env: Record<string, string | undefined>,
): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error('Build the server first: npm run build');
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'weeknotes-proc-')),
      STATIC_DIR: mkdtempSync(join(tmpdir(), 'weeknotes-static-')),
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /running at (http:\/\/\S+?)\/? /.exec(String(d));
      if (m?.[1]) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}
