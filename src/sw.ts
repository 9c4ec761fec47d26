/**
 * The service worker: precaches the app shell (the list is injected at build time) and serves
 * index.html for every navigation, so the app opens with no network, with the last saved Now
 * screen painted in it (src/storage/saved-screen.ts): talks on screen before any script runs.
 * The schedule itself lives in IndexedDB, not here. A new version waits until the user agrees
 * to reload.
 */
/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { openPlanBDb } from './storage/db';
import { pageWithSavedScreen, readSavedScreen } from './storage/saved-screen';
import { reminderInstant, reminderNotifications } from './sync/reminder-push';
import { createReportOutbox, REPORT_SYNC_TAG, replayForBackgroundSync } from './sync/report-outbox';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
const shellHandler = createHandlerBoundToURL('index.html');
registerRoute(
  new NavigationRoute(
    async (options) => {
      const shell = await shellHandler(options);
      try {
        const screen = shell.ok ? await readSavedScreen() : undefined;
        const page = screen && pageWithSavedScreen(await shell.clone().text(), screen);
        if (!page) return shell;
        // The shell's own headers (its Content-Security-Policy among them), for another body.
        const headers = new Headers(shell.headers);
        headers.delete('Content-Length');
        headers.delete('Content-Encoding');
        return new Response(page, { status: 200, headers });
      } catch {
        return shell; // no saved screen is ever worth a page that does not open
      }
    },
    { denylist: [/^\/api\//] },
  ),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** The Background Sync event (not in TypeScript's WebWorker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Crowd reports queued offline: the browser wakes us when it has a network, even with the app
// closed. We replay the outbox and fail while reports remain, so the browser tries again later.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== REPORT_SYNC_TAG) return;
  sync.waitUntil(
    (async () => {
      const db = await openPlanBDb(undefined, {});
      const outbox = createReportOutbox({
        db,
        fetch: (input, init) => fetch(input, init),
        relayUrl: self.location.origin,
        isOnline: () => self.navigator.onLine,
      });
      try {
        await replayForBackgroundSync(outbox);
      } finally {
        outbox.stop(); // no retry timer here: the browser retries a failed sync itself
        db.close();
      }
    })(),
  );
});

// A reminder push carries only an instant: the talks are looked up in IndexedDB (sync/
// reminder-push.ts) and shown, one notification per talk; a tap opens the talk.
self.addEventListener('push', (event) => {
  let data: unknown;
  try {
    data = event.data?.json();
  } catch {
    data = undefined;
  }
  const at = reminderInstant(data);
  if (at === undefined) return;
  event.waitUntil(
    (async () => {
      const db = await openPlanBDb(undefined, {});
      try {
        const shown = await reminderNotifications(db, at, Date.now(), self.location.origin);
        await Promise.all(
          shown.map((n) =>
            self.registration.showNotification(n.title, {
              body: n.body,
              tag: n.tag,
              data: { url: n.url },
              icon: '/pwa-192x192.png',
              badge: '/pwa-64x64.png',
            }),
          ),
        );
      } finally {
        db.close();
      }
    })(),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/';
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows[0];
      if (open) {
        await open.focus();
        await open.navigate(url).catch(() => undefined);
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
