/** Shown for an address Weeknotes does not have. */
export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <a href="/">Capture a moment</a> or{' '}
        <a href="/week">see this week</a>.
      </p>
    </>
  );
}
