// Realistic weeknote data for the benchmarks: 50 moments a week and a draft a week.
const WORDS = `meeting service centre budget team residents housing repairs council digital
plan roadmap hiring designer developer research users form website contract supplier review
board paper strategy workshop retro standup coffee walk site visit tenant feedback policy
data dashboard sprint delivery discovery alpha beta live migration training coaching wellbeing`.split(
  /\s+/,
);
const TAGS = [
  'budget',
  'hiring',
  'service-centre',
  'housing',
  'digital',
  'strategy',
  'wellbeing',
  'data',
];
const PEOPLE = ['Priya', 'Sam', 'Ana', 'Lee', 'Jo', 'Tom', 'Fatima', 'Olu', 'Grace', 'Wen'];

function random(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function terms(text) {
  return [
    ...new Set(
      text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function isoDay(d) {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `weeks` weeks of moments and drafts ending with the week of `now`, as stored records. */
export function generate(weeks, now = new Date(), perWeek = 50) {
  const rnd = random(42);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const moments = [];
  const drafts = [];
  let n = 0;
  for (let w = 0; w < weeks; w++) {
    const start = new Date(monday.getTime() - w * 7 * 86400000);
    for (let i = 0; i < perWeek; i++) {
      const at = new Date(
        start.getTime() + Math.floor(rnd() * 5) * 86400000 + (8 + rnd() * 10) * 3600000,
      );
      const words = Array.from({ length: 8 + Math.floor(rnd() * 40) }, () => pick(WORDS));
      const tag = rnd() < 0.6 ? pick(TAGS) : null;
      const person = rnd() < 0.5 ? pick(PEOPLE) : null;
      const text = `${person ? `Met @${person} about ` : ''}${words.join(' ')}${tag ? ` #${tag}` : ''}`;
      const id = `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
      moments.push({
        id,
        text,
        createdAt: at.toISOString().replace('Z', '+00:00'),
        timeZone: 'Europe/London',
        localDate: isoDay(at),
        tags: tag ? [tag] : [],
        people: person ? [person] : [],
        nextWeek: rnd() < 0.1,
        private: rnd() < 0.1,
        updatedAt: at.toISOString(),
        deletedAt: null,
        terms: terms(text),
      });
    }
    const weekStart = isoDay(start);
    drafts.push({
      id: `draft-${weekStart}`,
      weekStart,
      title: `Weeknote ${w}`,
      body: Array.from({ length: 12 }, () =>
        Array.from({ length: 50 }, () => pick(WORDS)).join(' '),
      ).join('\n\n'),
      status: 'published',
      publishedOn: weekStart,
      publishedUrl: null,
      momentIds: [],
      dismissedMomentIds: [],
      checklist: [],
      createdAt: start.toISOString(),
      updatedAt: start.toISOString(),
      deletedAt: null,
    });
  }
  return { moments, drafts, mondayOfThisWeek: isoDay(monday) };
}
