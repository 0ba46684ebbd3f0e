import type { Draft } from '../storage/records';
import type { Compiled } from './compile';

/** A week's new draft from compiled content. Its id is the same on every device (ADR 0006). */
export function newDraft(
  weekStart: string,
  content: Omit<Compiled, 'dismissedMomentIds'> & Partial<Pick<Compiled, 'dismissedMomentIds'>>,
  now: string,
): Draft {
  return {
    id: `draft-${weekStart}`,
    weekStart,
    status: 'draft',
    publishedOn: null,
    publishedUrl: null,
    dismissedMomentIds: [],
    ...content,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}
