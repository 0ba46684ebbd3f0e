import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import {
  connectProblem,
  NOT_KEPT,
  type ConnectField,
  type ConnectProblem,
} from './connect-problem';

type FieldRefs = Partial<Record<ConnectField, RefObject<HTMLInputElement | null>>>;

/**
 * A connect form's checking state and its problem. When a problem shows, focus goes to the field
 * it is about, or else to the message itself; what the writer typed is never cleared.
 */
export function useConnect(fields: FieldRefs) {
  const state = useAppState();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ConnectProblem | null>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const problemId = useId();

  useEffect(() => {
    if (!problem) return;
    const field = problem.field ? fields[problem.field]?.current : null;
    (field ?? alertRef.current)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the refs are stable; a new problem moves focus
  }, [problem]);

  /**
   * Checks the blog (`check`), then keeps what it gave (`keep`). A check that fails shows the
   * blog's problem; a keep that fails is a storage problem, shown in the app's banner too.
   * Returns what was kept, or null.
   */
  async function attempt<T>(
    check: () => Promise<T>,
    keep: (value: T) => Promise<void>,
  ): Promise<T | null> {
    setBusy(true);
    setProblem(null);
    let value: T;
    try {
      value = await check();
    } catch (err) {
      setProblem(connectProblem(err));
      setBusy(false);
      return null;
    }
    try {
      await keep(value);
      return value;
    } catch (err) {
      reportProblem(state, err);
      setProblem(NOT_KEPT);
      setBusy(false);
      return null;
    }
  }

  /** Props for a field: marked invalid and described by the problem when it is about it. */
  const fieldProps = (field: ConnectField, hintId?: string) => {
    const mine = problem?.field === field;
    const describedBy = [hintId, mine ? problemId : undefined].filter(Boolean).join(' ');
    return {
      'aria-invalid': mine ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };

  return { busy, problem, problemId, alertRef, attempt, fieldProps };
}
