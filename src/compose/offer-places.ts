import type { Moment } from '../storage/records';
import { dayLabel, daysOf, type Week } from '../week/iso-week';
import { findClosing } from './closing-paragraph';
import {
  addNextWeekItem,
  insertBeforeNextWeek,
  insertIntoSection,
  insertNewSection,
  nextWeekHeading,
  sectionsOf,
} from './markdown-sections';
import { LIST_ITEM, nextWeekBlock } from './next-week';
import { momentProse } from './prose';
import { firstTag, nameAsWords, themeName, type DisplayNames } from './tag-names';

/** Where a moment offered after compiling can go, as a select option. */
export interface PlaceOption {
  value: string;
  label: string;
}

const END = 'end';
const BEFORE_NEXT = 'before-next';
const NEXT = 'next';
const HEADING = 'h:';
const NEW = 'new:';

const same = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }) === 0;

/**
 * The place suggested for a moment captured after compiling: a next-week moment joins the
 * closing "Next week…" paragraph or list (or the old "## Next week" section); another moment goes
 * under the heading of its tag's theme when the draft has one (or its day's, in drafts from before
 * day headings went), and otherwise at the end, just before the Next week paragraph.
 */
export function suggestedPlace(
  moment: Moment,
  body: string,
  names: DisplayNames,
  week: Week,
): string {
  const headings = sectionsOf(body).map((s) => s.heading);
  if (moment.nextWeek) {
    const old = nextWeekHeading(body);
    return old ? HEADING + old : NEXT;
  }
  const tag = firstTag(moment);
  const theme = tag
    ? headings.find((h) => same(h, themeName(tag, names)) || same(h, nameAsWords(tag)))
    : undefined;
  if (theme) return HEADING + theme;
  const day = dayLabel(moment.localDate);
  if (headings.includes(day)) return HEADING + day;
  const days = daysOf(week).map(dayLabel);
  if (headings.some((h) => days.includes(h))) return NEW + day;
  return nextWeekHeading(body) || findClosing(body.split('\n')) ? BEFORE_NEXT : END;
}

/** The places a moment can go in this draft, the suggested one among them. */
export function placesFor(body: string, suggested: string): PlaceOption[] {
  const closing = findClosing(body.split('\n'));
  const options: PlaceOption[] = sectionsOf(body).map((s) => ({
    value: HEADING + s.heading,
    label: s.heading,
  }));
  if (suggested.startsWith(NEW)) {
    options.push({ value: suggested, label: `A new section: ${suggested.slice(NEW.length)}` });
  }
  if (closing) {
    options.push({ value: BEFORE_NEXT, label: 'Before the Next week paragraph' });
    const list = closing.listStart !== null;
    options.push({ value: NEXT, label: `Into the Next week ${list ? 'list' : 'paragraph'}` });
  } else if (suggested === NEXT) {
    options.push({ value: NEXT, label: 'A new Next week paragraph' });
  }
  options.push({ value: END, label: 'The end of the draft' });
  return options;
}

function addToNextWeek(body: string, text: string, names: DisplayNames): string {
  const prose = momentProse(text, names);
  const closing = findClosing(body.split('\n'));
  if (!closing) return insertIntoSection(body, null, nextWeekBlock([text], names) ?? prose);
  if (closing.listStart === null) return addNextWeekItem(body, prose.replace(/\n{2,}/g, '\n'));
  return prose
    .split('\n')
    .filter((l) => l.trim() !== '')
    .reduce((b, l) => addNextWeekItem(b, (LIST_ITEM.exec(l)?.[1] ?? l).trim()), body);
}

/** The body with a moment put in a place, every other line left as the writer had it. */
export function insertMoment(
  body: string,
  moment: Moment,
  place: string,
  names: DisplayNames,
): string {
  const prose = momentProse(moment.text, names);
  if (place === NEXT) return addToNextWeek(body, moment.text, names);
  if (place === BEFORE_NEXT) return insertBeforeNextWeek(body, prose);
  if (place.startsWith(NEW)) return insertNewSection(body, place.slice(NEW.length), prose);
  if (place.startsWith(HEADING)) {
    const heading = place.slice(HEADING.length);
    const asItem = moment.nextWeek && heading === nextWeekHeading(body);
    return insertIntoSection(body, heading, asItem ? `- ${prose}` : prose);
  }
  return insertIntoSection(body, null, prose);
}
