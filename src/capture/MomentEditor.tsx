import { useEffect, useRef, useState } from 'preact/hooks';
import { ProgressPicker } from '../commitments/ProgressPicker';
import type { Moment, MomentChanges } from '../storage/records';
import { forgetUnsaved, keepUnsaved, readUnsaved } from '../storage/unsaved-text';
import { FlagToggles, isSaveKey } from './FlagToggles';
import { momentTextProblem, textChanges } from './moment';
import { useAutoGrow } from './use-auto-grow';

interface Props {
  moment: Moment;
  time: string;
  onDone: () => void;
  save: (changes: MomentChanges) => Promise<boolean>;
}

/** Edits a moment's text and flags in place. Unsaved edits survive a reload. */
export function MomentEditor({ moment, time, onDone, save }: Props) {
  const key = `edit:${moment.id}`;
  const [text, setText] = useState(() => readUnsaved(key) || moment.text);
  const [nextWeek, setNextWeek] = useState(moment.nextWeek);
  const [isPrivate, setPrivate] = useState(moment.private);
  const [commitmentId, setCommitmentId] = useState(moment.commitmentId ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `edit-${moment.id}`;
  useAutoGrow(box, text);

  useEffect(() => box.current?.focus(), []);

  async function submit(): Promise<void> {
    const refused = momentTextProblem(text);
    if (refused) return setProblem(refused);
    const link = commitmentId === (moment.commitmentId ?? null) ? {} : { commitmentId };
    if (await save({ ...textChanges(text), nextWeek, private: isPrivate, ...link })) {
      forgetUnsaved(key);
      onDone();
    }
  }

  function cancel(): void {
    forgetUnsaved(key);
    onDone();
  }

  return (
    <form
      class="moment-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for={id}>Edit moment from {time}</label>
      <textarea
        id={id}
        class="moment-edit-box"
        ref={box}
        rows={3}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          keepUnsaved(key, e.currentTarget.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') cancel();
          if (isSaveKey(e)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {problem && (
        <p id={`${id}-problem`} class="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="flags">
        <FlagToggles
          flags={{ nextWeek, private: isPrivate }}
          onChange={(f) => {
            setNextWeek(f.nextWeek);
            setPrivate(f.private);
          }}
        />
      </div>
      <ProgressPicker momentId={moment.id} value={commitmentId} onChange={setCommitmentId} />
      <div class="row">
        <button type="submit">Save changes</button>
        <button type="button" class="secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
