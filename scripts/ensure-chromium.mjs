// Finds Chromium for the browser tests: CHROME_PATH, then Debian's /usr/bin/chromium.
// Where neither exists it installs Debian's chromium when it can (root with apt-get),
// and otherwise says exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

if (process.env.CHROME_PATH && !existsSync(process.env.CHROME_PATH)) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
  process.exit(1);
}

if (!chromiumPath()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("Chromium not found: installing Debian's chromium package…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      [
        'The browser tests need Chromium, and none was found.',
        '  On Debian or Ubuntu:  sudo apt-get install chromium   (puts it at /usr/bin/chromium)',
        '  Elsewhere: install Chromium or Chrome and set CHROME_PATH to its binary, e.g.',
        '    CHROME_PATH=/path/to/chromium npm test',
      ].join('\n'),
    );
    process.exit(1);
  }
}
console.log(`Browser tests use ${chromiumPath()}`);
