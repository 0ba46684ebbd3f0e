// Runs a command with a throwaway WordPress on a free loopback port, then stops it.
//   node scripts/with-wordpress.mjs <command> [args…]
// The command sees TEST_WORDPRESS_URL (no trailing slash), TEST_WORDPRESS_USER and
// TEST_WORDPRESS_APP_PASSWORD (an author's Application Password, spaces and all), and
// TEST_WORDPRESS_ADMIN_USER and TEST_WORDPRESS_ADMIN_PASSWORD.
// WordPress, PHP and MariaDB come from Debian's wordpress, php-cli, php-mysql and mariadb-server
// packages; where they are missing they are installed when running as root with apt-get, and
// otherwise we say what to do. /usr/share/wordpress and /etc/wordpress are only read: the site is
// a copy in a temporary folder, served by PHP's built-in server, with MariaDB on a unix socket.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSite } from './lib/wordpress-site.mjs';

const isRoot = process.getuid?.() === 0;
const CORE = '/usr/share/wordpress';
const PACKAGES = ['wordpress', 'php-cli', 'php-mysql', 'mariadb-server'];
const phpHasMysqli = () => {
  try {
    return (
      execFileSync('php', ['-r', 'echo extension_loaded("mysqli") ? "yes" : "no";']).toString() ===
      'yes'
    );
  } catch {
    return false;
  }
};
const installed = () =>
  existsSync(join(CORE, 'wp-settings.php')) &&
  existsSync('/usr/sbin/mariadbd') &&
  existsSync('/usr/bin/mariadb-install-db') &&
  phpHasMysqli();

if (!installed()) {
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`WordPress not found: installing Debian's ${PACKAGES.join(', ')} packages…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
  } else {
    console.error(
      `The publishing tests need WordPress. On Debian or Ubuntu: sudo apt-get install ${PACKAGES.join(' ')}`,
    );
    process.exit(1);
  }
}

const began = Date.now();
const children = [];
let dir;
let stopping;
let interrupted = false;
// Interrupted while starting: stop what has started, then go.
const onStartupSignal = () => {
  interrupted = true;
  void stop().then(() => process.exit(130));
};
process.on('SIGINT', onStartupSignal);
process.on('SIGTERM', onStartupSignal);

const port = await new Promise((resolve) => {
  const probe = createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const url = `http://127.0.0.1:${port}`;

dir = mkdtempSync(join(tmpdir(), 'weeknotes-wp-'));
const data = join(dir, 'db');
const socket = join(data, 'mysqld.sock');
const site = join(dir, 'site');
const logPath = join(dir, 'log');
const log = openSync(logPath, 'a');
// MariaDB drops to the mysql user when started by root, and must reach its folder.
if (isRoot) chmodSync(dir, 0o755);

const secret = () => randomBytes(18).toString('base64url');
const admin = { user: 'admin', password: secret() };

function startDaemon(cmd, args, options = {}) {
  if (interrupted) throw new Error('interrupted');
  const child = spawn(cmd, args, { stdio: ['ignore', log, log], detached: true, ...options });
  children.push(child);
  return child;
}

function stop() {
  stopping ??= (async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', resolve);
            try {
              // Each daemon leads its own process group: PHP's workers go with their server.
              process.kill(-child.pid, 'SIGTERM');
            } catch {
              resolve();
            }
            setTimeout(() => {
              try {
                process.kill(-child.pid, 'SIGKILL');
              } catch {
                // Already gone.
              }
            }, 5000).unref();
          }),
      ),
    );
    if (dir) rmSync(dir, { recursive: true, force: true });
  })();
  return stopping;
}

