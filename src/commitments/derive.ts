import { nextWeekItems } from '../compose/markdown-sections';
import { nextWeekBlock } from '../compose/next-week';
import type { Commitment } from '../storage/commitment-record';
import { toUtcNoon } from '../week/calendar-date';
import { commitmentId, normaliseItem } from './commitment-id';
import { dateFormat } from '../text/dates';

/** What one past week said it would do next: its draft, or else its next-week moments. */
export interface WeekSource {
  weekStart: string;
  draft: { title: string; body: string } | null;
  /** Texts of the week's public moments flagged next week, in capture order. */
  nextWeekTexts: string[];
}

const dayMonth = dateFormat({
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
});

/** "w/c 2 November": a week named by its first day. */
export function weekCommencing(weekStart: string): string {
  return `w/c ${dayMonth.format(toUtcNoon(weekStart))}`;
}

/**
 * The items a week committed to, in the writer's words. A draft's "Next week" list or paragraph
 * (as the Write screen's checklist reads it) wins; a week with no draft is read from its
 * next-week moments, joined as compiling would join them, so compiling later names the same
 * items.
 */
export function itemsOf(source: WeekSource): string[] {
  if (source.draft) return nextWeekItems(source.draft.body);
  const block = nextWeekBlock(source.nextWeekTexts);
  return block ? nextWeekItems(block) : [];
}

/** The commitments a week made, as fresh open records with deterministic ids. */
export function deriveCommitments(source: WeekSource, now: string): Commitment[] {
  const title = source.draft?.title.trim() ?? '';
  const madeIn = title !== '' ? title : weekCommencing(source.weekStart);
  const seen = new Set<string>();
  const out: Commitment[] = [];
  for (const text of itemsOf(source)) {
    const key = normaliseItem(text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({
      id: commitmentId(source.weekStart, text),
      text,
      weekStart: source.weekStart,
      position: out.length,
      madeIn,
      state: 'open',
      closedIn: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
  }
  return out;
}

/**
 * The derived commitments not yet kept: not already a record (in any state, deleted too: a
 * dropped item never comes back), and not the same words as one still open from another week
 * (an item carried forward continues the first commitment rather than starting a second).
 */
export function newCommitments(derived: Commitment[], existing: Commitment[]): Commitment[] {
  const ids = new Set(existing.map((c) => c.id));
  // An item kept before under another id (made before the account had keys) is not made again.
  const made = new Set(existing.map((c) => `${c.weekStart}\n${normaliseItem(c.text)}`));
  const open = new Set(
    existing
      .filter((c) => c.state === 'open' && c.deletedAt === null)
      .map((c) => normaliseItem(c.text)),
  );
  const out: Commitment[] = [];
  for (const c of derived) {
    const key = normaliseItem(c.text);
    if (ids.has(c.id) || open.has(key) || made.has(`${c.weekStart}\n${key}`)) continue;
    ids.add(c.id);
    open.add(key);
    out.push(c);
  }
  return out;
}
