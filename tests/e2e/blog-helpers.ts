import { createServer, type AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const PENDING_KEY = 'weeknotes:indieauth-pending';

/** Leaves a sign-in waiting, as beginSignIn does before sending the writer to their site. */
export async function leavePendingSignIn(page: Page, pending: object): Promise<void> {
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: PENDING_KEY,
    value: JSON.stringify(pending),
  });
}

/** A port on this machine that nothing listens on. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function blogSection(page: Page) {
  return page.getByRole('region', { name: 'Your blog' });
}

/** Opens Settings and waits until the blog section has read what this device keeps. */
export async function openBlogSettings(page: Page): Promise<void> {
  await page.goto('/settings');
  await expect(
    blogSection(page).getByRole('button', { name: 'Connect a Micropub site' }),
  ).toBeVisible();
}

export interface StoredDestination {
  id: string;
  name: string;
  postStatus: string;
  isDefault: boolean;
}

/** Puts connected blogs straight into IndexedDB, as connecting one would (then reload). */
export async function storeDestinations(page: Page, rows: object[]): Promise<void> {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('weeknotes');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction('destinations', 'readwrite');
          for (const row of list) tx.objectStore('destinations').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        };
      }),
    rows,
  );
}

/** The blogs IndexedDB holds. */
export async function storedDestinations(page: Page): Promise<StoredDestination[]> {
  return page.evaluate(
    () =>
      new Promise<StoredDestination[]>((resolve, reject) => {
        const open = indexedDB.open('weeknotes');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const get = open.result.transaction('destinations').objectStore('destinations').getAll();
          get.onsuccess = () => {
            resolve(get.result as StoredDestination[]);
            open.result.close();
          };
        };
      }),
  );
}

export const FIELD_NOTES = {
  id: 'dest-field-notes',
  kind: 'wordpress',
  name: 'Field notes',
  site: 'https://fieldnotes.example',
  apiRoot: 'https://fieldnotes.example/wp-json/',
  username: 'sam',
  postStatus: 'draft',
  isDefault: true,
  createdAt: '2026-11-20T16:00:00.000Z',
};

export const GARDEN = {
  id: 'dest-garden',
  kind: 'micropub',
  name: 'Digital garden',
  site: 'https://garden.example',
  me: 'https://garden.example/',
  micropubEndpoint: 'https://garden.example/micropub',
  canListPosts: false,
  postStatus: 'draft',
  isDefault: false,
  createdAt: '2026-11-20T16:05:00.000Z',
};
