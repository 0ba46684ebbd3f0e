import { z } from 'zod';

/**
 * zod, as the app's code uses it. In the browser zod runs without its compiled fast path: to
 * find out whether it may compile, zod tries `new Function`, which our strict CSP refuses and
 * Chromium reports as a violation (Lighthouse counts it). The server keeps the fast path. This
 * module must be the only way src/ reaches zod, so the setting comes before any schema is built.
 */
if ('document' in globalThis) z.config({ jitless: true });

export { z };
