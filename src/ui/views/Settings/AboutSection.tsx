/** Settings → About: the version, whether this copy works offline, and where to read more. */
import { useEffect, useState } from 'preact/hooks';
import { version } from '../../../../package.json';
import { SettingsSection } from './SettingsSection';

type Offline = 'ready' | 'not-yet' | 'unsupported';

function offlineState(): Offline {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
  return navigator.serviceWorker.controller ? 'ready' : 'not-yet';
}

/** The about section. */
export function AboutSection() {
  const [offline, setOffline] = useState<Offline>(offlineState);
  useEffect(() => {
    if (offline === 'unsupported') return;
    const update = () => setOffline(offlineState());
    navigator.serviceWorker.addEventListener('controllerchange', update);
    return () => navigator.serviceWorker.removeEventListener('controllerchange', update);
  }, []);
  return (
    <SettingsSection id="about" title="About">
      <p>
        <strong>Plan B</strong> {version}: an offline-first conference companion for crowded venues.
      </p>
      <p class={`settings-offline settings-offline-${offline}`}>
        {offline === 'ready' &&
          'Ready to work offline: the app and your schedule are on this device.'}
        {offline === 'not-yet' &&
          'Not ready offline yet: keep this page open for a moment, or open it once more while you have a network.'}
        {offline === 'unsupported' &&
          'This browser cannot keep the app for offline use; your schedule is still stored here.'}
      </p>
      <p>
        How it works: the app itself is kept by your browser (a service worker), the schedule, your
        bookmarks and notes in its database on this phone. Nothing you write leaves the phone except
        crowd reports, which are anonymous. When a network is there, Plan B checks for a newer
        schedule and tells you what changed.
      </p>
    </SettingsSection>
  );
}
