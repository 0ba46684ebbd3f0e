/**
 * Property-based sync histories: 2–6 devices, random edits and a faulty network, against the
 * real server handlers on SQLite and PostgreSQL (when the test script started one), in plaintext
 * and with end-to-end encryption on (ADR 0015: the account has a data key, so the server refuses
 * plaintext, and every device seals what it pushes and opens what it pulls; the end checks open
 * the server's payloads to compare). `npm test` plays 200 plain and 60 sealed on each;
 * `npm run test:long` plays 5,000 of each.
 * A failure prints fast-check's seed and path; replay it with HISTORY_SEED and HISTORY_PATH.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ENGINES, testServer } from '../../server/test-support';
import { history } from './histories';
import { runHistory } from './history-run';

const asked = process.env.HISTORY_RUNS ? Number(process.env.HISTORY_RUNS) : undefined;
const seed = process.env.HISTORY_SEED ? Number(process.env.HISTORY_SEED) : undefined;
const path = process.env.HISTORY_PATH;

const kinds = [
  { sealed: false, runs: asked ?? 200, what: "every device ends with the server's records" },
  {
    sealed: true,
    runs: asked ?? 60,
    what: "end-to-end encrypted, every device ends with the server's records, opened,",
  },
];

describe.each(ENGINES)('generated sync histories on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  for (const { sealed, runs, what } of kinds) {
    it(
      `${what} and nothing a writer kept is lost (${runs} runs)`,
      async () => {
        const details = await fc.check(
          fc.asyncProperty(history(30), (h) => runHistory(app, h, { sealed })),
          {
            numRuns: runs,
            ...(seed === undefined ? {} : { seed }),
            ...(path ? { path } : {}),
          },
        );
        if (details.failed) {
          const replay = `HISTORY_SEED=${details.seed} HISTORY_PATH=${details.counterexamplePath ?? ''}`;
          console.error(
            `Replay this failure with: ${replay} npx vitest run ${import.meta.filename} -t "${what}"`,
          );
          throw new Error(`${replay}\n${fc.defaultReportMessage(details)}`, {
            cause: details.errorInstance,
          });
        }
      },
      Math.max(120_000, runs * 1_000),
    );
  }
});