async function waitFor(what, ready, child, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

/** Runs a setup step, in its own process group like the daemons so that stop() ends it too. */
function run(cmd, args, { input = '', ms = 60_000 } = {}) {
  const child = startDaemon(cmd, args, { stdio: ['pipe', 'pipe', log], cwd: dir });
  const out = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${cmd} took more than ${ms / 1000} s`));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, ms);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString());
      else reject(new Error(`${cmd} exited with ${signal ?? `code ${code}`}`));
    });
  });
}
const PHP_INI = [
  '-d',
  'display_errors=stderr',
  '-d',
  'opcache.enable_cli=1',
  '-d',
  'memory_limit=256M',
];

let wordpress;
try {
  mkdirSync(data);
  const owner = isRoot ? ['--user=mysql'] : [];
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    ...owner,
    '--auth-root-authentication-method=socket',
    '--skip-test-db',
    '--skip-name-resolve',
  ]);
  writeFileSync(
    join(dir, 'init.sql'),
    `CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
`,
  );
  const mariadb = startDaemon('/usr/sbin/mariadbd', [
    '--no-defaults',
    `--datadir=${data}`,
    ...owner,
    `--socket=${socket}`,
    `--pid-file=${join(data, 'mariadbd.pid')}`,
    `--init-file=${join(dir, 'init.sql')}`,
    '--skip-networking',
    '--skip-name-resolve',
    '--skip-log-bin',
    '--innodb-flush-log-at-trx-commit=0',
    '--innodb-doublewrite=0',
    '--innodb-buffer-pool-size=64M',
    // Plain synchronous file I/O: io_uring has been seen to hang MariaDB in a VM.
    '--innodb-use-native-aio=0',
  ]);
  // The socket appears before the init file has run; this line only after.
  await waitFor(
    'MariaDB',
    () => readFileSync(logPath, 'utf8').includes('mariadbd: ready for connections'),
    mariadb,
  );

  writeSite({ core: CORE, dir, site, socket, url, port });
  const out = await run('php', [...PHP_INI, join(dir, 'install.php')], {
    input: JSON.stringify({ admin: admin.user, adminPassword: admin.password }),
  });
  wordpress = JSON.parse(out.slice(out.indexOf('{')));

  const server = startDaemon(
    'php',
    [...PHP_INI, '-S', `127.0.0.1:${port}`, '-t', site, join(dir, 'router.php')],
    {
      cwd: site,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    },
  );
  const auth = `Basic ${Buffer.from(`${wordpress.user}:${wordpress.appPassword}`).toString('base64')}`;
  await waitFor(
    'PHP',
    async () => {
      try {
        const res = await fetch(`${url}/wp-json/wp/v2/users/me?context=edit`, {
          headers: { Authorization: auth },
        });
        if (res.status !== 200)
          throw new Error(`users/me answered ${res.status}: ${await res.text()}`);
        return true;
      } catch (err) {
        if (err.cause?.code === 'ECONNREFUSED') return false;
        throw err;
      }
    },
    server,
  );
  const origin = 'http://localhost:5173';
  const preflight = await fetch(`${url}/wp-json/wp/v2/posts`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  });
  const allowOrigin = preflight.headers.get('access-control-allow-origin');
  const allowHeaders = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  if (!preflight.ok || allowOrigin !== origin || !allowHeaders.includes('authorization')) {
    throw new Error(
      `CORS preflight answered ${preflight.status}, Allow-Origin ${allowOrigin}, Allow-Headers ${allowHeaders}`,
    );
  }
} catch (err) {
  if (interrupted) await new Promise(() => {}); // onStartupSignal stops and exits.
  console.error(`Could not start WordPress: ${err.message}`);
  try {
    console.error(readFileSync(logPath, 'utf8'));
  } catch {
    // No log yet.
  }
  await stop();
  process.exit(1);
}
if (interrupted) await new Promise(() => {}); // onStartupSignal stops and exits.

console.log(
  `WordPress for tests at ${url} (started in ${((Date.now() - began) / 1000).toFixed(1)} s)`,
);
const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    TEST_WORDPRESS_URL: url,
    TEST_WORDPRESS_USER: wordpress.user,
    TEST_WORDPRESS_APP_PASSWORD: wordpress.appPassword,
    TEST_WORDPRESS_ADMIN_USER: admin.user,
    TEST_WORDPRESS_ADMIN_PASSWORD: admin.password,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.off(signal, onStartupSignal);
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  void stop().then(() => process.exit(code ?? (signal ? 1 : 0)));
});
