/** A storage failure the writer must be told about, with words they can act on. */
export class StorageProblem extends Error {
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'quota' | 'blocked' | 'write-failed',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageProblem';
  }
}

function errorName(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const e = err as { name?: unknown; inner?: unknown };
  const inner = e.inner ? errorName(e.inner) : '';
  const name = typeof e.name === 'string' ? e.name : '';
  return inner && name !== 'QuotaExceededError' ? inner : name;
}

/** Turns an IndexedDB or Dexie error into a StorageProblem the writer can understand. */
export function toStorageProblem(err: unknown, during: 'open' | 'write' | 'read'): StorageProblem {
  if (err instanceof StorageProblem) return err;
  const name = errorName(err);
  if (name === 'QuotaExceededError') {
    return new StorageProblem(
      'This device is out of storage space for Weeknotes, so the last change was not saved. Free some space, or copy your text somewhere safe.',
      'quota',
      { cause: err },
    );
  }
  if (during === 'open') {
    if (name === 'VersionError' || name === 'BlockedError' || name === 'UpgradeError') {
      return new StorageProblem(
        'Weeknotes is open in another tab with an older version, so it cannot open its storage here. Close the other tabs and reload.',
        'blocked',
        { cause: err },
      );
    }
    return new StorageProblem(
      'This browser will not let Weeknotes store anything (private browsing can do this). You can still type, but nothing will be kept: copy your text somewhere safe.',
      'unavailable',
      { cause: err },
    );
  }
  return new StorageProblem(
    'Weeknotes could not save your last change. Your text is still on screen: copy it somewhere safe, then try again.',
    during === 'read' ? 'unavailable' : 'write-failed',
    { cause: err },
  );
}
