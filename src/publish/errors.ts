/** Why a blog refused or could not be reached, in words the writer can act on. */
export class PublishError extends Error {
  override name = 'PublishError';
  constructor(
    /** A short stable code, e.g. `wrong-password`, for tests and for choosing what to offer. */
    readonly code: string,
    message: string,
    /** Worth trying again on its own later (network trouble, a busy blog), not a setting to fix. */
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** The host part of an address, for messages ("example.blog"). */
export function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

/** A failure answer from a blog that is not about the writer's settings. */
export function serverTrouble(status: number, site: string): PublishError {
  if (status === 429) {
    return new PublishError('busy', `${hostOf(site)} asked us to slow down..`, true);
  }
  return new PublishError(
    'server-error',
    `${hostOf(site)} had a problem (error ${status})..`,
    true,
  );
}
