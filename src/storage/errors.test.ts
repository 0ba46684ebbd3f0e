import { describe, expect, it } from 'vitest';
import { toStorageProblem } from './errors';

const named = (name: string, inner?: unknown) => Object.assign(new Error(name), { name, inner });

describe('toStorageProblem', () => {
  it.each([
    [named('QuotaExceededError'), 'write', 'quota'],
    [named('AbortError', named('QuotaExceededError')), 'write', 'quota'],
    [named('OpenFailedError', named('InvalidStateError')), 'read', 'unavailable'],
    [named('MissingAPIError'), 'write', 'unavailable'],
    [named('VersionError'), 'open', 'blocked'],
    [named('OpenFailedError', named('VersionError')), 'open', 'blocked'],
    [named('ConstraintError'), 'write', 'write-failed'],
    ['not even an error', 'write', 'write-failed'],
  ] as const)('%s during %s is %s', (err, during, kind) => {
    const problem = toStorageProblem(err, during);
    expect(problem.kind).toBe(kind);
    expect(problem.message.length).toBeGreaterThan(20);
  });

  it('tells the writer their text is still there when a save fails', () => {
    expect(toStorageProblem(named('ConstraintError'), 'write').message).toMatch(/still on screen/);
  });
});
