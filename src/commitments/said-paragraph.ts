import type { Commitment } from '../storage/commitment-record';
import { weeksBetween } from './age';

const quoted = (text: string): string => `“${text.trim().replace(/[.;:,]+$/, '')}”`;

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

const outcome = (count: number): string =>
  count === 1 ? 'Done.' : count === 2 ? 'Both done.' : 'All done.';

/**
 * A "Last week I said…" paragraph from the writer's own words, for commitments marked done:
 * one sentence per week they were made in, oldest first, quoting each item as written
 * ("In Weeknote v10.45 I said: “Fix the boiler” and “Hire a designer”. Both done.").
 * Empty when there is nothing done.
 */
export function saidParagraph(done: Commitment[], currentWeekStart: string): string {
  const groups = new Map<string, Commitment[]>();
  const ordered = [...done].sort(
    (a, b) => a.weekStart.localeCompare(b.weekStart) || a.position - b.position,
  );
  for (const c of ordered) {
    const key = `${c.weekStart}\n${c.madeIn}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const sentences: string[] = [];
  for (const items of groups.values()) {
    const first = items[0];
    if (!first) continue;
    const lead =
      weeksBetween(first.weekStart, currentWeekStart) === 1
        ? 'Last week I said'
        : `In ${first.madeIn} I said`;
    sentences.push(
      `${lead}: ${joinList(items.map((c) => quoted(c.text)))}. ${outcome(items.length)}`,
    );
  }
  return sentences.join(' ');
}
