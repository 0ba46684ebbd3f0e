// Small inline icons. They are decoration beside a word that says the same, so screen readers skip them.

const common = {
  'aria-hidden': true,
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  class: 'icon',
} as const;

/** A padlock: private. Open, it says "not private". */
export function LockIcon({ open = false }: { open?: boolean }) {
  return (
    <svg {...common}>
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="1.6"
        d={open ? 'M5.25 7V4.25a2.75 2.75 0 0 1 5.5 0' : 'M5.25 7V4.75a2.75 2.75 0 0 1 5.5 0V7'}
      />
    </svg>
  );
}

/** A tick: switched on. */
export function TickIcon() {
  return (
    <svg {...common}>
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
        d="m3 8.5 3.25 3L13 4.5"
      />
    </svg>
  );
}

/** An arrow pointing on: next week. */
export function NextIcon() {
  return (
    <svg {...common}>
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="1.75"
        stroke-linecap="round"
        stroke-linejoin="round"
        d="M2.5 8h10M9 4.5 12.5 8 9 11.5"
      />
    </svg>
  );
}

/** Three dots: more actions. */
export function MoreIcon() {
  return (
    <svg {...common} width={20} height={20} viewBox="0 0 20 20">
      <circle cx="4" cy="10" r="1.75" fill="currentColor" />
      <circle cx="10" cy="10" r="1.75" fill="currentColor" />
      <circle cx="16" cy="10" r="1.75" fill="currentColor" />
    </svg>
  );
}

/** A pencil: edit. */
export function EditIcon() {
  return (
    <svg {...common}>
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linejoin="round"
        d="M10.5 2.5 13.5 5.5 5.5 13.5H2.5V10.5Z M9 4l3 3"
      />
    </svg>
  );
}

/** A bin: delete. */
export function BinIcon() {
  return (
    <svg {...common}>
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
        stroke-linejoin="round"
        d="M2.5 4.5h11M6.5 4.5V2.5h3v2M4 4.5l.75 9h6.5l.75-9M6.75 7v4.5M9.25 7v4.5"
      />
    </svg>
  );
}
