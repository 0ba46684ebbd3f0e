import { useLocation } from 'preact-iso';

const LINKS = [
  { href: '/', label: 'Capture', matches: (p: string) => p === '/' || p === '/share' },
  { href: '/week', label: 'Week', matches: (p: string) => p.startsWith('/week') },
  { href: '/write', label: 'Write', matches: (p: string) => p.startsWith('/write') },
  { href: '/archive', label: 'Archive', matches: (p: string) => p === '/archive' },
  { href: '/settings', label: 'Settings', matches: (p: string) => p === '/settings' },
];

/** The app name and the main navigation. */
export function Header() {
  const { path } = useLocation();
  return (
    <header class="app-header">
      <span class="brand">Weeknotes</span>
      <nav aria-label="Main">
        {LINKS.map((l) => (
          <a key={l.href} href={l.href} aria-current={l.matches(path) ? 'page' : undefined}>
            {l.label}
          </a>
        ))}
      </nav>
    </header>
  );
}
