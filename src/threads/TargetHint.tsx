import { useAppState } from '../app/app-state';
import { useSettled } from '../compose/use-settled';
import { formatAmount, targetAmount } from './target-amount';
import './target-hint.css';

/** How long the text must rest before the hint follows it, so it is not read out mid-word. */
const SETTLE_MS = 500;

/**
 * Under the capture box, what the moment would add to each yearly target it mentions:
 * "+5 miles to 1,500 miles running", or why it cannot count ("‘5 parsecs’ is not a unit…").
 */
export function TargetHint({ text }: { text: string }) {
  const targets = useAppState().settings.value.targets;
  const settled = useSettled(text, SETTLE_MS);
  if (targets.length === 0) return null;
  const lines = targets.flatMap((t): { id: string; kind: string; text: string }[] => {
    const a = targetAmount(settled, t);
    const goal = `${formatAmount(t.amount, t.unit)} ${t.label}`;
    if (a.kind === 'counted')
      return [{ id: t.id, kind: a.kind, text: `+${formatAmount(a.amount, t.unit)} to ${goal}` }];
    if (a.kind === 'refused') return [{ id: t.id, kind: a.kind, text: `${goal}: ${a.reason}` }];
    return [];
  });
  return (
    <div aria-live="polite">
      {lines.map((l) => (
        <p key={l.id} class="target-hint" data-kind={l.kind}>
          {l.text}
        </p>
      ))}
    </div>
  );
}
