import { expect, test } from '@playwright/test';
import { capture } from './fixtures';
import { startServer } from './server';

test('the server stops cleanly on SIGTERM', async () => {
  const server = await startServer();
  const health = await fetch(`${server.url}/healthz`);
  expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
  expect(await server.stop()).toBe(0);
  expect(server.output()).toContain('SIGTERM received');
});

test('no request leaves for another origin and the CSP is never violated', async ({ page }) => {
  const server = await startServer();
  try {
    const foreign: string[] = [];
    const violations: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(e.message));
    // Chromium reports some refusals only as DevTools issues, not in the console: zod's
    // `new Function` probe was one, and Lighthouse counts them against best practices.
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Audits.issueAdded', ({ issue }) => {
      if (issue.code === 'ContentSecurityPolicyIssue')
        violations.push(JSON.stringify(issue.details));
    });
    await cdp.send('Audits.enable');
    await page.goto(server.url);
    await capture(page, 'Checking requests #privacy');
    for (const path of ['/week', '/write', '/archive', '/settings', '/']) {
      await page.goto(server.url + path);
      await expect(page.locator('main h1')).toBeAttached();
    }
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('the server command in npm start runs the built server and prints its URL', async () => {
  const { readFileSync, mkdtempSync, rmSync } = await import('node:fs');
  const { spawn } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const scripts = (
    JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
  ).scripts;
  const command = scripts.start.split('&&').pop()?.trim() ?? '';
  expect(command).toMatch(/^node \S+\.js$/);
  const dataDir = mkdtempSync(`${tmpdir()}/wn-start-`);
  // exec: the shell becomes the server, so stopping the child stops the server too.
  const child = spawn('sh', ['-c', `exec ${command}`], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/running at http:\/\//.test(out)) ok(out);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => fail(new Error(`exited with ${code}: ${out}`)));
  });
  expect(printed).toMatch(/Weeknotes is running at http:\/\/127\.0\.0\.1:\d+\//);
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
});
