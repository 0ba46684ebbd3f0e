import { useEffect, useRef, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { afterFirstInput } from '../app/boot-gate';
import { forgetUnsaved, keepUnsaved, readUnsaved } from '../storage/unsaved-text';
import { deviceTimeZone } from '../week/local-time';
import './capture.css';
import { startingText, typedBeforeScripts } from './early-text';
import { CAPTURE_UNSAVED_KEY, earlyFlags, takeEarlySave } from './early-input';
import { FlagToggles, isSaveKey, type Flags } from './FlagToggles';
import { createMoment, momentTextProblem, prepareText, type PreparedText } from './moment';
import { whenIdle } from '../app/idle';
import type { Moment } from '../storage/records';
import { useAutoGrow } from './use-auto-grow';
import { useKeyboardSeen } from './use-touch-hint';
import { TargetHint } from '../threads/TargetHint';

const UNSAVED_KEY = CAPTURE_UNSAVED_KEY;
const BOX_ID = 'capture-text';

interface Saving {
  addMoment: (moment: Moment, ahead?: PreparedText) => Promise<void>;
  uuidv7: () => string;
}
let saving: Saving | null = null;

/** Saving needs storage and an id maker: loaded at the first keystroke, never before capture. */
async function loadSaving(): Promise<Saving> {
  if (saving) return saving;
  const [m, u] = await Promise.all([import('../storage/moments'), import('uuidv7')]);
  saving = { addMoment: m.addMoment, uuidv7: u.uuidv7 };
  return saving;
}
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
  // The box may already hold what the writer typed before the scripts arrived: keep it.
  const [early] = useState(() => typedBeforeScripts(BOX_ID));
  const [text, setText] = useState(() => startingText(readUnsaved(UNSAVED_KEY), early, shared));
  const [nextWeek, setNextWeek] = useState(false);
  const [isPrivate, setPrivate] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Counts saves, so each one restarts the visible "Saved ✓"; 0 hides it.
  const [savedTick, setSavedTick] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const current = useRef(text);
  const keyboard = useKeyboardSeen();
  useAutoGrow(box, text);
  // All a save of the box's text needs but its time, worked out while the writer pauses.
  const prepared = useRef<PreparedText | undefined>(undefined);
  useEffect(
    () =>
      whenIdle(() => {
        prepared.current = prepareText(text);
        // Every save reads the device's zone; the first reading builds the page's first date
        // formatter, which costs tens of milliseconds on a phone: not on Enter, then.
        deviceTimeZone();
      }, 500),
    [text],
  );

  useEffect(() => {
    keepUnsaved(UNSAVED_KEY, current.current);
    const el = box.current;
    if (!el) return;
    // Text added to what was typed early (kept from last time, or shared) moves the cursor to
    // the end; text that is just what was typed keeps its cursor where the writer left it.
    if (current.current !== early) el.setSelectionRange(el.value.length, el.value.length);
    // Taking over the page must not pull focus from a flag or Save the writer has moved to.
    if (!el.form?.contains(document.activeElement) || document.activeElement === el) el.focus();
    // Flags set and a save asked for in the page before the app arrived (early-input.ts).
    const flags = earlyFlags();
    if (flags.nextWeek) setNextWeek(true);
    if (flags.private) setPrivate(true);
    if (takeEarlySave()) queueSave(flags);
    void afterFirstInput().then(loadSaving);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form takes over
  }, [early]);

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

  // Saves run one after another: an Enter pressed while storage is still opening waits for the
  // save before it, then saves whatever is left in the box (nothing, if that was the same text).
  const inFlight = useRef<Promise<void> | null>(null);
  function queueSave(flags?: Flags): void {
    const run = (): Promise<void> =>
      save(flags).finally(() => {
        if (inFlight.current === next) inFlight.current = null;
      });
    const next: Promise<void> = inFlight.current ? inFlight.current.then(run) : run();
    inFlight.current = next;
  }

  async function save(flags: Flags = { nextWeek, private: isPrivate }): Promise<void> {
    const submitted = current.current;
    if (submitted.trim() === '') return;
    const refused = momentTextProblem(submitted);
    if (refused) return setProblem(refused);
    const input = { text: submitted, ...flags };
    try {
      // Once loaded, no await before the write: Enter goes straight to IndexedDB.
      const { addMoment, uuidv7 } = saving ?? (await loadSaving());
      const ahead = prepared.current;
      await addMoment(createMoment(input, uuidv7(), new Date(), deviceTimeZone(), ahead), ahead);
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
    setAnnouncement(
      `Saved${flags.private ? ' as private' : ''}${flags.nextWeek ? ' for next week' : ''}.`,
    );
    setSavedTick((n) => n + 1);
    box.current?.focus();
    onSaved();
  }

  return (
    <form
      class="capture"
      onSubmit={(e) => {
        e.preventDefault();
        queueSave();
      }}
    >
      <div class="capture-card">
        <div class="capture-top">
          <label for={BOX_ID} class="capture-label">
            What happened?
          </label>
          {savedTick > 0 && (
            <span key={savedTick} class="saved-tick" aria-hidden="true">
              Saved ✓
            </span>
          )}
        </div>
        <textarea
          id={BOX_ID}
          autoFocus
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
              queueSave();
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
      <p id="capture-hint" class="capture-hint" data-keyboard={keyboard ? '' : undefined}>
        <span class="hint-touch">Use #tags and @names. Tap Save or press Enter.</span>
        <span class="hint-keys">
          Enter saves, Shift+Enter starts a new line. Use #tags and @names.
        </span>
      </p>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}
