import type { ManifestOptions } from 'vite-plugin-pwa';

/** Theme colour shared by the manifest and the page's meta tag. */
export const THEME_COLOUR = '#1f4e5f';

/** The web app manifest: what the browser needs to install Weeknotes and offer its shortcuts. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Weeknotes',
  short_name: 'Weeknotes',
  description: 'Jot moments during the week and turn them into your weeknote on Friday.',
  lang: 'en-GB',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOUR,
  background_color: '#f7f5f1',
  categories: ['productivity', 'utilities'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  screenshots: [
    {
      src: '/screenshots/capture-narrow.png',
      sizes: '720x1280',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'Capturing a moment on a phone',
    },
    {
      src: '/screenshots/week-wide.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide',
      label: "The week's moments grouped by day",
    },
  ],
  shortcuts: [
    {
      name: 'Capture a moment',
      short_name: 'Capture',
      description: 'Jot a moment straight away',
      url: '/?source=shortcut',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
    {
      name: 'This week',
      short_name: 'Week',
      url: '/week',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
  ],
  share_target: {
    action: '/share',
    method: 'GET',
    enctype: 'application/x-www-form-urlencoded',
    params: { title: 'title', text: 'text', url: 'url' },
  },
};
