/**
 * Settings → Storage: whether the browser promised to keep Plan B's data (persistent storage)
 * and how much room it uses. Every call is guarded: older browsers, private windows and the
 * test DOM may have no navigator.storage at all.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../../../state/context';
import { href } from '../../router';
import { SettingsSection } from './SettingsSection';

type Persistence = 'unknown' | 'unsupported' | 'granted' | 'not-granted';

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** "3.2 MB". */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The storage section. */
export function StorageSection() {
  const store = useStore();
  const versionId = store.version.value?.id;
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  const [asked, setAsked] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const manager = storageManager();
    if (typeof manager?.persisted !== 'function') setPersistence('unsupported');
    else
      manager.persisted().then(
        (yes) => live && setPersistence(yes ? 'granted' : 'not-granted'),
        () => live && setPersistence('unsupported'),
      );
    return () => {
      live = false;
    };
  }, []);

  // Measured again after each import: the schedule is most of what Plan B stores.
  useEffect(() => {
    let live = true;
    const manager = storageManager();
    if (typeof manager?.estimate !== 'function') return;
    manager.estimate().then(
      (e) => {
        if (live && typeof e.usage === 'number' && typeof e.quota === 'number')
          setEstimate({ usage: e.usage, quota: e.quota });
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [versionId]);

  async function ask() {
    const manager = storageManager();
    if (typeof manager?.persist !== 'function') return;
    try {
      const granted = await manager.persist();
      setPersistence(granted ? 'granted' : 'not-granted');
      setAsked(
        granted
          ? 'Granted: the browser will keep your schedule, bookmarks and notes.'
          : 'The browser said no. Browsers decide from how you use a site: adding Plan B to your home screen usually helps.',
      );
    } catch (error) {
      setAsked(`The browser could not answer (${(error as Error).message}).`);
    }
  }

  return (
    <SettingsSection id="storage" title="Storage">
      <p>
        Your schedule, bookmarks and notes are stored only on this device (in the browser), so Plan
        B works without a network.
      </p>
      <p>
        <a href={href(['notes'], { section: 'backup' })}>Back up or restore your data</a> (one file
        with your bookmarks, notes and settings).
      </p>
      <p class={`settings-persist settings-persist-${persistence}`}>
        {persistence === 'granted' && (
          <>
            <strong>Kept safe.</strong> The browser will not delete Plan B's data to free space.
          </>
        )}
        {persistence === 'not-granted' && (
          <>
            <strong>Not guaranteed.</strong> The browser may delete Plan B's data if the device runs
            low on space.
          </>
        )}
        {persistence === 'unsupported' &&
          'This browser does not say whether it keeps Plan B’s data when space runs low.'}
        {persistence === 'unknown' && 'Asking the browser whether it keeps Plan B’s data…'}
      </p>
      {persistence === 'not-granted' && (
        <p>
          <button type="button" class="button button-quiet" onClick={() => void ask()}>
            Ask the browser to keep my data
          </button>
        </p>
      )}
      <p class="settings-message settings-message-info" role="status">
        {asked ?? ''}
      </p>
      {estimate && (
        <p>
          Plan B uses about <strong>{bytesText(estimate.usage)}</strong> of the{' '}
          {bytesText(estimate.quota)} this browser allows it.
        </p>
      )}
    </SettingsSection>
  );
}
