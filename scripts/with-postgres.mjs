// Runs a command with a throwaway PostgreSQL on a free loopback port, then stops it.
//   node scripts/with-postgres.mjs <command> [args…]
// The command sees TEST_DATABASE_URL. PostgreSQL comes from Debian's `postgresql` package; where
// it is missing it is installed when running as root with apt-get, and otherwise we say what to do.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;

function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions
    .map((v) => join(root, v, 'bin'))
    .find((d) => existsSync(join(d, 'initdb')));
  return found ?? null;
}

if (!postgresBin()) {
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("PostgreSQL not found: installing Debian's postgresql package…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  } else {
    console.error(
      'The server tests need PostgreSQL. On Debian or Ubuntu: sudo apt-get install postgresql',
    );
    process.exit(1);
  }
}
const bin = postgresBin();

const port = await new Promise((resolve) => {
  const probe = createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

const dir = mkdtempSync(join(tmpdir(), 'weeknotes-pg-'));
const data = join(dir, 'data');
// initdb refuses to run as root, so the cluster belongs to the postgres user.
const asOwner = (cmd, args) =>
  isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
if (isRoot) {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(dir, uid, gid);
}
const run = (cmd, args) => {
  const [c, a] = asOwner(cmd, args);
  execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'], cwd: dir });
};

let started = false;
function stop() {
  if (started) {
    started = false;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

try {
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'app',
    '--auth=trust',
    '--locale=C.UTF-8',
    '-E',
    'UTF8',
  ]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  started = true;
  run('psql', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'app',
    '-d',
    'postgres',
    '-q',
    '-c',
    'CREATE DATABASE weeknotes_test',
  ]);
} catch (err) {
  console.error(`Could not start PostgreSQL: ${err.message}`);
  stop();
  process.exit(1);
}

const url = `postgres://app@127.0.0.1:${port}/weeknotes_test`;
console.log(`PostgreSQL for tests at ${url}`);
const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
