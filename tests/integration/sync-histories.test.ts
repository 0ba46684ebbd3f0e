/**
 * Property-based sync histories: 2–6 devices, random edits and a faulty network, against the
 * real server handlers on SQLite and PostgreSQL (when the test script started one). `npm test`
 * plays 200 on each; `npm run test:long` plays 5,000.
 * A failure prints fast-check's seed and path; replay it with HISTORY_SEED and HISTORY_PATH.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ENGINES, testServer } from '../../server/test-support';
import { history } from './histories';
import { runHistory } from './history-run';

const runs = Number(process.env.HISTORY_RUNS ?? 200);
const seed = process.env.HISTORY_SEED ? Number(process.env.HISTORY_SEED) : undefined;
const path = process.env.HISTORY_PATH;

describe.each(ENGINES)('generated sync histories on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it(
    `every device ends with the server's records and nothing a writer kept is lost (${runs} runs)`,
    async () => {
      const details = await fc.check(
        fc.asyncProperty(history(30), (h) => runHistory(app, h)),
        {
          numRuns: runs,
          ...(seed === undefined ? {} : { seed }),
          ...(path ? { path } : {}),
        },
      );
      if (details.failed) {
        const replay = `HISTORY_SEED=${details.seed} HISTORY_PATH=${details.counterexamplePath ?? ''}`;
        console.error(`Replay this failure with: ${replay} npx vitest run ${import.meta.filename}`);
        throw new Error(`${replay}\n${fc.defaultReportMessage(details)}`, {
          cause: details.errorInstance,
        });
      }
    },
    Math.max(120_000, runs * 1_000),
  );
});
