/**
 * "Ready to work offline" after the first install, and "Update available — reload" when a new
 * version is waiting. Nothing reloads unless the user taps Reload: an attendee may be typing a
 * note or reading a talk.
 */
import { useRegisterSW } from 'virtual:pwa-register/preact';

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
