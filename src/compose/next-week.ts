import { segments } from '../capture/parse-moment';
import { momentProse } from './prose';
import type { DisplayNames } from './tag-names';

/** A Markdown list item ("- x", "* x", "1. x", "2) x", "- [ ] x"); group 1 is its text. */
export const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s/;
/** A line that starts the closing paragraph. */
export const STARTS_NEXT_WEEK = /^next week\b/i;
const ENDS_SENTENCE = /[.!?…:]["'”’)\]]*$/;
const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}'’-]*$/u;
const SHORT_FRAGMENT_WORDS = 12;

/** The text as a sentence: a capital first letter and a full stop unless it already ends one. */
export function asSentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toLocaleUpperCase('en-GB') + t.slice(1);
  return ENDS_SENTENCE.test(capital) ? capital : `${capital}.`;
}

/**
 * The prose with its first word in lower case so it can follow "Next week ": only a capitalised
 * ordinary word ("Agree" → "agree"). "I", "I'm", acronyms ("NHS"), and a first @person or #tag
 * (a name) keep their case. A proper noun typed without @ is lowered too: the writer edits it.
 */
function afterNextWeek(raw: string, prose: string): string {
  const first = segments(raw.trimStart())[0];
  if (first && first.kind !== 'text') return prose;
  const word = /^[\p{L}\p{N}'’-]+/u.exec(prose)?.[0] ?? '';
  if (word === 'I' || /^I['’]/.test(word) || !CAPITALISED_WORD.test(word)) return prose;
  return prose.charAt(0).toLocaleLowerCase('en-GB') + prose.slice(1);
}

function isShortFragment(prose: string): boolean {
  return (
    !prose.includes('\n') &&
    !ENDS_SENTENCE.test(prose) &&
    !STARTS_NEXT_WEEK.test(prose) &&
    prose.split(/\s+/).length <= SHORT_FRAGMENT_WORDS
  );
}

interface Piece {
  raw: string;
  prose: string;
}

function asList(pieces: Piece[]): string {
  const lines = pieces.flatMap((p) => p.prose.split('\n')).filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  const ownHeader = !LIST_ITEM.test(first) && STARTS_NEXT_WEEK.test(first);
  const header = ownHeader
    ? first.endsWith(':')
      ? first
      : `${first.replace(/[.,;]+$/, '')}:`
    : 'Next week:';
  const items = (ownHeader ? lines.slice(1) : lines).map((l) =>
    (LIST_ITEM.exec(l)?.[1] ?? l).trim(),
  );
  const numbered = lines.some((l) => NUMBERED.test(l));
  return [
    header,
    '',
    ...items.map((item, i) => (numbered ? `${i + 1}. ${item}` : `- ${item}`)),
  ].join('\n');
}

function asParagraph(pieces: Piece[]): string {
  return pieces
    .map(({ raw, prose }, i) => {
      if (i > 0) return asSentence(prose);
      if (STARTS_NEXT_WEEK.test(prose)) return asSentence(prose);
      return asSentence(`Next week ${afterNextWeek(raw, prose)}`);
    })
    .join(' ');
}

/**
 * The closing "Next week…" block of a draft from the next-week moments' texts, in order, or null
 * when there are none. Each moment reads as prose (`momentProse`).
 *
 * - **A paragraph**, normally. If the first moment already starts with "Next week" its words are
 *   kept (a full stop is added if it ends without one); otherwise it becomes "Next week " + the moment, its first word lowered ("Agree the
 *   paper" → "Next week agree the paper."). Every other moment follows as its own sentence, with a
 *   capital and a full stop added when missing. A moment's own line breaks are kept.
 * - **A list** ("Next week:", a blank line, then "- item" lines) when the moments were a list:
 *   a moment has list-item lines ("- x", "1. x"), or there are two or more next-week moments and
 *   each is a short fragment (one line of at most 12 words with no closing full stop, "?" or "!").
 *   A first line starting "Next week" is kept as the list's lead-in; numbered items stay
 *   numbered (1., 2., … in the new order).
 */
export function nextWeekBlock(texts: string[], names: DisplayNames = {}): string | null {
  const pieces = texts
    .map((raw) => ({ raw, prose: momentProse(raw, names) }))
    .filter((p) => p.prose !== '');
  if (pieces.length === 0) return null;
  const hasList = pieces.some((p) => p.prose.split('\n').some((l) => LIST_ITEM.test(l)));
  const fragments = pieces.length >= 2 && pieces.every((p) => isShortFragment(p.prose));
  return hasList || fragments ? asList(pieces) : asParagraph(pieces);
}
