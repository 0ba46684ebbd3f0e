import { useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { weekBefore } from '../commitments/age';
import { commitmentId } from '../commitments/commitment-id';
import { CommitmentsPanel } from '../commitments/CommitmentsPanel';
import { decideCommitment } from '../storage/commitments';
import { updateDraft } from '../storage/drafts';
import type { ChecklistState, Draft } from '../storage/records';
import { addNextWeekItem, removeNextWeekItem } from './markdown-sections';

const CHOICES: { state: ChecklistState; label: string }[] = [
  { state: 'done', label: 'Done' },
  { state: 'carried', label: 'Carry to next week' },
  { state: 'dropped', label: 'Dropped' },
];

interface Props {
  draft: Draft;
  body: string;
  onBody: (body: string) => void;
}

/**
 * Last week's "Next week" items: done, carried into this week's Next week, or dropped (the
 * item's commitment follows: carried stays open). Then the commitments still open from earlier.
 */
export function ChecklistPanel({ draft, body, onBody }: Props) {
  const state = useAppState();
  // Shown at once; the stored copy follows.
  const [items, setItems] = useState(draft.checklist);
  const commitments = <CommitmentsPanel weekStart={draft.weekStart} body={body} onBody={onBody} />;
  if (items.length === 0) return commitments;

  async function choose(index: number, choice: ChecklistState): Promise<void> {
    const item = items[index];
    if (!item || item.state === choice) return;
    if (choice === 'carried') onBody(addNextWeekItem(body, item.text));
    else if (item.state === 'carried') onBody(removeNextWeekItem(body, item.text));
    const checklist = items.map((c, i) => (i === index ? { ...c, state: choice } : c));
    setItems(checklist);
    const at = new Date().toISOString();
    const decided = choice === 'done' || choice === 'dropped' ? choice : 'open';
    const id = commitmentId(weekBefore(draft.weekStart), item.text);
    try {
      await updateDraft(draft.id, { checklist }, at);
      await decideCommitment(id, decided, draft.weekStart, at);
    } catch (err) {
      reportProblem(state, err);
    }
  }

  return (
    <>
      <details class="panel" open>
        <summary>Last week you said you would…</summary>
        <ul class="checklist">
          {items.map((item, i) => (
            <li key={item.text}>
              <fieldset>
                <legend>{item.text}</legend>
                {CHOICES.map((c) => (
                  <label key={c.state} class="flag">
                    <input
                      type="radio"
                      name={`checklist-${i}`}
                      checked={item.state === c.state}
                      onChange={() => void choose(i, c.state)}
                    />
                    {c.label}
                  </label>
                ))}
              </fieldset>
            </li>
          ))}
        </ul>
      </details>
      {commitments}
    </>
  );
}
