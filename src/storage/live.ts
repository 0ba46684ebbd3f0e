import { liveQuery } from 'dexie';

/** Runs a storage query now and again whenever the data it read changes. Returns a stop function. */
export function observe<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (err: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
