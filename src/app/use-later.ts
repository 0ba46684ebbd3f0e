import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterFirstInput } from './boot-gate';

/**
 * A component loaded once the page may load more than capture (see boot-gate.ts): null until
 * then, and on the server. `failed` is true if its code could not be loaded.
 */
export function useLater<P>(load: () => Promise<ComponentType<P>>): {
  Component: ComponentType<P> | null;
  failed: boolean;
} {
  const [Component, setComponent] = useState<ComponentType<P> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    afterFirstInput()
      .then(load)
      .then(
        (c) => live && setComponent(() => c),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded once per mount
  }, []);
  return { Component, failed };
}
