import { useLive } from '../app/use-live';
import { commitmentById } from '../storage/commitments';
import './commitments.css';

/** Shown on a moment linked to a commitment: "Progress on: Hire a designer". */
export function ProgressOn({ commitmentId }: { commitmentId: string }) {
  const c = useLive(() => commitmentById(commitmentId), [commitmentId]);
  if (!c) return null;
  return (
    <p class="progress-on">
      Progress on: <span class="progress-on-text">{c.text}</span>
      {c.state !== 'open' && <> ({c.state})</>}
    </p>
  );
}
