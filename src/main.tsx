/**
 * Start-up: open IndexedDB, create the store, render beside the painted shell and take over,
 * register the service worker, ask the browser to keep our data, keep the first screen for the
 * next start. This module is in the first-load bundle: keep it small.
 */
import { render } from 'preact';
import { createInPageImporter, createWorkerImporter } from './state/importer';
import { createAppStore } from './state/store';
import { openPlanBDb } from './storage/db';
import { App, preloadInitialView } from './ui/app';
import { takeOver } from './ui/take-over';
import './ui/styles.css';
import './ui/shell.css';
// The styles of Now, the view the app opens on, come with the shell: no stylesheet to fetch and
// apply in the middle of the first render.
import './ui/components/crowd.css';
import './ui/views/Now/Now.css';

async function boot(): Promise<void> {
  preloadInitialView();
  const root = document.getElementById('app')!;
  let db: Awaited<ReturnType<typeof openPlanBDb>>;
  try {
    db = await openPlanBDb(undefined, {
      onBlocking: () => {
        // The live root by then (it took over from the painted one and its id).
        document
          .getElementById('app')
          ?.insertAdjacentHTML(
            'afterbegin',
            '<p class="notice notice-warning" role="alert">Plan B was updated in another tab. Reload this page to continue.</p>',
          );
      },
    });
  } catch (error) {
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'empty';
    p.setAttribute('role', 'alert');
    p.textContent = `Plan B cannot open its storage on this device (${(error as Error).message}). Private browsing can block it.`;
    root.append(p);
    return;
  }
  const supportsModuleWorkers = typeof Worker !== 'undefined';
  const store = createAppStore({
    db,
    importer: supportsModuleWorkers ? createWorkerImporter() : createInPageImporter(db),
    scheduleUrl: new URL('/api/schedule', location.href).href,
    nowParam: new URLSearchParams(location.search).get('now'),
    // The relay serves the app: crowd reports and room status are on the same origin.
    relayUrl: location.origin,
  });
  const live = takeOver(root, store, (into) => render(<App store={store} />, into));
  // The service worker's prompts ("ready offline", "update available") come after first paint.
  void import('./ui/components/ReloadPrompt').then(({ ReloadPrompt }) => {
    const slot = document.createElement('div');
    document.body.append(slot);
    render(<ReloadPrompt />, slot);
  });
  void store.start();
  window.addEventListener('online', () => void store.refresh());
  // Ask the browser not to evict the schedule and notes under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);
  // The next start paints this one's first screen at once (the service worker serves it).
  void live.then((app) => import('./keep-screen').then((m) => m.keepScreens(app, store)));
}

void boot();
