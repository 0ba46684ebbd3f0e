import type { Week } from '../week/iso-week';

/**
 * The tokens a title template may use. A Map, so only these own keys count: a name such as
 * `__proto__`, `constructor` or `toString` is an unknown token, never something inherited.
 */
const TOKENS: ReadonlyMap<string, (week: Week, series: number) => string> = new Map([
  ['series', (_w: Week, series: number) => String(series)],
  ['week', (w: Week) => String(w.isoWeek).padStart(2, '0')],
  ['yy', (w: Week) => String(w.isoYear % 100).padStart(2, '0')],
  ['yyyy', (w: Week) => String(w.isoYear)],
]);

const TOKEN = /\{(\w+)\}/g;

/** The title for a week: "Weeknote v{series}.{week}" → "Weeknote v10.47". Unknown tokens stay. */
export function renderTitle(template: string, week: Week, series: number): string {
  return template.replace(TOKEN, (whole, name: string) => {
    const token = TOKENS.get(name);
    return token ? token(week, series) : whole;
  });
}

/** Why a title template will not work as the writer expects, or null. */
export function templateProblem(template: string): string | null {
  if (template.trim() === '') return 'The title template cannot be empty.';
  const unknown = [...template.matchAll(TOKEN)]
    .map((m) => m[1] ?? '')
    .filter((name) => !TOKENS.has(name));
  if (unknown.length > 0) {
    return `Unknown ${unknown.length === 1 ? 'token' : 'tokens'} ${unknown.map((u) => `{${u}}`).join(', ')}. Use {series}, {week}, {yy} or {yyyy}.`;
  }
  return null;
}
