import type { ComponentChildren } from 'preact';
import { ConnectProblemText } from './ConnectProblemText';
import type { useConnect } from './use-connect';

interface Props {
  id: string;
  heading: string;
  submitLabel: string;
  connect: ReturnType<typeof useConnect>;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ComponentChildren;
}

/**
 * The frame of a connect form: its heading, the fields given, a problem about no one field, and
 * the submit ("Checking…" while busy) and Cancel buttons. The browser's own submit is stopped, so
 * nothing typed can end up in an address.
 */
export function ConnectForm({
  id,
  heading,
  submitLabel,
  connect,
  onSubmit,
  onCancel,
  children,
}: Props) {
  return (
    <form
      class="panel blog-connect"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!connect.busy) void onSubmit();
      }}
    >
      <h3 id={`${id}-heading`}>{heading}</h3>
      {children}
      <ConnectProblemText connect={connect} field={null} />
      <div class="row">
        <button type="submit" disabled={connect.busy}>
          {connect.busy ? 'Checking…' : submitLabel}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
