/**
 * "Ready to work offline" after the first install (for a few seconds), and "Update available —
 * reload" when a new version is waiting (until answered). Nothing reloads unless the user taps
 * Reload: an attendee may be typing a note or reading a talk.
 */

import { useRegisterSW } from 'virtual:pwa-register/preact';
import { useEffect } from 'preact/hooks';

/** "Ready to work offline" is news, not a question: it goes by itself after this long. */
const OFFLINE_READY_SHOWN_MS = 6000;

/** The service worker's messages to the user. */
export function ReloadPrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Look for a new version every hour while the app stays open.
      if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000);
    },
  });
  // It sits over the top of the view: once read, it should not need a tap to go.
  useEffect(() => {
    if (!offlineReady || needRefresh) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, needRefresh]);
  if (!offlineReady && !needRefresh) return null;
  return (
    <div class="reload-prompt" role="status" aria-live="polite">
      <span>
        {needRefresh ? 'A new version of Plan B is available.' : 'Plan B is ready to work offline.'}
      </span>
      {needRefresh && (
        <button type="button" class="button" onClick={() => void updateServiceWorker(true)}>
          Reload
        </button>
      )}
      <button
        type="button"
        class="button button-quiet"
        onClick={() => {
          setOfflineReady(false);
          setNeedRefresh(false);
        }}
      >
        {needRefresh ? 'Later' : 'OK'}
      </button>
    </div>
  );
}
