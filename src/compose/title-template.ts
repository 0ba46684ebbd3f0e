import type { Week } from '../week/iso-week';

const TOKENS: Record<string, (week: Week, series: number) => string> = {
  series: (_w, series) => String(series),
  week: (w) => String(w.isoWeek).padStart(2, '0'),
  yy: (w) => String(w.isoYear % 100).padStart(2, '0'),
  yyyy: (w) => String(w.isoYear),
};

const TOKEN = /\{(\w+)\}/g;

/** The title for a week: "Weeknote v{series}.{week}" → "Weeknote v10.47". Unknown tokens stay. */
export function renderTitle(template: string, week: Week, series: number): string {
  return template.replace(TOKEN, (whole, name: string) => TOKENS[name]?.(week, series) ?? whole);
}

/** Why a title template will not work as the writer expects, or null. */
export function templateProblem(template: string): string | null {
  if (template.trim() === '') return 'The title template cannot be empty.';
  const unknown = [...template.matchAll(TOKEN)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(name in TOKENS));
  if (unknown.length > 0) {
    return `Unknown ${unknown.length === 1 ? 'token' : 'tokens'} ${unknown.map((u) => `{${u}}`).join(', ')}. Use {series}, {week}, {yy} or {yyyy}.`;
  }
  return null;
}
