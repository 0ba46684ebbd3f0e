/** An error as words for the writer; a passkey request they cancelled (or that timed out) is said so. */
export function problemText(err: unknown): string {
  const e = err as Error;
  return e.name === 'NotAllowedError'
    ? 'The passkey request was cancelled or timed out. Try again.'
    : e.message || 'Something went wrong.';
}
