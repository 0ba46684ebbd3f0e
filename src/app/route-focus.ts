const WAIT_MS = 3000;

/** Calls `found` with the screen's main heading once it is on the page. */
function whenHeading(found: (h1: HTMLElement) => void): void {
  const started = performance.now();
  const look = (): void => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) found(h1);
    else if (performance.now() - started < WAIT_MS) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

let lastScreen: string | null = null;

/**
 * Called when a screen has loaded and rendered: names the page after the screen's heading and,
 * after moving between screens, puts focus on that heading, so a screen-reader or keyboard user
 * lands on the new screen instead of the link they pressed. The first screen keeps the focus it
 * takes itself, and so does capture, whose box takes focus.
 */
export function announceScreen(url: string, first = false): void {
  const path = url.split('?')[0] ?? url;
  // Earlier/Later between weeks stays on one screen: the focus stays on the button pressed.
  const screen = path.split('/')[1] ?? '';
  const sameScreen = screen === lastScreen;
  lastScreen = screen;
  whenHeading((h1) => {
    const name = h1.textContent?.trim();
    document.title = name ? `${name} · Weeknotes` : 'Weeknotes';
    if (first || sameScreen || path === '/' || path === '/share') return;
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
    h1.focus();
  });
}
