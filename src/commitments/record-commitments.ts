import { addCommitments, allCommitments } from '../storage/commitments';
import { draftForWeek } from '../storage/drafts';
import { momentsBetween } from '../storage/moments';
import type { WeekStartDay } from '../storage/records';
import { shiftWeek, weekContaining } from '../week/iso-week';
import { keyedDigest } from '../crypto/id-key';
import { idKey } from '../storage/keyring-store';
import { commitmentIdText, keyedCommitmentId } from './commitment-id';
import { deriveCommitments, newCommitments, type WeekSource } from './derive';

/**
 * How many past weeks are read for commitments. Enough to cover a week or three away from the
 * app; not so many that a first open after years of weeknotes fills the list with old promises.
 */
export const LOOKBACK_WEEKS = 4;

async function sourceOf(weekStart: string, weekEnd: string): Promise<WeekSource> {
  const draft = await draftForWeek(weekStart);
  if (draft)
    return { weekStart, draft: { title: draft.title, body: draft.body }, nextWeekTexts: [] };
  const moments = await momentsBetween(weekStart, weekEnd);
  return {
    weekStart,
    draft: null,
    nextWeekTexts: moments.filter((m) => m.nextWeek && !m.private).map((m) => m.text),
  };
}

/**
 * Keeps the commitments the past few weeks made (a week's items become commitments once the
 * week is over), leaving every commitment already kept as it is. Safe to run on every device
 * and as often as liked: the ids are the same everywhere. Returns how many were added.
 */
export async function recordCommitments(
  today: string,
  weekStartsOn: WeekStartDay,
  now: Date,
): Promise<number> {
  const current = weekContaining(today, weekStartsOn);
  const derived = [];
  for (let back = LOOKBACK_WEEKS; back >= 1; back--) {
    const week = shiftWeek(current, -back, weekStartsOn);
    derived.push(...deriveCommitments(await sourceOf(week.start, week.end), now.toISOString()));
  }
  const key = await idKey();
  const ids = key
    ? await Promise.all(
        derived.map(async (c) =>
          keyedCommitmentId(
            c.weekStart,
            await keyedDigest(key, commitmentIdText(c.weekStart, c.text)),
          ),
        ),
      )
    : null;
  const keyed = ids ? derived.map((c, i) => ({ ...c, id: ids[i]! })) : derived;
  return addCommitments(newCommitments(keyed, await allCommitments()));
}
