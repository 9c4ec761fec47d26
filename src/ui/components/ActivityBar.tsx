/** A thin progress bar with a label while the schedule downloads, parses and saves. */
import { useStore } from '../../state/context';

const PHASES = { download: 'Downloading', parse: 'Reading', save: 'Saving' } as const;

/** Progress of the current import, or nothing when idle. */
export function ActivityBar() {
  const activity = useStore().activity.value;
  if (!activity) return null;
  const p = activity.progress;
  let fraction: number | undefined;
  let detail = '';
  if (p?.phase === 'download') {
    fraction = p.total ? Math.min(1, p.received / p.total) * 0.7 : undefined;
    detail = `${PHASES.download} ${(p.received / 1024 / 1024).toFixed(1)} MB`;
  } else if (p) {
    fraction = p.phase === 'parse' ? 0.75 : 0.9;
    detail = PHASES[p.phase];
  }
  return (
    <div class="activity" role="status" aria-live="polite">
      <progress max={1} value={fraction} aria-label={activity.label} />
      <span>
        {activity.label}
        {detail ? ` · ${detail}` : ''}…
      </span>
    </div>
  );
}
