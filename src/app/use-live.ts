import { useEffect, useState } from 'preact/hooks';
import { observe } from '../storage/live';
import { reportProblem, useAppState } from './app-state';

/** The result of a storage query, kept up to date as the data changes; undefined while loading. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const state = useAppState();
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(
    () => observe(query, setValue, (err) => reportProblem(state, err, 'read')),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names the query's inputs
    deps,
  );
  return value;
}
