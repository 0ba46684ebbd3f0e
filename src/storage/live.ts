import { database } from './db';

/** Runs a storage query now and again whenever the data it read changes. Returns a stop function. */
export function observe<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (err: unknown) => void,
): () => void {
  let stopped = false;
  let stop = (): void => {
    stopped = true;
  };
  // The database is loaded first, so every query starts synchronously inside liveQuery's zone
  // and Dexie sees what it reads (an await on another promise first would hide the reads).
  Promise.all([import('dexie'), database()]).then(([{ liveQuery }]) => {
    if (stopped) return;
    const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
    stop = () => subscription.unsubscribe();
  }, onError);
  return () => stop();
}
