import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A real Weeknotes server started for a test. */
export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and waits; resolves to the exit code. */
  stop: () => Promise<number | null>;
}

const MAIN = resolve('build/node/server/main.js');

/** Starts the built server on a free port with a temporary data folder. */
export async function startServer(options: { staticDir?: string } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'weeknotes-e2e-'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'data'),
      // The test blogs (WordPress, a Micropub site) run on this machine over plain http.
      BLOG_ORIGINS: 'http://127.0.0.1:*',
      ...(options.staticDir ? { STATIC_DIR: options.staticDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));

  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Server did not start:\n${out}`)), 15_000);
    const check = (): void => {
      const m = /running at (http:\/\/\S+?)\/? /.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => fail(new Error(`Server exited with ${code}:\n${out}`)));
  });

  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return {
    url,
    dataDir,
    process: child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      if (options.staticDir && copies.delete(options.staticDir))
        rmSync(options.staticDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Copies made by copyOfBuiltApp: a server started on one deletes it when stopped. */
const copies = new Set<string>();

/** A private copy of the built app, which a test may change (to publish an "update"). */
export function copyOfBuiltApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-dist-'));
  cpSync(resolve('dist'), dir, { recursive: true });
  copies.add(dir);
  return dir;
}
