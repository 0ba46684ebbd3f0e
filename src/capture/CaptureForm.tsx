import { useEffect, useRef, useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { reportProblem, useAppState } from '../app/app-state';
import { addMoment } from '../storage/moments';
import { forgetUnsaved, keepUnsaved, readUnsaved } from '../storage/unsaved-text';
import { deviceTimeZone } from '../week/local-time';
import './capture.css';
import { FlagToggles, isSaveKey } from './FlagToggles';
import { createMoment, momentTextProblem } from './moment';
import { withShared } from './shared-text';
import { useAutoGrow } from './use-auto-grow';
import { useTouchOnly } from './use-touch-hint';
import { TargetHint } from '../threads/TargetHint';

const UNSAVED_KEY = 'capture';
/** How long the visible "Saved ✓" stays (it fades out in CSS over the same time). */
const SAVED_SHOWN_MS = 2400;

interface Props {
  /** Text arriving from the share sheet, added to anything already in the box. */
  shared: string;
  onSaved: () => void;
}

/** The quick-capture box: Enter saves, Shift+Enter adds a line, the box clears and keeps focus. */
export function CaptureForm({ shared, onSaved }: Props) {
  const state = useAppState();
  const [text, setText] = useState(() => withShared(readUnsaved(UNSAVED_KEY), shared));
  const [nextWeek, setNextWeek] = useState(false);
  const [isPrivate, setPrivate] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Counts saves, so each one restarts the visible "Saved ✓"; 0 hides it.
  const [savedTick, setSavedTick] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const current = useRef(text);
  const touchOnly = useTouchOnly();
  useAutoGrow(box, text);

  useEffect(() => {
    keepUnsaved(UNSAVED_KEY, current.current);
    box.current?.focus();
  }, []);

  useEffect(() => {
    if (savedTick === 0) return;
    const timer = setTimeout(() => setSavedTick(0), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [savedTick]);

  function change(value: string): void {
    current.current = value;
    setText(value);
    keepUnsaved(UNSAVED_KEY, value);
    setProblem(null);
  }

  async function save(): Promise<void> {
    const submitted = current.current;
    if (submitted.trim() === '') return;
    const refused = momentTextProblem(submitted);
    if (refused) return setProblem(refused);
    const input = { text: submitted, nextWeek, private: isPrivate };
    try {
      await addMoment(createMoment(input, uuidv7(), new Date(), deviceTimeZone()));
    } catch (err) {
      reportProblem(state, err, 'write', submitted);
      return;
    }
    // User Timing mark for the benchmarks: the moment is committed in IndexedDB.
    performance.mark('weeknotes:moment-saved');
    // Anything typed while the save was in flight stays in the box.
    const typedSince = current.current.startsWith(submitted)
      ? current.current.slice(submitted.length).trimStart()
      : current.current;
    change(typedSince);
    if (typedSince === '') forgetUnsaved(UNSAVED_KEY);
    setNextWeek(false);
    setPrivate(false);
    setAnnouncement(`Saved${isPrivate ? ' as private' : ''}${nextWeek ? ' for next week' : ''}.`);
    setSavedTick((n) => n + 1);
    box.current?.focus();
    onSaved();
  }

  return (
    <form
      class="capture"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="capture-card">
        <div class="capture-top">
          <label for="capture-text" class="capture-label">
            What happened?
          </label>
          {savedTick > 0 && (
            <span key={savedTick} class="saved-tick" aria-hidden="true">
              Saved ✓
            </span>
          )}
        </div>
        <textarea
          id="capture-text"
          class="capture-box"
          ref={box}
          rows={3}
          value={text}
          enterkeyhint="done"
          autoCapitalize="sentences"
          aria-describedby={problem ? 'capture-hint capture-problem' : 'capture-hint'}
          aria-invalid={problem !== null}
          onInput={(e) => change(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (isSaveKey(e)) {
              e.preventDefault();
              void save();
            }
          }}
        />
        {problem && (
          <p id="capture-problem" class="field-problem" role="alert">
            {problem}
          </p>
        )}
        <TargetHint text={text} />
        <div class="capture-controls">
          <FlagToggles
            flags={{ nextWeek, private: isPrivate }}
            onChange={(f) => {
              setNextWeek(f.nextWeek);
              setPrivate(f.private);
            }}
          />
          <button type="submit" class="save">
            Save
          </button>
        </div>
      </div>
      <p id="capture-hint" class="capture-hint">
        {touchOnly
          ? 'Use #tags and @names. Tap Save or press Enter.'
          : 'Enter saves, Shift+Enter starts a new line. Use #tags and @names.'}
      </p>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}
