import { PublishError } from './errors';

/** The field of a connect form a problem is about, so focus can go where the fix is. */
export type ConnectField = 'site' | 'username' | 'password';

const FIELD_OF: Record<string, ConnectField> = {
  'bad-address': 'site',
  'not-https': 'site',
  'site-not-found': 'site',
  'not-wordpress': 'site',
  'no-micropub': 'site',
  'no-indieauth': 'site',
  'wrong-user': 'username',
  'wrong-password': 'password',
  'not-signed-in': 'password',
};

/** A problem shown beside a connect form: its words, and the field it is about (if one). */
export interface ConnectProblem {
  message: string;
  field: ConnectField | null;
}

/** What to show when checking a blog failed: a PublishError says it in the writer's words. */
export function connectProblem(err: unknown): ConnectProblem {
  if (err instanceof PublishError) {
    return { message: err.message, field: FIELD_OF[err.code] ?? null };
  }
  const said = err instanceof Error && err.message ? `: ${err.message}` : '.';
  return { message: `Something went wrong while connecting${said}`, field: null };
}

/** What to show when the blog was fine but this device could not keep it (also in the banner). */
export const NOT_KEPT: ConnectProblem = {
  message: 'This device could not keep the connection, so the blog is not connected. Try again.',
  field: null,
};
