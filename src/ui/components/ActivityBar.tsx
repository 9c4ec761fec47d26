/** A thin progress bar with what the import is doing, and Cancel while it can be cancelled. */
import { useStore } from '../../state/context';
import { importProgress } from '../import-progress';

/** Progress of the current import, or nothing when idle. */
export function ActivityBar() {
  const activity = useStore().activity.value;
  if (!activity) return null;
  const { fraction, detail } = importProgress(activity.progress);
  return (
    // A named region: all content sits in a landmark, and the bar is found by its name.
    <section class="activity" aria-label="Schedule import">
      <progress max={1} value={fraction} aria-label={activity.label} />
      <span role="status" aria-live="polite">
        {detail}…
      </span>
      {activity.cancel && (
        <button type="button" class="link-button activity-cancel" onClick={activity.cancel}>
          Cancel
        </button>
      )}
    </section>
  );
}
