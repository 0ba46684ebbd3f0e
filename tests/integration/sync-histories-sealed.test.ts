/**
 * The generated sync histories (sync-histories.test.ts) with end-to-end encryption on (ADR
 * 0015): the account has a data key, so the server refuses plaintext, and every device seals
 * what it pushes and opens what it pulls. The end checks open the server's payloads to compare.
 * `npm test` plays 60 on each engine; HISTORY_RUNS, HISTORY_SEED and HISTORY_PATH as there.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ENGINES, testServer } from '../../server/test-support';
import { history } from './histories';
import { runHistory } from './history-run';

const runs = Number(process.env.HISTORY_RUNS ?? 60);
const seed = process.env.HISTORY_SEED ? Number(process.env.HISTORY_SEED) : undefined;
const path = process.env.HISTORY_PATH;

describe.each(ENGINES)(
  'generated sync histories, end-to-end encrypted, on $name',
  ({ databaseUrl }) => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await testServer(databaseUrl);
    });
    afterAll(async () => {
      await app.close();
    });

    it(
      `every device ends with the server's records, opened, and nothing a writer kept is lost (${runs} runs)`,
      async () => {
        const details = await fc.check(
          fc.asyncProperty(history(30), (h) => runHistory(app, h, { sealed: true })),
          {
            numRuns: runs,
            ...(seed === undefined ? {} : { seed }),
            ...(path ? { path } : {}),
          },
        );
        if (details.failed) {
          const replay = `HISTORY_SEED=${details.seed} HISTORY_PATH=${details.counterexamplePath ?? ''}`;
          console.error(
            `Replay this failure with: ${replay} npx vitest run ${import.meta.filename}`,
          );
          throw new Error(`${replay}\n${fc.defaultReportMessage(details)}`, {
            cause: details.errorInstance,
          });
        }
      },
      Math.max(120_000, runs * 1_000),
    );
  },
);
