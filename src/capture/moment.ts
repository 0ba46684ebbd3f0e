import type { Moment, MomentChanges } from '../storage/records';
import { searchTerms, type TextTerms } from '../storage/search-terms';
import { formatNumber } from '../text/numbers';
import { localStamp } from '../week/local-time';
import { parseMoment } from './parse-moment';

/** The longest moment Weeknotes keeps. Longer text is refused with a message, never cut. */
export const MAX_MOMENT_LENGTH = 50_000;

/** Why a moment's text cannot be saved, or null if it can. */
export function momentTextProblem(text: string): string | null {
  if (text.trim() === '') return 'Type something first: an empty moment is not saved.';
  if (text.length > MAX_MOMENT_LENGTH) {
    return `This moment is ${formatNumber(text.length)} characters long; the most Weeknotes keeps in one moment is ${formatNumber(MAX_MOMENT_LENGTH)}. Nothing was saved and your text is still in the box: split it into shorter moments.`;
  }
  return null;
}

/** What the writer chose when capturing. */
export interface CaptureInput {
  text: string;
  nextWeek: boolean;
  private: boolean;
}

/** A moment's text, trimmed, with the #tags and @people in it. */
export interface ReadText {
  text: string;
  tags: string[];
  people: string[];
}

/** Reads a moment's text as it will be saved. */
export function readText(raw: string): ReadText {
  const text = raw.trim();
  return { text, ...parseMoment(text) };
}

/**
 * All a save of this text needs besides its time: worked out while the writer pauses, so that
 * Enter only stamps the moment and writes it.
 */
export type PreparedText = ReadText & TextTerms;

export function prepareText(raw: string): PreparedText {
  const read = readText(raw);
  return { ...read, terms: searchTerms(read.text) };
}

/**
 * Builds a new moment captured at `now` in `timeZone`, from its text read ahead of time when
 * that reading is of this very text.
 */
export function createMoment(
  input: CaptureInput,
  id: string,
  now: Date,
  timeZone: string,
  ahead?: ReadText,
): Moment {
  const { iso: createdAt, localDate } = localStamp(now, timeZone);
  const { text, tags, people } = ahead?.text === input.text.trim() ? ahead : readText(input.text);
  return {
    id,
    text,
    tags,
    people,
    createdAt,
    timeZone,
    localDate,
    nextWeek: input.nextWeek,
    private: input.private,
    updatedAt: now.toISOString(),
    deletedAt: null,
  };
}

/** The changes that replace a moment's text, with its tags and people found again. */
export function textChanges(text: string): MomentChanges {
  return readText(text);
}
