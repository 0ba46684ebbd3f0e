import { reportProblem, useAppState } from '../app/app-state';
import { updateDraft } from '../storage/drafts';
import type { Draft } from '../storage/records';

interface Props {
  draft: Draft;
  body: string;
  onBody: (body: string) => void;
}

/** Two versions of the draft clashed: both are kept here until the writer chooses. */
export function ConflictPanel({ draft, body, onBody }: Props) {
  const state = useAppState();
  const other = draft.conflict;
  if (!other) return null;

  async function settle(nextBody: string | null, keepOther: string | null): Promise<void> {
    if (nextBody !== null) onBody(nextBody);
    const at = new Date().toISOString();
    const conflict = keepOther === null ? null : { ...other!, body: keepOther, at };
    try {
      await updateDraft(draft.id, { conflict }, at);
    } catch (err) {
      reportProblem(state, err);
    }
  }

  return (
    <section class="panel conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Two versions of this draft</h2>
      <p>
        This draft was changed in two places at once, on this device and another, and the changes
        overlap. Nothing has been lost: the editor has one version and the other is below.
      </p>
      <label for="conflict-other">The other version</label>
      <textarea id="conflict-other" class="conflict-text" readOnly value={other.body} />
      <div class="row">
        <button type="button" class="secondary" onClick={() => void settle(other.body, body)}>
          Switch to the other version
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => void settle(`${body.trimEnd()}\n\n${other.body}`, null)}
        >
          Add it to the end of mine
        </button>
        <button type="button" class="secondary" onClick={() => void settle(null, null)}>
          Keep mine and discard it
        </button>
      </div>
    </section>
  );
}
