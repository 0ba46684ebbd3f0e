import { describe, expect, it } from 'vitest';
import { readTargetForm, type TargetForm } from './target-form';

const form: TargetForm = { label: 'running', amount: '1,500', unit: 'miles', counts: '#run, ran' };

describe('readTargetForm', () => {
  it('reads a target, with en-GB thousands and tags or words apart', () => {
    expect(readTargetForm(form, 'id1')).toEqual({
      target: { id: 'id1', label: 'running', amount: 1500, unit: 'miles', counts: ['#run', 'ran'] },
    });
  });

  it.each<[Partial<TargetForm>, keyof TargetForm]>([
    [{ label: ' ' }, 'label'],
    [{ label: 'x'.repeat(81) }, 'label'],
    [{ amount: '' }, 'amount'],
    [{ amount: '0' }, 'amount'],
    [{ amount: '-5' }, 'amount'],
    [{ amount: 'lots' }, 'amount'],
    [{ amount: '2000000000' }, 'amount'],
    [{ unit: 'light years' }, 'unit'],
    [{ unit: '' }, 'unit'],
    [{ counts: '' }, 'counts'],
    [{ counts: 'went-for-a-run!' }, 'counts'],
    [{ counts: Array.from({ length: 11 }, (_, i) => `w${i}`).join(' ') }, 'counts'],
  ])('refuses %j in %s', (change, field) => {
    const got = readTargetForm({ ...form, ...change }, 'id1');
    expect(got).toMatchObject({ field });
  });
});
