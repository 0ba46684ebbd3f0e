import './flags.css';
import { LockIcon, NextIcon, TickIcon } from './icons';

/** The two flags a moment can carry. */
export interface Flags {
  nextWeek: boolean;
  private: boolean;
}

/**
 * "Next week" and "Private" as toggle chips, for capturing and for editing a moment. Each is a
 * real checkbox with its label; the box itself is invisible over the chip. Besides its tint, a
 * chip that is on changes its icon (a tick, a closed lock), so colour is never the only sign.
 */
export function FlagToggles({
  flags,
  onChange,
}: {
  flags: Flags;
  onChange: (flags: Flags) => void;
}) {
  return (
    <>
      <label class={flags.nextWeek ? 'flag next-week on' : 'flag next-week'}>
        <input
          type="checkbox"
          checked={flags.nextWeek}
          onChange={(e) => onChange({ ...flags, nextWeek: e.currentTarget.checked })}
        />
        {flags.nextWeek ? <TickIcon /> : <NextIcon />}
        Next week
      </label>
      <label class={flags.private ? 'flag private on' : 'flag private'}>
        <input
          type="checkbox"
          checked={flags.private}
          onChange={(e) => onChange({ ...flags, private: e.currentTarget.checked })}
        />
        <LockIcon open={!flags.private} />
        Private
      </label>
    </>
  );
}

export { isSaveKey } from './save-key';
