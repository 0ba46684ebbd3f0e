import type { BrowserContext, Page } from '@playwright/test';
import { capture, expect, test } from './fixtures';

// A crafted backup (as another device or a tampered file could bring) and typed text, full of
// script. Nothing may run on any screen, in the preview or in the exported HTML: checked with the
// Content-Security-Policy switched off, so the rendering itself must be inert, and with it on.
const PAYLOADS = [
  '<script>alert("xss-script")</script>',
  '<img src=x onerror=alert("xss-img")>',
  '<svg onload=alert("xss-svg")>',
  '"><iframe src="javascript:alert(`xss-iframe`)"></iframe>',
  '[click me](javascript:alert("xss-md-link"))',
  '<a href="javascript:alert(\'xss-a\')">link</a>',
  '![x](x" onerror="alert(\'xss-md-img\'))',
  '<details open ontoggle=alert("xss-details")>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-mxss")>',
  '<noscript><p title="</noscript><img src=x onerror=alert(\'xss-noscript\')>">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss-meta\')">',
  '<form action="https://evil.example/"><button>go</button></form>',
  '<object data="javascript:alert(\'xss-object\')"></object>',
  '{{constructor.constructor("alert(\'xss-template\')")()}}',
];
const FRIDAY = new Date('2026-11-20T16:00:00Z');
const WEEK = '2026-11-16';
const LAST_WEEK = '2026-11-09';

function craftedBackup(): Buffer {
  const at = '2026-11-20T15:00:00.000+00:00';
  // This week's moments have a draft; last week's have none, so its Write screen is the shape.
  const moments = [...PAYLOADS, ...PAYLOADS].map((text, i) => ({
    id: `0193a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    text: `xss ${text} #tag${i < PAYLOADS.length ? '' : text} @person${text}`,
    createdAt: at,
    timeZone: 'Europe/London',
    localDate: i < PAYLOADS.length ? '2026-11-20' : '2026-11-12',
    tags: [`tag${text}`],
    people: [`person${text}`],
    nextWeek: i % 4 === 0,
    private: false,
    updatedAt: at,
    deletedAt: null,
  }));
  const draft = {
    id: `draft-${WEEK}`,
    weekStart: WEEK,
    title: `Weeknote ${PAYLOADS[1]}`,
    body: `Week beginning 16 November\n\n${PAYLOADS.join('\n\n')}\n`,
    status: 'published',
    publishedOn: '2026-11-20',
    publishedUrl: 'javascript:alert("xss-published-url")',
    momentIds: [],
    dismissedMomentIds: [],
    checklist: PAYLOADS.slice(0, 3).map((text) => ({ text, state: 'open' })),
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    conflict: { title: PAYLOADS[2], body: PAYLOADS.join('\n'), at },
  };
  return Buffer.from(
    JSON.stringify({
      format: 'weeknotes-backup',
      version: 1,
      exportedAt: at,
      moments,
      drafts: [draft],
      settings: { titleTemplate: `Weeknote {week} ${PAYLOADS[0]}` },
    }),
  );
}

/** Records anything that ran, was blocked, or was fetched from elsewhere. */
function watch(page: Page, origin: string, csp: boolean): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    // With the CSP on, Chromium also reports inline handlers it blocked while DOMPurify parsed
    // the Markdown's HTML in an inert document (nothing there can run): those are not counted.
    // Whatever did run is caught by the dialog, the page errors and the DOM check, and with the
    // CSP off no message of any kind may appear.
    if (/xss/i.test(m.text()) || (!csp && /Content Security Policy|Refused/i.test(m.text())))
      seen.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      seen.push(`request: ${url}`);
  });
  return seen;
}

/** Elements or attributes that could run script, anywhere in the page. */
function liveScript(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'base', 'meta', 'style'].includes(tag))
        found.push(`<${tag}>`);
      // The app's own forms have no action; one that posts elsewhere came from a payload.
      if (tag === 'form' && el.hasAttribute('action')) found.push('<form action>');
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`${tag}[${attr.name}=javascript:]`);
      }
    }
    return found;
  });
}

/** Settles the page: images tried, handlers given the chance to fire. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

async function visitEveryScreen(page: Page, context: BrowserContext): Promise<string> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(FRIDAY);
  await page.goto('/settings');
  await page.getByLabel('Restore from a backup file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: craftedBackup(),
  });
  await expect(page.getByText(/Restored 32 moments and 1 draft/)).toBeVisible();
  await page.goto('/');
  await capture(
    page,
    `Typed ${PAYLOADS[1]} #tag<img src=x onerror=alert(1)> @x"onmouseover=alert(2)`,
  );
  await capture(page, PAYLOADS[4] ?? '');

  const screens: [string, () => Promise<void>][] = [
    [
      '/',
      // The payloads are there, shown as the text the writer wrote.
      () =>
        expect(
          page
            .getByRole('region', { name: 'Today' })
            .getByText('<script>alert("xss-script")</script>')
            .first(),
        ).toBeVisible(),
    ],
    ['/week', async () => {}],
    [
      '/week',
      async () => {
        await page.getByLabel('Search all weeks').fill('xss');
        await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
      },
    ],
    [`/write/${WEEK}`, async () => {}],
    [`/write/${WEEK}`, () => page.getByRole('button', { name: 'Preview' }).click()],
    // Shaping last week, with its controls used, then its compiled draft.
    [
      `/write/${LAST_WEEK}`,
      async () => {
        await page.getByRole('button', { name: 'Gather by tag' }).click();
        await page
          .getByRole('button', { name: /^Move down: / })
          .first()
          .click();
      },
    ],
    [
      `/write/${LAST_WEEK}`,
      async () => {
        await page.getByRole('button', { name: 'Compile draft' }).click();
        await page.getByRole('button', { name: 'Preview' }).click();
      },
    ],
    ['/archive', async () => {}],
    ['/settings', async () => {}],
  ];
  for (const [path, act] of screens) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeAttached();
    await act();
    await settle(page);
    expect(await liveScript(page), path).toEqual([]);
  }

  await page.goto(`/write/${WEEK}`);
  await page.getByRole('button', { name: 'Copy for blog editor' }).click();
  await expect(page.getByText('Copied for pasting into your blog editor.')).toBeVisible();
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item ? await (await item.getType('text/html')).text() : '';
  });
}

for (const csp of ['off', 'on'] as const) {
  test(`script in moments, tags, people and drafts never runs (CSP ${csp})`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, bypassCSP: csp === 'off' });
    const page = await context.newPage();
    const seen = watch(page, baseURL ?? '', csp === 'on');
    const html = await visitEveryScreen(page, context);
    expect(seen).toEqual([]);

    // The exported HTML goes into blog editors that may have no CSP of their own.
    expect(html).toContain('xss');
    const blank = await context.newPage();
    const seenInExport = watch(blank, 'about:', false);
    await blank.setContent(`<!doctype html><body>${html}</body>`);
    await settle(blank);
    expect(seenInExport).toEqual([]);
    expect(await liveScript(blank)).toEqual([]);
    await context.close();
  });
}
