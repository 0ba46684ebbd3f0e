import type { ConnectField } from './connect-problem';
import type { useConnect } from './use-connect';

interface Props {
  connect: ReturnType<typeof useConnect>;
  /** Shows the problem only if it is about this field (null: a problem about no one field). */
  field: ConnectField | null;
}

/** A connect form's problem, read out as it appears, placed under the field it is about. */
export function ConnectProblemText({ connect, field }: Props) {
  const { problem, problemId, alertRef } = connect;
  if (!problem || problem.field !== field) return null;
  return (
    <p id={problemId} ref={alertRef} class="field-problem" role="alert" tabIndex={-1}>
      {problem.message}
    </p>
  );
}
