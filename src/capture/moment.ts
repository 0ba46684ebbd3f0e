import type { Moment, MomentChanges } from '../storage/records';
import { isoWithOffset, localDateIn } from '../week/local-time';
import { parseMoment } from './parse-moment';

/** The longest moment Weeknotes keeps. Longer text is refused with a message, never cut. */
export const MAX_MOMENT_LENGTH = 50_000;

/** Why a moment's text cannot be saved, or null if it can. */
export function momentTextProblem(text: string): string | null {
  if (text.trim() === '') return 'Type something first: an empty moment is not saved.';
  if (text.length > MAX_MOMENT_LENGTH) {
    const n = new Intl.NumberFormat('en-GB');
    return `This moment is ${n.format(text.length)} characters long; the most Weeknotes keeps in one moment is ${n.format(MAX_MOMENT_LENGTH)}. Nothing was saved and your text is still in the box: split it into shorter moments.`;
  }
  return null;
}

/** What the writer chose when capturing. */
export interface CaptureInput {
  text: string;
  nextWeek: boolean;
  private: boolean;
}

/** Builds a new moment captured at `now` in `timeZone`. */
export function createMoment(input: CaptureInput, id: string, now: Date, timeZone: string): Moment {
  const createdAt = isoWithOffset(now, timeZone);
  const text = input.text.trim();
  return {
    id,
    text,
    ...parseMoment(text),
    createdAt,
    timeZone,
    localDate: localDateIn(now, timeZone),
    nextWeek: input.nextWeek,
    private: input.private,
    updatedAt: now.toISOString(),
    deletedAt: null,
  };
}

/** The changes that replace a moment's text, with its tags and people found again. */
export function textChanges(text: string): MomentChanges {
  const trimmed = text.trim();
  return { text: trimmed, ...parseMoment(trimmed) };
}
