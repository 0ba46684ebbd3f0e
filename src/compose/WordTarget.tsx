import { useState } from 'preact/hooks';
import { useAppState } from '../app/app-state';
import { saveSettings } from '../app/save-settings';
import { countWords, readingTime } from './word-count';

const MAX_TARGET = 20_000;

/** "612 / 800 words · 3 min read", a bar towards the writer's target, and a way to set it. */
export function WordTarget({ body, target }: { body: string; target: number }) {
  const state = useAppState();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(target > 0 ? String(target) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const words = countWords(body);
  const counted =
    target > 0 ? `${words} / ${target} words` : `${words} ${words === 1 ? 'word' : 'words'}`;

  async function save(): Promise<void> {
    const n = value.trim() === '' ? 0 : Number(value);
    if (!Number.isInteger(n) || n < 0 || n > MAX_TARGET) {
      setProblem(
        `A target is a whole number of words, up to ${MAX_TARGET.toLocaleString('en-GB')}; leave it empty for none.`,
      );
      return;
    }
    setEditing(false);
    await saveSettings(state, { wordTarget: n });
  }

  return (
    <span class="word-target">
      <span class="word-count">{counted}</span>
      {target > 0 && (
        <span class="target-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (words / target) * 100)}%` }} />
        </span>
      )}
      <span class="reading-time">{readingTime(words)}</span>
      {editing ? (
        <form
          class="target-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label for="word-target">Word target</label>
          <input
            id="word-target"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_TARGET}
            step={50}
            value={value}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'word-target-problem' : undefined}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              setProblem(null);
            }}
          />
          <button type="submit" class="small">
            Set
          </button>
          {problem && (
            <p id="word-target-problem" class="field-problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      ) : (
        <button type="button" class="link-button" onClick={() => setEditing(true)}>
          {target > 0 ? 'Change target' : 'Set a word target'}
        </button>
      )}
    </span>
  );
}
