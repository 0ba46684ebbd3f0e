import type { ComponentChildren, RefObject } from 'preact';
import type { ConnectField } from './connect-problem';
import { ConnectProblemText } from './ConnectProblemText';
import type { useConnect } from './use-connect';

interface Props {
  id: string;
  label: string;
  field: ConnectField;
  connect: ReturnType<typeof useConnect>;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onValue: (value: string) => void;
  kind: 'address' | 'name' | 'secret';
  hint?: ComponentChildren;
}

const INPUT = {
  address: { type: 'text', inputMode: 'url', autoComplete: 'url' },
  name: { type: 'text', inputMode: undefined, autoComplete: 'username' },
  secret: { type: 'password', inputMode: undefined, autoComplete: 'off' },
} as const;

/** One field of a connect form: label, input, hint, and the problem when it is about this field. */
export function ConnectInput(props: Props) {
  const { id, field, connect, hint } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="settings-field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        {...INPUT[props.kind]}
        autoCapitalize="none"
        spellcheck={false}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        {...connect.fieldProps(field, hintId)}
      />
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <ConnectProblemText connect={connect} field={field} />
    </div>
  );
}
