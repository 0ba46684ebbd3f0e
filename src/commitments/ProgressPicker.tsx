import { useLive } from '../app/use-live';
import { openCommitments } from '../storage/commitments';
import './commitments.css';

interface Props {
  /** The moment's id, for the field's own id. */
  momentId: string;
  value: string | null;
  onChange: (commitmentId: string | null) => void;
}

/** "Progress on": links a moment to one of the open commitments, or to none. */
export function ProgressPicker({ momentId, value, onChange }: Props) {
  const open = useLive(openCommitments, []);
  if (!open || (open.length === 0 && value === null)) return null;
  const id = `progress-${momentId}`;
  // A moment linked to a commitment since closed keeps its link as a choice.
  const linkedClosed = value !== null && !open.some((c) => c.id === value);
  return (
    <div class="progress-picker">
      <label for={id}>Progress on</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">No commitment</option>
        {linkedClosed && <option value={value}>The commitment it is linked to</option>}
        {open.map((c) => (
          <option key={c.id} value={c.id}>
            {c.text}
          </option>
        ))}
      </select>
    </div>
  );
}
