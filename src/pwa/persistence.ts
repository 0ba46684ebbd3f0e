/** What the browser says about keeping Weeknotes' data when space runs short. */
export type Persistence = 'granted' | 'denied' | 'unsupported';

/** Asks the browser to keep Weeknotes' data even when space runs short. */
export async function requestPersistence(): Promise<Persistence> {
  if (!navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  return (await navigator.storage.persist()) ? 'granted' : 'denied';
}

/** Whether the data is already kept persistently, without asking. */
export async function currentPersistence(): Promise<Persistence> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted()) ? 'granted' : 'denied';
}

/** How much this origin stores and may store, in bytes, where the browser says. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}
