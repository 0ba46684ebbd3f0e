import { useState } from 'preact/hooks';
import { useLive } from '../app/use-live';
import { MomentItem } from '../capture/MomentItem';
import { searchMoments } from '../storage/moments';

/** Search across every week; results replace nothing and list newest first with their day. */
export function SearchMoments() {
  const [query, setQuery] = useState('');
  const results = useLive(() => searchMoments(query), [query]);
  const searching = query.trim() !== '';

  return (
    <div class="search week-search">
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search-text">Search all weeks</label>
        <input
          id="search-text"
          type="search"
          value={query}
          autoComplete="off"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </form>
      {searching && results && (
        <section aria-label="Search results">
          <p role="status">
            {results.length === 0
              ? 'No moments match.'
              : `${results.length}${results.length === 100 ? '+' : ''} moment${results.length === 1 ? '' : 's'} found.`}
          </p>
          <ul class="moments">
            {results.map((m) => (
              <MomentItem key={m.id} moment={m} withDay compact />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
