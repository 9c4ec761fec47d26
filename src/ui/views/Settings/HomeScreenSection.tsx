/**
 * Settings → Home screen: how to keep Plan B one tap away, so it opens with no network at the
 * venue. The browser's own install prompt where it has one (Chromium), else the steps.
 */
import { useState } from 'preact/hooks';
import { useStore } from '../../../state/context';
import { SettingsSection } from './SettingsSection';

/** The home screen section. */
export function HomeScreenSection() {
  const home = useStore().homeScreen;
  const [declined, setDeclined] = useState(false);
  return (
    <SettingsSection id="home-screen" title="Home screen">
      {home.installed.value ? (
        <p>Plan B is on your home screen: open it from there, with or without a network.</p>
      ) : (
        <>
          <p>
            Add Plan B to your home screen: it opens in one tap, full screen, and works with no
            network at the venue.
          </p>
          {home.canPrompt.value ? (
            <p>
              <button
                type="button"
                class="button"
                onClick={async () => setDeclined(!(await home.install()))}
              >
                Add to home screen
              </button>
            </p>
          ) : home.platform === 'ios' ? (
            <p>
              In Safari, tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>.
            </p>
          ) : (
            <p>
              In your browser's menu, choose <strong>Install app</strong> or{' '}
              <strong>Add to Home screen</strong>.
            </p>
          )}
          {declined && (
            <p class="muted">Not added. The browser's menu can still do it at any time.</p>
          )}
        </>
      )}
    </SettingsSection>
  );
}
