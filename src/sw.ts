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
