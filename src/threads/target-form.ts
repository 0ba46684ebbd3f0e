import type { YearlyTarget } from '../storage/records';

/** What the writer typed into the new-target form. */
export interface TargetForm {
  label: string;
  amount: string;
  unit: string;
  counts: string;
}

const UNIT = /^\p{L}{1,20}$/u;
const COUNT = /^#?[\p{L}\p{N}](?:[\p{L}\p{N}_-]{0,58}[\p{L}\p{N}])?$/u;

/**
 * A target from the form, or the first problem in the writer's words. The same limits as the
 * settings schema, said before saving rather than refused after.
 */
export function readTargetForm(
  form: TargetForm,
  id: string,
): { target: YearlyTarget } | { problem: string; field: keyof TargetForm } {
  const label = form.label.trim();
  if (label === '' || label.length > 80)
    return { problem: 'Say what the target is for, in up to 80 characters.', field: 'label' };
  const amount = Number(form.amount.replace(/,/g, '').trim());
  if (form.amount.trim() === '' || !Number.isFinite(amount) || amount <= 0 || amount > 1e9)
    return { problem: 'The target is a number above 0, up to 1,000,000,000.', field: 'amount' };
  const unit = form.unit.trim();
  if (!UNIT.test(unit))
    return {
      problem: 'The unit is one word of letters, such as miles, km or steps.',
      field: 'unit',
    };
  const counts = form.counts.split(/[\s,]+/).filter((c) => c !== '');
  if (counts.length === 0 || counts.length > 10 || !counts.every((c) => COUNT.test(c)))
    return {
      problem: 'Name up to 10 #tags or single words that count, such as #run ran.',
      field: 'counts',
    };
  return { target: { id, label, amount, unit, counts } };
}
