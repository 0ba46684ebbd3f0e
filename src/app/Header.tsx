import { useLocation } from 'preact-iso';
import { Icon, type IconName } from './icons';
import { SyncStatusLine } from './SyncStatusLine';

const LINKS: { href: string; label: string; icon: IconName; matches: (p: string) => boolean }[] = [
  { href: '/', label: 'Capture', icon: 'capture', matches: (p) => p === '/' || p === '/share' },
  { href: '/week', label: 'Week', icon: 'week', matches: (p) => p.startsWith('/week') },
  { href: '/write', label: 'Write', icon: 'write', matches: (p) => p.startsWith('/write') },
  { href: '/archive', label: 'Archive', icon: 'archive', matches: (p) => p === '/archive' },
  {
    href: '/settings',
    label: 'Settings',
    icon: 'settings',
    matches: (p) => p.startsWith('/settings'),
  },
];

/**
 * The app name and the main navigation: a bar along the top on wide screens, and on phones the
 * name at the top and a tab bar with icons at the bottom, where the thumb is.
 */
export function Header() {
  const { path } = useLocation();
  return (
    <header class="app-header">
      <a class="brand" href="/">
        <img class="brand-mark" src="/icons/favicon.svg" alt="" width={24} height={24} />
        Weeknotes
      </a>
      <SyncStatusLine />
      <nav class="tabs-nav" aria-label="Main">
        {LINKS.map((l) => (
          <a key={l.href} href={l.href} aria-current={l.matches(path) ? 'page' : undefined}>
            <Icon name={l.icon} size={22} />
            <span class="tab-label">{l.label}</span>
          </a>
        ))}
      </nav>
    </header>
  );
}
