import type { Moment } from '../storage/records';

function distinct(values: string[]): number {
  return new Set(values.map((v) => v.toLowerCase())).size;
}

interface Props {
  /** The week's public moments. */
  moments: Moment[];
  privateCount: number;
}

/**
 * The week in numbers: moments, people and tags (when there are any), and how many private
 * moments stay out.
 */
export function ShapeNumbers({ moments, privateCount }: Props) {
  const numbers = [
    { count: moments.length, one: 'moment', many: 'moments' },
    { count: distinct(moments.flatMap((m) => m.people)), one: 'person', many: 'people' },
    { count: distinct(moments.flatMap((m) => m.tags)), one: 'tag', many: 'tags' },
  ];
  return (
    <>
      {moments.length > 0 && (
        <ul class="shape-numbers" aria-label="The week in numbers">
          {numbers.map((n) => (
            <li key={n.one}>
              <strong>{n.count.toLocaleString('en-GB')}</strong>{' '}
              <span>{n.count === 1 ? n.one : n.many}</span>
            </li>
          ))}
        </ul>
      )}
      {privateCount > 0 && (
        <p class="shape-private">
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M5 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2ZM7 11V7a5 5 0 0 1 10 0v4" />
          </svg>
          {privateCount} private {privateCount === 1 ? 'stays' : 'stay'} out
        </p>
      )}
    </>
  );
}
