import { describe, expect, it } from 'vitest';
import { connectProblem } from './connect-problem';
import { PublishError } from './errors';

describe('connectProblem', () => {
  it.each([
    ['not-https', 'site'],
    ['bad-address', 'site'],
    ['site-not-found', 'site'],
    ['no-micropub', 'site'],
    ['wrong-user', 'username'],
    ['wrong-password', 'password'],
    ['not-signed-in', 'password'],
    ['no-app-passwords', null],
    ['rest-disabled', null],
    ['timeout', null],
  ])('a %s problem is about the field %s', (code, field) => {
    expect(connectProblem(new PublishError(code, 'In words.'))).toEqual({
      message: 'In words.',
      field,
    });
  });

  it('says what an unexpected failure said', () => {
    expect(connectProblem(new TypeError('boom')).message).toBe(
      'Something went wrong while connecting: boom',
    );
    expect(connectProblem('odd').message).toBe('Something went wrong while connecting.');
  });
});
