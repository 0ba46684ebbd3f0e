import { useState } from 'preact/hooks';
import type { ReminderSettings } from '../sync/push-protocol';

/** Monday first, as the writer's week reads; the values are the server's (0 is Sunday). */
const WEEKDAYS: [number, string][] = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [0, 'Sunday'],
];

const NUDGE_DEFAULT = { weekday: 3, time: '12:00', fewerThan: 3 };
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

interface Props {
  settings: ReminderSettings;
  disabled: boolean;
  onChange: (settings: ReminderSettings) => void;
}

function DaySelect(props: {
  id: string;
  label: string;
  value: number;
  disabled: boolean;
  onChange: (day: number) => void;
}) {
  return (
    <span class="reminder-part">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={String(props.value)}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {WEEKDAYS.map(([value, name]) => (
          <option key={value} value={String(value)}>
            {name}
          </option>
        ))}
      </select>
    </span>
  );
}

function TimeInput(props: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange: (time: string) => void;
}) {
  return (
    <span class="reminder-part">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="time"
        value={props.value}
        disabled={props.disabled}
        required
        onChange={(e) => {
          const time = e.currentTarget.value.slice(0, 5);
          if (CLOCK.test(time)) props.onChange(time);
        }}
      />
    </span>
  );
}

/** When the weekly reminder comes, and the optional mid-week nudge. */
export function ReminderFields({ settings, disabled, onChange }: Props) {
  const nudge = settings.nudge;
  const [fewer, setFewer] = useState(String(nudge?.fewerThan ?? NUDGE_DEFAULT.fewerThan));
  const fewerNumber = Number(fewer);
  const fewerOk = Number.isInteger(fewerNumber) && fewerNumber >= 1 && fewerNumber <= 99;

  return (
    <>
      <fieldset class="settings-field">
        <legend>Remind me every week on</legend>
        <div class="reminder-when">
          <DaySelect
            id="reminder-day"
            label="Day"
            value={settings.weekday}
            disabled={disabled}
            onChange={(weekday) => onChange({ ...settings, weekday })}
          />
          <TimeInput
            id="reminder-time"
            label="Time"
            value={settings.time}
            disabled={disabled}
            onChange={(time) => onChange({ ...settings, time })}
          />
        </div>
      </fieldset>
      <div class="settings-field">
        <label class="flag">
          <input
            type="checkbox"
            checked={nudge !== null}
            disabled={disabled}
            onChange={(e) =>
              onChange({ ...settings, nudge: e.currentTarget.checked ? NUDGE_DEFAULT : null })
            }
          />
          Also nudge me mid-week
        </label>
      </div>
      {nudge && (
        <fieldset class="settings-field reminder-nudge">
          <legend>Nudge me if I have fewer than</legend>
          <div class="reminder-when">
            <span class="reminder-part">
              <label for="nudge-fewer">Moments</label>
              <input
                id="nudge-fewer"
                class="reminder-count"
                type="number"
                inputMode="numeric"
                min={1}
                max={99}
                value={fewer}
                disabled={disabled}
                aria-invalid={!fewerOk}
                aria-describedby="nudge-fewer-help"
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setFewer(value);
                  const n = Number(value);
                  if (Number.isInteger(n) && n >= 1 && n <= 99)
                    onChange({ ...settings, nudge: { ...nudge, fewerThan: n } });
                }}
              />
            </span>
            <DaySelect
              id="nudge-day"
              label="By"
              value={nudge.weekday}
              disabled={disabled}
              onChange={(weekday) => onChange({ ...settings, nudge: { ...nudge, weekday } })}
            />
            <TimeInput
              id="nudge-time"
              label="At"
              value={nudge.time}
              disabled={disabled}
              onChange={(time) => onChange({ ...settings, nudge: { ...nudge, time } })}
            />
          </div>
          <p
            id="nudge-fewer-help"
            class={fewerOk ? 'hint' : 'field-problem'}
            role={fewerOk ? undefined : 'alert'}
          >
            {fewerOk
              ? 'Counted on this device when the nudge arrives; with enough, it comes silently.'
              : 'A whole number of moments from 1 to 99.'}
          </p>
        </fieldset>
      )}
    </>
  );
}
