/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { BUILT_PAGES, pageFor } from './capture/paths';
import { openReminder, showReminder } from './pwa/reminder-notification';
import { keepSubscription } from './pwa/resubscribe';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

// The app shell: every built asset, so Weeknotes opens and captures with no network.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any app address opens offline: capture's page (its box prerendered in the HTML) for `/` and
// `/share`, a screen's own shell for the screens that have one, the empty shell for any other.
// The server's own paths and files go to the network.
const pages = new Map(BUILT_PAGES.map((page) => [page, createHandlerBoundToURL(page)]));
const shell = pages.get('/shell.html') ?? createHandlerBoundToURL('/shell.html');
registerRoute(
  new NavigationRoute((options) => (pages.get(pageFor(options.url.pathname)) ?? shell)(options), {
    // Addresses of real files (a path ending in an extension) are not app routes. Only the path
    // is looked at: a query may end in one too (a blog's sign-in comes back with `iss=…blog`).
    denylist: [/^\/api\//, /^\/healthz$/, /^[^?]*\/[^/?]+\.[a-z0-9]+(?:\?|$)/i],
  }),
);

// A new version waits until the writer chooses to reload (see src/pwa/sw-bridge.ts).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Reminders (ADR 0012): the push carries no words; the week is counted here, on the device.
self.addEventListener('push', (event) =>
  event.waitUntil(showReminder(self, event.data, new Date())),
);
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openReminder(self, event.notification.data));
});
// A push service that rotates the subscription (Firefox): tell the server the new one.
self.addEventListener('pushsubscriptionchange', (event: Event) => {
  const change = event as ExtendableEvent & {
    oldSubscription?: PushSubscription | null;
    newSubscription?: PushSubscription | null;
  };
  change.waitUntil(
    keepSubscription(
      self.registration.pushManager,
      change.oldSubscription ?? null,
      change.newSubscription ?? null,
      (method, body) =>
        fetch('/api/push/subscription', {
          method,
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
    ),
  );
});

// On first install, take control at once so the very first visit already works offline.
clientsClaim();
