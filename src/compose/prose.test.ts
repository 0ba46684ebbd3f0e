import { describe, expect, it } from 'vitest';
import { nextWeekBlock } from './next-week';
import { momentProse } from './prose';
import { nameAsWords, personName, tagName, themeName } from './tag-names';
import { countWords, readingTime } from './word-count';

describe('momentProse', () => {
  it.each([
    ['Met @Priya about the #service-centre', 'Met Priya about the service centre'],
    ['Budget review went well #budget #finance', 'Budget review went well'],
    ['#hiring panel with @Sam today', 'hiring panel with Sam today'],
    ['Email sam@council.gov.uk', 'Email sam@council.gov.uk'],
    ['Line one\nLine two #tag', 'Line one\nLine two'],
    ['#only #tags', ''],
    ['Good chat #hiring', 'Good chat'],
    ['Panel for #hiring', 'Panel for hiring'],
    ['Signs are up. #estates', 'Signs are up.'],
    // Multi-line moments keep their lines; labels at a line's end and label-only lines go.
    [
      'Retro #team\nWent well: the demo #wins\nDidn’t: the room\nAction: book a bigger one',
      'Retro\nWent well: the demo\nDidn’t: the room\nAction: book a bigger one',
    ],
    ['Great day   \n#team #retro', 'Great day'],
    ['One\n\n\n\nTwo', 'One\n\nTwo'],
    ['Windows line\r\nends', 'Windows line\nends'],
    // Tags and people read as words.
    ['Launched the #BlueBadge form', 'Launched the Blue Badge form'],
    [
      'Agreed the #parking-permits and #parking_permits plans',
      'Agreed the parking permits and parking permits plans',
    ],
    ['Data work on the #dataplatform', 'Data work on the dataplatform'],
    ['Met @PriyaShah and @sam_jones', 'Met Priya Shah and sam jones'],
  ])('%j → %j', (text, prose) => {
    expect(momentProse(text)).toBe(prose);
  });

  it('uses the writer’s names for tags and people', () => {
    const names = { dataplatform: 'Data Platform', '@sam': 'Sam Jones', constructor: '' };
    expect(momentProse('@Sam demoed the #DataPlatform to #constructor', names)).toBe(
      'Sam Jones demoed the Data Platform to constructor',
    );
  });
});

describe('tag and person names', () => {
  it.each([
    ['BlueBadge', 'Blue Badge'],
    ['parkingPermits', 'parking permits'],
    ['parking-permits', 'parking permits'],
    ['parking_permits', 'parking permits'],
    ['dataplatform', 'dataplatform'],
    ['HRSystem', 'HR System'],
    ['myNHSApp', 'my NHS app'],
    ['q3-plan', 'q3 plan'],
    ['Zoë', 'Zoë'],
  ])('%s reads as %j', (name, words) => {
    expect(nameAsWords(name)).toBe(words);
  });

  it('lets the writer name a tag or a person, keyed in lower case', () => {
    const names = { bluebadge: 'Blue Badge scheme', '@priya': 'Priya Patel', hasownproperty: 'x' };
    expect(tagName('BlueBadge', names)).toBe('Blue Badge scheme');
    expect(personName('Priya', names)).toBe('Priya Patel');
    expect(personName('Sam', names)).toBe('Sam');
    expect(tagName('toString', {})).toBe('to string');
    expect(themeName('service-centre', {})).toBe('Service centre');
    expect(themeName('service-centre', { 'service-centre': 'The service centre' })).toBe(
      'The service centre',
    );
  });
});

describe('nextWeekBlock', () => {
  it.each([
    ['nothing', [], null],
    ['only labels', ['#budget'], null],
    ['one moment', ['Agree the budget paper'], 'Next week agree the budget paper.'],
    [
      'one that starts "Next week"',
      ["Next week I'm mostly on holiday…"],
      "Next week I'm mostly on holiday…",
    ],
    ['"I" keeps its capital', ["I'm on leave Monday"], "Next week I'm on leave Monday."],
    [
      'a person keeps their capital',
      ['@Priya starts the review'],
      'Next week Priya starts the review.',
    ],
    [
      'an acronym keeps its capitals',
      ['NHS data sharing meeting'],
      'Next week NHS data sharing meeting.',
    ],
    [
      'sentences joined',
      ['Back from leave on Wednesday.', 'budget paper goes to cabinet'],
      'Next week back from leave on Wednesday. Budget paper goes to cabinet.',
    ],
    [
      'a fragment and a sentence',
      ['Away day', 'I want the form live by Friday, fingers crossed.'],
      'Next week away day. I want the form live by Friday, fingers crossed.',
    ],
    [
      'a multi-line moment keeps its lines',
      ['Next week:\nMonday on leave\nTuesday back'],
      'Next week:\nMonday on leave\nTuesday back.',
    ],
    [
      'several short fragments',
      ['Agree the budget paper', 'Hire a designer #hiring'],
      'Next week:\n\n- Agree the budget paper\n- Hire a designer',
    ],
    [
      'a moment that is a list',
      ['- Agree the paper\n- Ship the form'],
      'Next week:\n\n- Agree the paper\n- Ship the form',
    ],
    [
      'a numbered list with its own lead-in',
      ['Next week, six things before Christmas\n1. Ship the form\n2. Hire', 'Book the away day'],
      'Next week, six things before Christmas:\n\n1. Ship the form\n2. Hire\n3. Book the away day',
    ],
  ])('%s', (_case, texts, block) => {
    expect(nextWeekBlock(texts)).toBe(block);
  });
});

describe('word count', () => {
  it.each([
    ['', 0],
    ['# Title\n\nOne two three.', 4],
    ["It's a [link to the post](https://example.org/a-b-c) here", 7],
    ['- one\n- two\n\n```\ncode not counted\n```', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('gives a reading time, rounded up', () => {
    expect(readingTime(0)).toBe('0 min read');
    expect(readingTime(1)).toBe('1 min read');
    expect(readingTime(231)).toBe('2 min read');
  });
});
