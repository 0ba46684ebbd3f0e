import { useEffect, useState } from 'preact/hooks';
import type { Grouping, Settings } from '../storage/records';
import { useAppState } from './app-state';
import { saveSettings } from './save-settings';

const MAX_TARGET = 20_000;

/** The words of the labels for how shaping a week starts, shared with the clash panel. */
export const GROUPING_LABELS: Record<Grouping, string> = {
  day: 'In the order I captured them',
  tag: 'Gathered into themes by first tag',
};

/**
 * How a week's draft is made: how shaping starts, theme headings, a word target, and the names
 * tags read as in a post. Render it only once settings are loaded.
 */
export function DraftSettings() {
  const state = useAppState();
  const settings = state.settings.value;
  const [target, setTarget] = useState(settings.wordTarget > 0 ? String(settings.wordTarget) : '');
  const targetNumber = target.trim() === '' ? 0 : Number(target);
  const targetProblem =
    Number.isInteger(targetNumber) && targetNumber >= 0 && targetNumber <= MAX_TARGET
      ? null
      : `A word target is a whole number up to ${MAX_TARGET.toLocaleString('en-GB')}; leave it empty for none.`;
  const names = Object.entries(settings.tagNames).sort(([a], [b]) => a.localeCompare(b));

  useEffect(
    () => setTarget(settings.wordTarget > 0 ? String(settings.wordTarget) : ''),
    [settings.wordTarget],
  );

  const save = (changes: Partial<Settings>): Promise<void> => saveSettings(state, changes);

  function rename(tag: string, name: string | null): void {
    const tagNames = { ...settings.tagNames };
    if (name === null || name.trim() === '') delete tagNames[tag];
    else tagNames[tag] = name;
    void save({ tagNames });
  }

  return (
    <section class="settings-card" aria-labelledby="draft-settings">
      <h2 id="draft-settings">Your drafts</h2>
      <fieldset class="settings-field">
        <legend>When you shape a week, its moments start</legend>
        <div class="settings-choices">
          {(Object.entries(GROUPING_LABELS) as [Grouping, string][]).map(([value, label]) => (
            <label key={value} class="flag">
              <input
                type="radio"
                name="grouping"
                checked={settings.grouping === value}
                onChange={() => void save({ grouping: value })}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="settings-field">
        <label class="flag">
          <input
            type="checkbox"
            checked={settings.themeHeadings}
            onChange={(e) => void save({ themeHeadings: e.currentTarget.checked })}
          />
          Put a heading over each theme
        </label>
      </div>
      <div class="settings-field">
        <label for="settings-word-target">Word target</label>
        <input
          id="settings-word-target"
          class="settings-number"
          type="number"
          inputMode="numeric"
          min={0}
          step={50}
          value={target}
          aria-invalid={targetProblem !== null}
          aria-describedby="settings-word-target-help"
          onInput={(e) => {
            const value = e.currentTarget.value;
            setTarget(value);
            const n = value.trim() === '' ? 0 : Number(value);
            if (Number.isInteger(n) && n >= 0 && n <= MAX_TARGET) void save({ wordTarget: n });
          }}
        />
        <p
          id="settings-word-target-help"
          class={targetProblem ? 'field-problem' : 'hint'}
          role={targetProblem ? 'alert' : undefined}
        >
          {targetProblem ?? 'The Write screen shows your progress towards it. Empty for none.'}
        </p>
      </div>
      <div class="settings-field">
        <h3 id="tag-names-heading">How tags read in a post</h3>
        {names.length === 0 ? (
          <p class="hint">
            A tag like #BlueBadge reads as “Blue Badge”. To choose other words, rename a theme when
            you shape a week; the name is kept here.
          </p>
        ) : (
          <ul class="tag-names" aria-labelledby="tag-names-heading">
            {names.map(([tag, name]) => (
              <li key={tag}>
                <label for={`tag-name-${tag}`}>#{tag}</label>
                <input
                  id={`tag-name-${tag}`}
                  type="text"
                  value={name}
                  autoComplete="off"
                  onChange={(e) => rename(tag, e.currentTarget.value)}
                />
                <button
                  type="button"
                  class="small"
                  aria-label={`Forget the name for #${tag}`}
                  onClick={() => rename(tag, null)}
                >
                  Forget
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
