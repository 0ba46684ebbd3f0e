import { formatNumber } from '../text/numbers';

/** "1 moment", "2 moments", "1,500 words": a count with the noun that agrees with it. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
